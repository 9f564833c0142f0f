/**
 * Enters or corrects one year's income. The database computes the per-capita net income (generated column);
 * the household's headline figure follows its latest year, which is what the list sorts and filters on.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { IncomeInputBody } from '../../shared/schemas/household.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';
import { getHousehold } from './get-household.ts';
import { incomeColumns } from './household-columns.ts';
import { incomeItems, personFacts, refuseProblems, toFacts, toProblems, violationsOf } from './household-rules.ts';
import { type Lang, loadForChange } from './household-state.ts';

/**
 * Upserts the income of `year` (household size defaults to the current number of members) and returns the
 * household's full record. Refused (422) when the income breaks a rule: per-capita net income outside
 * (0, 100,000], 低保 with 五保, or — for the latest year — a size that differs from the members registered.
 */
export async function putIncome(
  db: Kysely<Database>,
  county: string,
  id: number,
  year: number,
  input: IncomeInputBody,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const { household, persons, latestIncome } = await loadForChange(tx, county, id);
    const householdSize = input.householdSize ?? household.size;
    if (householdSize < 1) {
      const message = {
        zh: '家庭没有登记成员，请填写家庭人口数',
        en: 'The household has no members; give the household size',
      };
      throw AppError.rules([{ path: 'householdSize', code: 'household_size_missing', message }]);
    }
    const isLatest = latestIncome === null || year >= latestIncome.year;
    const facts = toFacts(household, persons.map(personFacts), { items: incomeItems(input), householdSize });
    // Only the income's own rules: older problems of the record do not block entering income.
    const violations = violationsOf(facts).filter(
      (v) => v.path?.startsWith('income') && (isLatest || v.code !== 'household_size_mismatch'),
    );
    const rebase: [string, string][] = [
      ['income.items', ''],
      ['income', ''],
    ];
    await refuseProblems(tx, [], toProblems(violations, rebase));
    const row = { county_code: county, household_id: id, year, household_size: householdSize, ...incomeColumns(input) };
    const perCapita = await parts.upsertIncome(tx, row);
    const { county_code, household_id, ...written } = row;
    ctx.audit({
      action: 'income.put',
      table: 'household',
      recordId: id,
      orgCode: household.natural_village_code,
      diff: diffOf(null, written),
    });
    // A past year leaves the headline figure alone but still stamps updated_at.
    await repo.updateHousehold(tx, county, id, isLatest ? { income_year: year, per_capita_income: perCapita } : {});
    ctx.changed('households');
    ctx.touched(household.natural_village_code);
    return getHousehold(tx, county, id, lang);
  });
}
