/**
 * Records a decided status change (identified → exited → returned; monitoring and risk cleared after 2020).
 * The history is only appended to. Exiting needs the exit assessment of the latest income year to pass; the
 * full exit workflow (verification, signature, public notice) is a later step that will call this at its end.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import type { Database, HouseholdStatus } from '../../db/schema.ts';
import type { FieldProblem, Localized } from '../../domain/errors.ts';
import { audit, diffOf } from '../audit/audit.ts';
import { dashboardTouched } from '../dashboard/dashboard-touched.ts';
import { evaluateExit, NO_INCOME } from './assess-household-exit.ts';
import { getHousehold } from './get-household.ts';
import { refuseProblems, today } from './household-rules.ts';
import { type Lang, loadForChange } from './household-state.ts';
import { householdsChanged } from './household-totals.ts';

/** Allowed next statuses of each status. */
export const TRANSITIONS: Readonly<Record<HouseholdStatus, readonly HouseholdStatus[]>> = {
  identified: ['exited', 'monitored'],
  exited: ['returned', 'monitored'],
  returned: ['exited', 'monitored'],
  monitored: ['risk_cleared', 'identified'],
  risk_cleared: ['monitored'],
};

const LABEL: Record<HouseholdStatus, Localized> = {
  identified: { zh: '贫困户', en: 'in poverty' },
  exited: { zh: '已脱贫', en: 'out of poverty' },
  returned: { zh: '返贫', en: 'returned to poverty' },
  monitored: { zh: '监测户', en: 'under monitoring' },
  risk_cleared: { zh: '风险已消除', en: 'risk cleared' },
};

/** The decided change: new status, the day it took effect and why. */
export interface StatusChangeInput {
  status: HouseholdStatus;
  effectiveOn: string;
  reason: string;
}

function transitionProblems(from: HouseholdStatus, to: HouseholdStatus): FieldProblem[] {
  if (TRANSITIONS[from].includes(to)) return [];
  const allowed = TRANSITIONS[from];
  const message = {
    zh: `状态不能从“${LABEL[from].zh}”改为“${LABEL[to].zh}”，只能改为：${allowed.map((s) => `“${LABEL[s].zh}”`).join('、')}`,
    en: `The status cannot change from ${LABEL[from].en} to ${LABEL[to].en}; allowed: ${allowed.map((s) => LABEL[s].en).join(', ')}`,
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

/** Exit needs a passing assessment of the latest income year: every failing check is a problem. */
async function exitProblems(db: Kysely<Database>, county: string, id: number): Promise<FieldProblem[]> {
  const evaluation = await evaluateExit(db, county, id);
  if (!evaluation) return [{ path: 'status', code: 'exit_income_missing', message: NO_INCOME }];
  return evaluation.checks
    .filter((c) => !c.passed)
    .map((c) => ({ path: 'status', code: `exit_${c.code}`, message: c.detail }));
}

/** Appends the change to the history, sets the household's status and returns its full record. */
export async function changeHouseholdStatus(
  db: Kysely<Database>,
  county: string,
  id: number,
  change: StatusChangeInput,
  lang: Lang = 'zh',
) {
  const result = await db.transaction().execute(async (tx) => {
    const { household } = await loadForChange(tx, county, id);
    const events = await parts.listStatusEvents(tx, county, id);
    const problems = [
      ...transitionProblems(household.status, change.status),
      ...dateProblems(change.effectiveOn, events.at(-1)?.effective_on),
    ];
    if (problems.length === 0 && change.status === 'exited') problems.push(...(await exitProblems(tx, county, id)));
    await refuseProblems(tx, [], problems);
    const event = {
      county_code: county,
      household_id: id,
      status: change.status,
      effective_on: change.effectiveOn,
      reason: change.reason.trim(),
    };
    await parts.insertStatusEvent(tx, event);
    await repo.updateHousehold(tx, county, id, { status: change.status });
    const diff = diffOf(household, { status: change.status, effective_on: change.effectiveOn, reason: event.reason });
    await audit(tx, {
      county,
      action: 'household.status',
      table: 'household',
      recordId: id,
      orgCode: household.natural_village_code,
      diff,
    });
    return getHousehold(tx, county, id, lang);
  });
  householdsChanged(county);
  await dashboardTouched(db, county, [result.naturalVillageCode]);
  return result;
}
