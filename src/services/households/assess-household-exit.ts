/**
 * The exit assessment (脱贫评估) of a household for one income year: per-capita net income above that year's
 * line (province from the county code: the poverty line up to 2020, the province's monitoring line after — a
 * missing one is a 422 saying so) and 两不愁三保障 plus safe water, every check listed.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import { lineMapOf } from '../../db/repositories/monitoring-lines.ts';
import type { Database } from '../../db/schema.ts';
import type { SchoolStatusCode } from '../../domain/codes.ts';
import { provinceOf } from '../../domain/divisions.ts';
import { AppError } from '../../domain/errors.ts';
import { type ExitTestResult, runExitTest } from '../../domain/exit-test.ts';
import { lineOfYear } from '../../domain/yearly-line.ts';
import { today } from './household-rules.ts';
import { HOUSEHOLD, type Lang } from './household-state.ts';

/** The exit test's result for one year, with the income it compared. */
export interface ExitEvaluation extends ExitTestResult {
  year: number;
  perCapitaNetIncome: number;
}

/**
 * Runs the exit test on the stored household for `year` (default: the latest income year); null when there
 * is no income for that year. Ages are taken at the year's end, or today while the year is still running.
 */
export async function evaluateExit(
  db: Kysely<Database>,
  county: string,
  id: number,
  year?: number,
): Promise<ExitEvaluation | null> {
  const household = await repo.findHousehold(db, county, id);
  if (!household) throw AppError.notFound(HOUSEHOLD);
  const [persons, income] = await Promise.all([parts.listPersons(db, county, id), parts.listIncome(db, county, id)]);
  const row = year === undefined ? income.at(-1) : income.find((r) => r.year === year);
  if (!row) return null;
  const province = provinceOf(county);
  const line = lineOfYear(row.year, province, await lineMapOf(db, province));
  if (!line.known) throw AppError.rules([{ path: 'year', code: 'monitoring_line_missing', message: line.message }]);
  const yearEnd = `${row.year}-12-31`;
  const asOf = yearEnd < today() ? yearEnd : today();
  const result = runExitTest({
    year: row.year,
    provinceCode: province,
    line: line.yuan,
    perCapitaNetIncome: row.per_capita_net,
    foodAndClothingSecure: household.food_clothing_secure,
    // Members born after the assessment date were not part of the household then.
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
  });
  return { ...result, year: row.year, perCapitaNetIncome: row.per_capita_net };
}

/** The problem reported when a year has no income to assess. */
export const NO_INCOME = {
  zh: '该年度没有收入记录，无法评估脱贫',
  en: 'There is no income record for that year, so exit cannot be assessed',
};

/** GET /:id/exit-assessment: the evaluation with each check's detail in `lang`; 422 without income. */
export async function assessHouseholdExit(
  db: Kysely<Database>,
  county: string,
  id: number,
  year: number | undefined,
  lang: Lang = 'zh',
) {
  const evaluation = await evaluateExit(db, county, id, year);
  if (!evaluation) throw AppError.rules([{ path: 'year', code: 'income_missing', message: NO_INCOME }]);
  const { line, perCapitaNetIncome, passes, checks } = evaluation;
  return {
    year: evaluation.year,
    line,
    perCapitaNetIncome,
    passes,
    checks: checks.map((c) => ({ code: c.code, passed: c.passed, detail: c.detail[lang] })),
  };
}
