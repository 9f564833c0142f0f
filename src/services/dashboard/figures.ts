/**
 * The dashboard's figures of one org unit, as stored in dashboard_summary and summed up the tree. Pure: every
 * figure is a count or a sum, so a parent's figures are exactly the sum of its children's, which is what lets
 * the summary be maintained a natural village at a time.
 */

/** Code → count (status, main cause, income bin, expertise, willingness). */
export type Counts = Record<string, number>;

export interface Figures {
  households: number;
  byStatus: Counts;
  byCause: Counts;
  /** Open monitoring cases by category (a household has at most one). */
  byMonitoring: Counts;
  /** Households with an open case that are not poor now (they need help too, beside the poor). */
  monitoredNotPoor: number;
  income: {
    /** The year whose per-capita net incomes are binned (the county's latest income year), null when none. */
    year: number | null;
    bins: Counts;
    /** Households without an income figure for `year`. */
    missing: number;
    /** Sum and number of the binned per-capita incomes, for the mean. */
    sum: number;
    count: number;
  };
  /** Active party members. */
  members: number;
  byExpertise: Counts;
  byWillingness: Counts;
}

/**
 * Income bins relative to the poverty line: [from, to) as multiples of the line. Half-open, so a household
 * exactly on the line falls in 1–1.2× (the exit test asks for "above the line" and reads it as strictly above;
 * the chart shows where incomes sit, not who passes the test).
 */
export const INCOME_BINS = [
  { code: 'lt_0_8', from: null, to: 0.8 },
  { code: '0_8_to_1', from: 0.8, to: 1 },
  { code: '1_to_1_2', from: 1, to: 1.2 },
  { code: '1_2_to_1_5', from: 1.2, to: 1.5 },
  { code: '1_5_to_2', from: 1.5, to: 2 },
  { code: 'ge_2', from: 2, to: null },
] as const;

export type IncomeBinCode = (typeof INCOME_BINS)[number]['code'];

/** Statuses that count as poor (in poverty now): identified and returned, as the registry counts do. */
export const POOR_STATUSES = ['identified', 'returned'] as const;

/** The bin edges in CNY for a line, rounded to cents like the stored incomes, shared by SQL and JS. */
export function binThresholds(line: number): number[] {
  return INCOME_BINS.slice(1).map((bin) => Math.round(line * (bin.from ?? 0) * 100) / 100);
}

/** Figures with every count zero (a natural village with no one registered yet). */
export function emptyFigures(year: number | null): Figures {
  return {
    households: 0,
    byStatus: {},
    byCause: {},
    byMonitoring: {},
    monitoredNotPoor: 0,
    income: { year, bins: {}, missing: 0, sum: 0, count: 0 },
    members: 0,
    byExpertise: {},
    byWillingness: {},
  };
}

/** Adds `n` to `counts[code]`. */
export function bump(counts: Counts, code: string, n: number): void {
  counts[code] = (counts[code] ?? 0) + n;
}

function addCounts(into: Counts, from: Counts): void {
  for (const [code, n] of Object.entries(from)) bump(into, code, n);
}

/** Sum of figures (a parent from its children). Sums of money stay in cents to avoid float drift. */
export function sumFigures(all: readonly Figures[], year: number | null): Figures {
  const total = emptyFigures(year);
  for (const f of all) {
    total.households += f.households;
    addCounts(total.byStatus, f.byStatus);
    addCounts(total.byCause, f.byCause);
    addCounts(total.byMonitoring, f.byMonitoring ?? {});
    total.monitoredNotPoor += f.monitoredNotPoor ?? 0;
    addCounts(total.income.bins, f.income.bins);
    total.income.missing += f.income.missing;
    total.income.sum = Math.round((total.income.sum + f.income.sum) * 100) / 100;
    total.income.count += f.income.count;
    total.members += f.members;
    addCounts(total.byExpertise, f.byExpertise);
    addCounts(total.byWillingness, f.byWillingness);
  }
  return total;
}

/** Households with an open monitoring case. */
export function monitoredOf(f: Figures): number {
  return Object.values(f.byMonitoring ?? {}).reduce((n, c) => n + c, 0);
}

/** Households in poverty now (identified + returned). */
export function poorOf(f: Figures): number {
  return POOR_STATUSES.reduce((n, s) => n + (f.byStatus[s] ?? 0), 0);
}

/** Mean per-capita net income of the households with a figure for the year, whole yuan; null when none. */
export function meanIncomeOf(f: Figures): number | null {
  return f.income.count === 0 ? null : Math.round(f.income.sum / f.income.count);
}
