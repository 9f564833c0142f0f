/**
 * Opens a monitoring case (纳入监测): from an early warning (services/warnings/start-monitoring.ts) or directly by
 * a clerk with category, risk types and how the household was found. The household's poverty status is left as
 * it is (a 脱贫户 in monitoring stays exited); a household has at most one open case (a partial unique index
 * too); a cleared case is reopened as a new case, never edited back.
 */
import type { Kysely } from 'kysely';
import * as monitoring from '../../db/repositories/monitoring.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/actor.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { AppError } from '../../domain/errors.ts';
import {
  MONITORING_CATEGORY_LABELS,
  type MonitoringCategory,
  type MonitoringSource,
  type RiskType,
} from '../../shared/labels/monitoring.ts';
import { today } from '../households/household-rules.ts';
import { loadForChange } from '../households/household-state.ts';
import { type WriteContext, write } from '../write.ts';
import { toCaseOut } from './case-out.ts';
import { caseOrThrow } from './case-state.ts';

/** What opening a case needs; category and risk types default from the household when not given. */
export interface OpenCaseInput {
  category?: MonitoringCategory | undefined;
  riskTypes?: RiskType[] | undefined;
  sources: MonitoringSource[];
  reason: string;
  helperMemberId?: number | null | undefined;
}

const REASON_REQUIRED: FieldProblem = {
  path: 'reason',
  code: 'reason_required',
  message: { zh: '请说明纳入监测的原因', en: 'Say why the household is monitored' },
};

/** 脱贫不稳定户 must have left poverty; 边缘易致贫户 must never have been registered in poverty. */
function categoryProblems(category: MonitoringCategory, povertyStatus: string): FieldProblem[] {
  const label = MONITORING_CATEGORY_LABELS[category];
  if (category === 'unstable' && povertyStatus === 'none') {
    const message = {
      zh: `该户从未建档立卡，不能认定为“${label.zh}”，请选“边缘易致贫户”或“突发严重困难户”`,
      en: `The household was never registered in poverty and cannot be "${label.en}": choose marginal or sudden hardship`,
    };
    return [{ path: 'category', code: 'category_needs_exit', message }];
  }
  if (category === 'marginal' && povertyStatus !== 'none') {
    const message = {
      zh: `该户是建档立卡户，不能认定为“${label.zh}”，请选“脱贫不稳定户”或“突发严重困难户”`,
      en: `The household is registered in poverty and cannot be "${label.en}": choose unstable or sudden hardship`,
    };
    return [{ path: 'category', code: 'category_needs_never_poor', message }];
  }
  return [];
}

function alreadyOpen(openedOn: string): FieldProblem {
  const message = {
    zh: `该户已在监测中（自 ${openedOn} 起），不能重复纳入`,
    en: `The household is already monitored (since ${openedOn})`,
  };
  return { path: 'id', code: 'monitoring_case_open', message };
}

/** A risk type the household's main cause names, or 'other'. */
function defaultRisk(mainCause: string): RiskType {
  const known: readonly string[] = ['illness', 'disability', 'schooling', 'disaster', 'labour', 'water'];
  return (known.includes(mainCause) ? mainCause : 'other') as RiskType;
}

/**
 * Inside the caller's write: checks and inserts the case, audits it. Returns the case id, its category and the
 * day it opened (today, business clock).
 */
export async function openCaseStep(ctx: WriteContext, householdId: number, input: OpenCaseInput, by: number | null) {
  const { tx, county } = ctx;
  const { household } = await loadForChange(tx, county, householdId);
  const category = input.category ?? (household.status === 'none' ? 'marginal' : 'unstable');
  const riskTypes = [...new Set(input.riskTypes ?? [defaultRisk(household.main_cause)])];
  const open = await monitoring.openCaseOf(tx, county, householdId);
  const problems = [
    ...(input.reason.trim() === '' ? [REASON_REQUIRED] : []),
    ...(open ? [alreadyOpen(String(open.opened_on))] : []),
    ...categoryProblems(category, household.status),
  ];
  if (problems.length > 0) throw AppError.rules(problems);
  const openedOn = today();
  const row = {
    county_code: county,
    household_id: householdId,
    category,
    risk_types: riskTypes,
    sources: [...new Set(input.sources)],
    opened_on: openedOn,
    open_reason: input.reason.trim(),
    helper_member_id: input.helperMemberId ?? null,
    opened_by: by,
  };
  const caseId = await monitoring.insertCase(tx, row);
  ctx.audit({
    action: 'monitoring.open',
    table: 'monitoring_case',
    recordId: caseId,
    orgCode: household.natural_village_code,
    diff: { household_id: [null, householdId], category: [null, category], risk_types: [null, riskTypes] },
  });
  ctx.changed('households', 'warnings', 'dashboard');
  ctx.touched(household.natural_village_code);
  return { caseId, category, openedOn };
}

/** A clerk opens a case directly (POST /households/:id/monitoring-cases); answers the new case. */
export async function openCase(
  db: Kysely<Database>,
  county: string,
  householdId: number,
  input: OpenCaseInput & { category: MonitoringCategory; riskTypes: RiskType[] },
  actor: Actor,
) {
  return write(db, county, async (ctx) => {
    const { caseId } = await openCaseStep(ctx, householdId, input, actor.userId);
    return { case: toCaseOut(await caseOrThrow(ctx.tx, county, caseId)) };
  });
}
