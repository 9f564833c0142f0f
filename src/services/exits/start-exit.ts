/**
 * Starts a household's exit (贫困户退出评估): the exit test of an income year must pass and the household must be
 * in poverty (identified or returned) with no exit already in progress. The assessment is stored as a snapshot:
 * every check with its detail in Chinese and English, the per-capita income and the line it was compared with.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { stepDateProblems } from '../../domain/exit-workflow.ts';
import type { ExitStartBody } from '../../shared/schemas/exit.ts';
import { evaluateExit, NO_INCOME } from '../households/assess-household-exit.ts';
import { today } from '../households/household-rules.ts';
import { type Lang, loadForChange } from '../households/household-state.ts';
import { write } from '../write.ts';
import { actorId, orderConflict, refuse } from './exit-step.ts';
import { getExit } from './exit-view.ts';

const CAN_EXIT = new Set(['identified', 'returned']);

function statusProblems(status: string): FieldProblem[] {
  if (CAN_EXIT.has(status)) return [];
  const message = {
    zh: '只有贫困户或返贫户可以办理脱贫退出',
    en: 'Only a household in poverty (identified or returned) can exit',
  };
  return [{ path: '', code: 'exit_status_not_poor', message }];
}

/** POST /households/:id/exits: 201 with the new exit in status 'assessed', or 422 with every failed check. */
export async function startExit(
  db: Kysely<Database>,
  county: string,
  householdId: number,
  input: ExitStartBody,
  lang: Lang,
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const { household } = await loadForChange(tx, county, householdId);
    const open = await repo.findOpenExit(tx, county, householdId);
    if (open) {
      throw orderConflict({
        zh: `该户已有进行中的脱贫退出（记录 ${open.id}），请先办完或撤回`,
        en: `This household already has an exit in progress (${open.id}): finish or withdraw it first`,
      });
    }
    refuse([...statusProblems(household.status), ...stepDateProblems('assessedOn', input.assessedOn, today())]);
    const evaluation = await evaluateExit(tx, county, householdId, input.year);
    if (!evaluation) refuse([{ path: 'year', code: 'income_missing', message: NO_INCOME }]);
    const { checks, line, perCapitaNetIncome, year } = evaluation as NonNullable<typeof evaluation>;
    refuse(checks.filter((c) => !c.passed).map((c) => ({ path: '', code: `exit_${c.code}`, message: c.detail })));
    const id = await repo.insertExit(tx, {
      county_code: county,
      household_id: householdId,
      year,
      status: 'assessed',
      per_capita_net: perCapitaNetIncome,
      line,
      assessment: JSON.stringify({ checks }),
      assessed_on: input.assessedOn,
      assessed_by: actorId(),
    });
    const diff: Record<string, [unknown, unknown]> = {
      status: [null, 'assessed'],
      year: [null, year],
      assessed_on: [null, input.assessedOn],
      per_capita_net: [null, perCapitaNetIncome],
      line: [null, line],
    };
    const orgCode = household.natural_village_code;
    ctx.audit({ action: 'exit.start', table: 'household_exit', recordId: id, orgCode, diff });
    return getExit(tx, county, id, lang);
  });
}
