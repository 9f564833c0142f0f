/**
 * Consistency rules about the income record: 低保 and 五保 are never both received, per-capita net
 * income is plausible, and the income record counts the same people as the member list.
 */
import type { RuleContext, Violation } from './household-facts.ts';
import { violation } from './household-facts.ts';
import { perCapitaNetIncome } from './income.ts';

/** Per-capita net income must lie in (0, MAX] CNY; anything else is almost surely a typing error. */
export const MAX_PLAUSIBLE_PER_CAPITA_INCOME = 100_000;

/** dibao_and_wubao: the two safety nets exclude each other; reported once per household. */
export function checkDibaoWubao(ctx: RuleContext): Violation[] {
  const { attribute, income } = ctx.household;
  const dibao = (income?.items.dibao ?? 0) > 0;
  const wubao = (income?.items.wubao ?? 0) > 0;
  if (dibao && wubao) {
    return [
      violation(
        'dibao_and_wubao',
        '同时领取低保金和五保（特困供养）金，二者不能兼得',
        'The household receives both dibao and wubao payments; it may receive only one',
        'income.items',
      ),
    ];
  }
  if (attribute === 'tekun' && dibao) {
    return [
      violation(
        'dibao_and_wubao',
        '特困供养（五保）户不应领取低保金',
        'A destitute-support (wubao) household should not receive dibao payments',
        'income.items.dibao',
      ),
    ];
  }
  if ((attribute === 'dibao' || attribute === 'dibao_poor') && wubao) {
    return [
      violation(
        'dibao_and_wubao',
        '低保户不应领取五保（特困供养）金',
        'A dibao household should not receive wubao payments',
        'income.items.wubao',
      ),
    ];
  }
  return [];
}

/** income_out_of_range and household_size_mismatch; nothing when no income record exists. */
export function checkIncome(ctx: RuleContext): Violation[] {
  const income = ctx.household.income;
  if (!income) return [];
  const out: Violation[] = [];
  const members = ctx.household.persons.length;
  if (income.householdSize !== members) {
    out.push(
      violation(
        'household_size_mismatch',
        `收入表中的家庭人口数（${income.householdSize}）与登记的家庭成员数（${members}）不一致`,
        `Household size in the income record (${income.householdSize}) differs from the number of registered members (${members})`,
        'income.householdSize',
      ),
    );
  }
  // A size that cannot divide income is already reported as a mismatch above.
  if (!Number.isInteger(income.householdSize) || income.householdSize < 1) return out;
  const perCapita = perCapitaNetIncome(income.items, income.householdSize);
  if (!(perCapita > 0 && perCapita <= MAX_PLAUSIBLE_PER_CAPITA_INCOME)) {
    const shown = Number.isFinite(perCapita) ? perCapita.toFixed(2) : '—';
    out.push(
      violation(
        'income_out_of_range',
        `人均纯收入 ${shown} 元不在合理范围内（应大于 0 元且不超过 ${MAX_PLAUSIBLE_PER_CAPITA_INCOME} 元），请核实收入各项`,
        `Per-capita net income ${shown} CNY is outside the plausible range (above 0, at most ${MAX_PLAUSIBLE_PER_CAPITA_INCOME} CNY); please check the income items`,
        'income',
      ),
    );
  }
  return out;
}
