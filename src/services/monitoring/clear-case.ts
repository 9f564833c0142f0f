/**
 * Risk cleared (风险消除): the criteria are checked from the record (domain/risk-clearance.ts), never typed — the
 * clerk gives only the reason. A case that passes is cleared today with the check stored beside it; its
 * household's current pairings end pinned to the cleared case (不脱钩 until then: nothing else ends them while the
 * case is open). Refused (422) with every failed criterion otherwise. A cleared case stays; a new risk is a new
 * case.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import * as monitoring from '../../db/repositories/monitoring.ts';
import { lineMapOf } from '../../db/repositories/monitoring-lines.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/actor.ts';
import type { SchoolStatusCode } from '../../domain/codes.ts';
import { provinceOf } from '../../domain/divisions.ts';
import { AppError } from '../../domain/errors.ts';
import { type ClearanceResult, checkClearance } from '../../domain/risk-clearance.ts';
import { lineOfYear } from '../../domain/yearly-line.ts';
import { RISK_TYPE_LABELS, type RiskType } from '../../shared/labels/monitoring.ts';
import type { Lang } from '../../shared/lang.ts';
import { today } from '../households/household-rules.ts';
import { HOUSEHOLD } from '../households/household-state.ts';
import { write } from '../write.ts';
import { toCaseOut } from './case-out.ts';
import { caseOrThrow, MONITORING_CASE, notOpenProblem } from './case-state.ts';

type CaseRow = Awaited<ReturnType<typeof caseOrThrow>>;

/** The clearance criteria of `row` checked against the stored household today. */
async function evaluate(db: Kysely<Database>, county: string, row: CaseRow) {
  const id = Number(row.household_id);
  const province = provinceOf(county);
  const [household, persons, income, lines, stableYears] = await Promise.all([
    repo.findHousehold(db, county, id),
    parts.listPersons(db, county, id),
    parts.listIncome(db, county, id),
    lineMapOf(db, province),
    monitoring.stableYearsOf(db, county),
  ]);
  if (!household) throw AppError.notFound(HOUSEHOLD);
  const asOf = today();
  const result = checkClearance({
    incomes: income.map((r) => ({ year: r.year, perCapita: r.per_capita_net })),
    lineOf: (year) => lineOfYear(year, province, lines),
    stableYears,
    security: {
      foodAndClothingSecure: household.food_clothing_secure,
      persons: persons
        .filter((p) => p.birth_date <= asOf)
        .map((p) => ({
          birthDate: p.birth_date,
          schoolStatus: p.school_status as SchoolStatusCode,
          hasMedicalInsurance: p.has_medical_insurance,
        })),
      housingGrade: household.housing_grade,
      safeWater: household.safe_water,
      asOf,
    },
    riskTypes: row.risk_types,
    resolvedRisks: row.resolved_risks,
    riskLabel: (code) => RISK_TYPE_LABELS[code as RiskType] ?? { zh: code, en: code },
  });
  return { result, stableYears, place: household.natural_village_code };
}

function localized(result: ClearanceResult, stableYears: number, lang: Lang) {
  return {
    passes: result.passes,
    stableYears,
    checks: result.checks.map((c) => ({ code: c.code, passed: c.passed, detail: c.detail[lang] })),
  };
}

/** GET /monitoring-cases/:id/clearance: every criterion as it stands today, in `lang`. */
export async function previewClearance(db: Kysely<Database>, county: string, id: number, lang: Lang = 'zh') {
  const row = await monitoring.findCase(db, county, id);
  if (!row) throw AppError.notFound(MONITORING_CASE);
  const { result, stableYears } = await evaluate(db, county, row);
  return localized(result, stableYears, lang);
}

/** POST /monitoring-cases/:id/clear: clears the case when every criterion passes; answers the case and check. */
export async function clearCase(
  db: Kysely<Database>,
  county: string,
  id: number,
  reason: string,
  actor: Actor,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const row = await caseOrThrow(ctx.tx, county, id);
    const closed = notOpenProblem(row.status);
    if (closed.length > 0) throw AppError.rules(closed);
    const { result, stableYears, place } = await evaluate(ctx.tx, county, row);
    if (!result.passes) {
      const failed = result.checks.filter((c) => !c.passed);
      throw AppError.rules(failed.map((c) => ({ path: '', code: `clear_${c.code}`, message: c.detail })));
    }
    const on = today();
    const check = { stableYears, checks: result.checks };
    await monitoring.clearCase(ctx.tx, county, id, { on, reason: reason.trim(), check, by: actor.userId });
    const ended = await monitoring.endPairingsByClearedCase(ctx.tx, county, Number(row.household_id), id, on);
    ctx.audit({
      action: 'monitoring.clear',
      table: 'monitoring_case',
      recordId: id,
      orgCode: place,
      diff: { status: ['open', 'cleared'], closed_on: [null, on], pairings_ended: [0, ended] },
    });
    ctx.changed('households', 'warnings', 'dashboard');
    ctx.touched(place);
    const after = { ...row, status: 'cleared' as const, closed_on: on, close_reason: reason.trim() };
    return { case: toCaseOut(after), check: localized(result, stableYears, lang) };
  });
}
