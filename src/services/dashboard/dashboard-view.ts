/**
 * Maps stored or freshly computed Figures to the API's dashboard shape. Pure: the summary route and the raw
 * reference produce identical bodies from identical figures, which is what the tests compare.
 */
import type { OrgLevel } from '../../db/schema.ts';
import { MONITORING_CATEGORIES } from '../../shared/labels/monitoring.ts';
import type { DashboardBody, DashboardChildBody } from '../../shared/schemas/dashboard.ts';
import { type Counts, type Figures, INCOME_BINS, meanIncomeOf, monitoredOf, poorOf } from './figures.ts';

/**
 * Every poverty status, in lifecycle order, so the chart keeps its shape when a count is zero; monitoring is a
 * separate fact (totals.monitored, monitoringByCategory).
 */
const STATUS_ORDER = ['identified', 'exited', 'returned', 'none'] as const;

export interface UnitFigures {
  code: string;
  name: string;
  level: OrgLevel;
  figures: Figures;
}

/** Live counts that are not pre-aggregated (few rows; written by the grid and pairing features). */
export interface Coverage {
  grids: number;
  partyGroups: number;
  membersInGrid: number;
  /** Households needing help with a current pairing. */
  householdsPaired: number;
}

/** Largest first, then by code, zero counts dropped. */
function ranked(counts: Counts): { code: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

function toChild(unit: UnitFigures): DashboardChildBody {
  const f = unit.figures;
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    households: f.households,
    poor: poorOf(f),
    exited: f.byStatus.exited ?? 0,
    members: f.members,
    perCapitaMean: meanIncomeOf(f),
  };
}

/** The dashboard body of `scope` with its children, the line the incomes were binned against and coverage. */
export function toDashboard(
  scope: UnitFigures,
  children: readonly UnitFigures[],
  povertyLine: number | null,
  coverage: Coverage,
  refreshedAt: string | null,
): DashboardBody {
  const f = scope.figures;
  return {
    scope: { code: scope.code, name: scope.name, level: scope.level },
    totals: {
      households: f.households,
      poor: poorOf(f),
      exited: f.byStatus.exited ?? 0,
      monitored: monitoredOf(f),
      members: f.members,
      perCapitaMean: meanIncomeOf(f),
    },
    householdsByStatus: STATUS_ORDER.map((code) => ({ code, count: f.byStatus[code] ?? 0 })),
    householdsByCause: ranked(f.byCause),
    monitoringByCategory: MONITORING_CATEGORIES.map((code) => ({ code, count: f.byMonitoring?.[code] ?? 0 })),
    income: {
      year: f.income.year,
      povertyLine,
      bins: INCOME_BINS.map((b) => ({
        code: b.code,
        fromRatio: b.from,
        toRatio: b.to,
        count: f.income.bins[b.code] ?? 0,
      })),
      missing: f.income.missing,
    },
    membersByExpertise: ranked(f.byExpertise),
    membersByWillingness: ranked(f.byWillingness),
    coverage: {
      ...coverage,
      members: f.members,
      // The whole that paired households are part of: those needing help (poor, or with an open case).
      households: poorOf(f) + (f.monitoredNotPoor ?? 0),
    },
    children: children.map(toChild),
    refreshedAt,
  };
}
