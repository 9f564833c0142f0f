/**
 * Turns the registry aggregate rows (one row per group and grouping set) into Figures per group. Pure, so
 * the same folding serves the summary refresh (groups = natural villages) and the raw reference query
 * (groups = the scope's children).
 */
import type { HouseholdAggregateRow, MemberAggregateRow } from '../../db/repositories/dashboard.ts';
import { bump, emptyFigures, type Figures, INCOME_BINS } from './figures.ts';

function figuresOf(byGroup: Map<string, Figures>, group: string, year: number | null): Figures {
  let figures = byGroup.get(group);
  if (!figures) {
    figures = emptyFigures(year);
    byGroup.set(group, figures);
  }
  return figures;
}

function addHouseholdRow(f: Figures, row: HouseholdAggregateRow): void {
  switch (row.set) {
    case 'total':
      f.households += row.n;
      f.income.sum = Number(row.income_sum ?? 0);
      f.income.count = row.income_n;
      break;
    case 'status':
      bump(f.byStatus, row.key ?? '', row.n);
      break;
    case 'cause':
      bump(f.byCause, row.key ?? '', row.n);
      break;
    case 'monitoring':
      if (row.key !== null) bump(f.byMonitoring, row.key, row.n);
      break;
    case 'monitored_not_poor':
      if (row.key !== null) f.monitoredNotPoor += row.n;
      break;
    case 'bin': {
      // width_bucket: 0 below the first threshold … 5 at or above the last; null = no income for the year.
      const bin = row.key === null ? undefined : INCOME_BINS[Number(row.key)];
      if (bin) bump(f.income.bins, bin.code, row.n);
      else f.income.missing += row.n;
      break;
    }
  }
}

/** Figures per group from both aggregate queries; groups with no rows are absent (callers default them). */
export function foldAggregates(
  households: readonly HouseholdAggregateRow[],
  members: readonly MemberAggregateRow[],
  year: number | null,
): Map<string, Figures> {
  const byGroup = new Map<string, Figures>();
  for (const row of households) addHouseholdRow(figuresOf(byGroup, row.g, year), row);
  for (const row of members) {
    const f = figuresOf(byGroup, row.g, year);
    if (row.dim === 'total') f.members += row.n;
    else bump(row.dim === 'expertise' ? f.byExpertise : f.byWillingness, row.key ?? '', row.n);
  }
  return byGroup;
}

/** The latest income year seen in the household rows (total sets carry max(income_year)). */
export function maxYearOf(households: readonly HouseholdAggregateRow[]): number | null {
  let max: number | null = null;
  for (const row of households)
    if (row.set === 'total' && row.max_year !== null) max = Math.max(max ?? 0, row.max_year);
  return max;
}
