/**
 * Yearly household income (家庭年收入) as the registry records it, and the per-capita net income
 * that the poverty line and the exit test compare against.
 */

/** A household's income items for one year, in CNY. */
export interface IncomeItems {
  /** 工资性收入: wages from local or migrant work. */
  wage: number;
  /** 生产经营性收入: gross income from farming, livestock, business. */
  production: number;
  /** 财产性收入: rent, dividends (e.g. co-operative shares), interest. */
  property: number;
  /** 低保金: minimum living allowance payments. */
  dibao: number;
  /** 五保/特困供养金: destitute-support payments. */
  wubao: number;
  /** 养老金: pension payments. */
  pension: number;
  /** 其他转移性收入: other transfers (subsidies, ecological compensation…). */
  subsidy: number;
  /** 生产经营性支出: production and business costs, deducted from income. */
  productionCost: number;
}

/** The income items that add to income (everything except the costs), in registry order. */
export const INCOME_KEYS = ['wage', 'production', 'property', 'dibao', 'wubao', 'pension', 'subsidy'] as const;

// Money is summed in whole fen (cents) so that 0.1 + 0.2 style float drift never shows up in a
// figure a clerk compares against the poverty line.
const toFen = (yuan: number): number => Math.round(yuan * 100);

/** Rounds to 2 decimals, halves away from zero (the way amounts are rounded on paper). */
export function roundYuan(value: number): number {
  const rounded = Math.round(Math.abs(value) * 100 + 1e-9) / 100;
  return value < 0 ? -rounded : rounded;
}

/** Sum of all income items (before costs). Non-finite items make the result NaN. */
export function grossIncome(items: IncomeItems): number {
  let fen = 0;
  for (const key of INCOME_KEYS) fen += toFen(items[key]);
  return fen / 100;
}

/** Yearly net income: all income minus production costs; may be negative. */
export function netIncome(items: IncomeItems): number {
  return (toFen(grossIncome(items)) - toFen(items.productionCost)) / 100;
}

/**
 * Per-capita net income (人均纯收入), rounded to 2 decimals.
 * @throws RangeError unless `householdSize` is an integer ≥ 1.
 */
export function perCapitaNetIncome(items: IncomeItems, householdSize: number): number {
  if (!Number.isInteger(householdSize) || householdSize < 1) {
    throw new RangeError(`Household size must be an integer >= 1, got ${householdSize}`);
  }
  return roundYuan(netIncome(items) / householdSize);
}
