/**
 * The dashboard of a scope: read from dashboard_summary (one query: the scope with its children and the live
 * grid counts), or — as a reference for benchmarks and checks — computed from the registries directly.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/dashboard.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { DashboardBody } from '../../shared/schemas/dashboard.ts';
import { dashboardMemo } from './dashboard-memo.ts';
import { ensureFresh } from './dashboard-touched.ts';
import { toDashboard, type UnitFigures } from './dashboard-view.ts';
import { emptyFigures, type Figures, sumFigures } from './figures.ts';
import { refreshDashboardSummary } from './refresh-dashboard-summary.ts';
import { lineOf, registryFigures } from './registry-figures.ts';

const WHAT = { zh: '区划', en: 'org unit' };
type Db = Kysely<Database>;
type ScopeRow = repo.ScopeSummaryRow;

async function readScope(db: Db, county: string, scope: string): Promise<ScopeRow[]> {
  const rows = await repo.readScopeSummary(db, county, scope);
  if (!rows.some((r) => r.code === scope)) throw AppError.notFound(WHAT);
  return rows;
}

/** Never summarised: a county imported or created without the seed. Summarise it once, then read again. */
async function summarised(db: Db, county: string, scope: string, rows: ScopeRow[]): Promise<ScopeRow[]> {
  if (rows.find((r) => r.code === scope)?.figures) return rows;
  const [countyRow] = await repo.readSummaries(db, county, { codes: [county] });
  if (countyRow) return rows; // a unit added since: nothing registered in it yet
  await refreshDashboardSummary(db, county);
  return readScope(db, county, scope);
}

function coverageOf(row: { grids: number; party_groups: number; members_in_grid: number; households_paired: number }) {
  return {
    grids: row.grids,
    partyGroups: row.party_groups,
    membersInGrid: row.members_in_grid,
    householdsPaired: row.households_paired,
  };
}

/**
 * Dashboard of `scope` (a code of the county) from the pre-aggregated summary, remembered until the summary
 * changes (dashboard-memo.ts). 404 for an unknown scope.
 */
export async function getDashboard(db: Db, county: string, scope: string = county): Promise<DashboardBody> {
  await ensureFresh(db, county);
  return dashboardMemo.get(county, scope, () => readDashboard(db, county, scope));
}

async function readDashboard(db: Db, county: string, scope: string): Promise<DashboardBody> {
  const current = await summarised(db, county, scope, await readScope(db, county, scope));
  const self = current.find((r) => r.code === scope) as ScopeRow;
  const year = (self.figures as Figures | null)?.income.year ?? null;
  const unit = (r: ScopeRow): UnitFigures => ({
    code: r.code,
    name: r.name,
    level: r.level,
    figures: (r.figures as Figures | null) ?? emptyFigures(year),
  });
  const refreshedAt = self.refreshed_at ? new Date(self.refreshed_at).toISOString() : null;
  const children = current.filter((r) => r.code !== scope).map(unit);
  return toDashboard(unit(self), children, lineOf(county, year), coverageOf(self), refreshedAt);
}

/** The same body computed from households and members (no summary): the reference the summary must equal. */
export async function getDashboardFromRegistries(db: Db, county: string, scope: string = county) {
  const [rows, year] = await Promise.all([readScope(db, county, scope), repo.latestIncomeYear(db, county)]);
  // A natural village has no children: group by its own code so its figures come back as one group.
  const groupLength = scope.length === 15 ? 15 : scope.length + 3;
  const { byGroup } = await registryFigures(db, county, { prefix: scope }, groupLength, year);
  const self = rows.find((r) => r.code === scope) as ScopeRow;
  const children = rows
    .filter((r) => r.code !== scope)
    .map((r) => ({ code: r.code, name: r.name, level: r.level, figures: byGroup.get(r.code) ?? emptyFigures(year) }));
  const figures = sumFigures([...byGroup.values()], year);
  const unit = { code: self.code, name: self.name, level: self.level, figures };
  return toDashboard(unit, children, lineOf(county, year), coverageOf(self), null);
}
