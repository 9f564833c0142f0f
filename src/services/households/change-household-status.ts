/**
 * Records a decided change of the poverty history (identified → exited → returned; a never-registered household
 * may be identified). The history is only appended to. Exiting is refused here: only the exit workflow
 * (services/exits/) reaches 'exited', through recordStatusChange at its end. Monitoring is not a status: it is a
 * monitoring case (services/monitoring/), which leaves the poverty status as it is.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import type { Database, HouseholdStatus } from '../../db/schema.ts';
import type { FieldProblem, Localized } from '../../domain/errors.ts';
import { HOUSEHOLD_STATUS_LABELS } from '../../shared/labels/household.ts';
import { inSentence } from '../../shared/lang.ts';
import { diffOf } from '../audit/audit.ts';
import { type WriteContext, write } from '../write.ts';
import { getHousehold } from './get-household.ts';
import { refuseProblems, today } from './household-rules.ts';
import { type Lang, loadForChange } from './household-state.ts';

/** Allowed next statuses of each status. */
export const TRANSITIONS: Readonly<Record<HouseholdStatus, readonly HouseholdStatus[]>> = {
  none: ['identified'],
  identified: ['exited'],
  exited: ['returned'],
  returned: ['exited'],
};

/** A status as the messages name it ("from out of poverty to …"). */
const LABEL = (status: HouseholdStatus): Localized => inSentence(HOUSEHOLD_STATUS_LABELS[status]);

/** The decided change: new status, the day it took effect and why. */
export interface StatusChangeInput {
  status: Exclude<HouseholdStatus, 'none'>;
  effectiveOn: string;
  reason: string;
}

function transitionProblems(from: HouseholdStatus, to: HouseholdStatus): FieldProblem[] {
  if (TRANSITIONS[from].includes(to)) return [];
  const allowed = TRANSITIONS[from];
  const message = {
    zh: `状态不能从“${LABEL(from).zh}”改为“${LABEL(to).zh}”，只能改为：${allowed.map((s) => `“${LABEL(s).zh}”`).join('、')}`,
    en: `The status cannot change from ${LABEL(from).en} to ${LABEL(to).en}; allowed: ${allowed.map((s) => LABEL(s).en).join(', ')}`,
  };
  return [{ path: 'status', code: 'status_transition', message }];
}

function dateProblems(effectiveOn: string, lastEffectiveOn: string | undefined): FieldProblem[] {
  if (effectiveOn > today()) {
    return [
      {
        path: 'effectiveOn',
        code: 'effective_on_future',
        message: { zh: '生效日期不能晚于今天', en: 'The effective date cannot be in the future' },
      },
    ];
  }
  if (lastEffectiveOn !== undefined && effectiveOn < lastEffectiveOn) {
    const message = {
      zh: `生效日期不能早于上一次状态变更（${lastEffectiveOn}）`,
      en: `The effective date cannot precede the previous change (${lastEffectiveOn})`,
    };
    return [{ path: 'effectiveOn', code: 'effective_on_before_previous', message }];
  }
  return [];
}

/** Exiting poverty is never a direct change: it is the end of the exit workflow (assessment … public notice). */
const EXIT_NEEDS_WORKFLOW: FieldProblem = {
  path: 'status',
  code: 'exit_needs_workflow',
  message: {
    zh: '脱贫退出须经过退出流程（评估、村级核实、户主签字、公示），请在“脱贫退出”中办理',
    en: 'Exiting poverty goes through the exit workflow (assessment, village verification, signature, public notice): use "Exit" on the household',
  },
};

/** Who decides the change: a clerk directly, or the exit workflow at its end (the only way to 'exited'). */
export type StatusChangeVia = 'direct' | 'exit_workflow';

/**
 * Inside the caller's transaction: checks the change (transition, dates, the exit workflow), appends it to the
 * history, sets the status and audits it. Returns the new event's id and the household's natural village.
 */
export async function recordStatusChange(
  ctx: WriteContext,
  id: number,
  change: StatusChangeInput,
  via: StatusChangeVia,
): Promise<{ eventId: number; naturalVillageCode: string }> {
  const { tx, county } = ctx;
  const { household } = await loadForChange(tx, county, id);
  const events = await parts.listStatusEvents(tx, county, id);
  const problems = [
    ...transitionProblems(household.status, change.status),
    ...dateProblems(change.effectiveOn, events.at(-1)?.effective_on),
  ];
  if (problems.length === 0 && change.status === 'exited' && via !== 'exit_workflow')
    problems.push(EXIT_NEEDS_WORKFLOW);
  await refuseProblems(tx, [], problems);
  const reason = change.reason.trim();
  const eventId = await parts.insertStatusEvent(tx, {
    county_code: county,
    household_id: id,
    status: change.status,
    effective_on: change.effectiveOn,
    reason,
  });
  // Identifying a never-registered household starts its poverty history in the year it took effect.
  const identifiedYear = household.status === 'none' ? { identified_year: Number(change.effectiveOn.slice(0, 4)) } : {};
  await repo.updateHousehold(tx, county, id, { status: change.status, ...identifiedYear });
  const diff = diffOf(household, { status: change.status, effective_on: change.effectiveOn, reason });
  ctx.audit({
    action: 'household.status',
    table: 'household',
    recordId: id,
    orgCode: household.natural_village_code,
    diff,
  });
  ctx.changed('households');
  ctx.touched(household.natural_village_code);
  return { eventId, naturalVillageCode: household.natural_village_code };
}

/** Appends a clerk's decided change to the history, sets the household's status and returns its full record. */
export async function changeHouseholdStatus(
  db: Kysely<Database>,
  county: string,
  id: number,
  change: StatusChangeInput,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    await recordStatusChange(ctx, id, change, 'direct');
    return getHousehold(ctx.tx, county, id, lang);
  });
}
