/**
 * A household's needs (what the family asks for help with): raised, then met or dropped. A closed need keeps
 * its closing date; reopening clears it, since the table ties "open" to "no closing date".
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import type { NeedInputBody, NeedPatchBody } from '../../shared/schemas/household.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';
import { getHousehold } from './get-household.ts';
import { refuseProblems, today } from './household-rules.ts';
import { type Lang, loadForChange } from './household-state.ts';

const NEED = { zh: '需求', en: 'need' };

/** Records a need (raised today unless dated); returns the household's full record. */
export async function addNeed(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: NeedInputBody,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const { household } = await loadForChange(tx, county, id);
    const raisedOn = input.raisedOn ?? today();
    const problems: FieldProblem[] =
      raisedOn > today()
        ? [
            {
              path: 'raisedOn',
              code: 'raised_on_future',
              message: { zh: '提出日期不能晚于今天', en: 'The date raised cannot be in the future' },
            },
          ]
        : [];
    await refuseProblems(tx, [{ kind: 'need', code: input.need, path: 'need' }], problems);
    await parts.insertNeeds(tx, [
      {
        county_code: county,
        household_id: id,
        need: input.need,
        detail: input.detail?.trim() ?? '',
        raised_on: raisedOn,
      },
    ]);
    const diff = diffOf(null, { need: input.need, raised_on: raisedOn });
    ctx.audit({
      action: 'need.add',
      table: 'household',
      recordId: id,
      orgCode: household.natural_village_code,
      diff,
    });
    await repo.updateHousehold(tx, county, id, {});
    ctx.changed('households');
    return getHousehold(tx, county, id, lang);
  });
}

/** The closing date a patch leads to: set when closing (default today), cleared when reopening. */
function closingDate(status: 'open' | 'met' | 'dropped', patch: NeedPatchBody, current: string | null): string | null {
  if (status === 'open') return null;
  return patch.closedOn ?? current ?? today();
}

function closingProblems(
  status: string,
  closedOn: string | null,
  patch: NeedPatchBody,
  raisedOn: string,
): FieldProblem[] {
  if (status === 'open' && patch.closedOn !== undefined) {
    const message = { zh: '未关闭的需求不能填写关闭日期', en: 'An open need has no closing date' };
    return [{ path: 'closedOn', code: 'closed_on_while_open', message }];
  }
  if (closedOn !== null && (closedOn < raisedOn || closedOn > today())) {
    const message = {
      zh: '关闭日期应在提出日期之后且不晚于今天',
      en: 'The closing date must be between the date raised and today',
    };
    return [{ path: 'closedOn', code: 'closed_on_invalid', message }];
  }
  return [];
}

/** Changes a need's detail or status; returns the household's full record. */
export async function updateNeed(
  db: Kysely<Database>,
  county: string,
  id: number,
  needId: number,
  patch: NeedPatchBody,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const { household } = await loadForChange(tx, county, id);
    const need = await parts.findNeed(tx, county, id, needId);
    if (!need) throw AppError.notFound(NEED);
    const status = patch.status ?? need.status;
    const closedOn = closingDate(status, patch, patch.status && patch.status !== need.status ? null : need.closed_on);
    const problems = closingProblems(status, closedOn, patch, need.raised_on);
    await refuseProblems(tx, [], problems);
    const columns = {
      status,
      closed_on: closedOn,
      ...(patch.detail === undefined ? {} : { detail: patch.detail.trim() }),
    };
    await parts.updateNeed(tx, county, needId, columns);
    const diff = { need: [needId, needId] as [unknown, unknown], ...diffOf(need, columns) };
    ctx.audit({
      action: 'need.update',
      table: 'household',
      recordId: id,
      orgCode: household.natural_village_code,
      diff,
    });
    await repo.updateHousehold(tx, county, id, {});
    ctx.changed('households');
    return getHousehold(tx, county, id, lang);
  });
}
