/**
 * Keeps dashboard_summary equal to the registries. A natural village's row is computed from its households and
 * members; each village, township and county row is the sum of its children's rows. A write touches one or two
 * natural villages, so it recomputes those and the three ancestors above them (~10 small queries); the seed and
 * anything unusual (a new income year, a county never summarised) recompute the whole county (~1 s on PGlite).
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/dashboard.ts';
import type { Database, OrgLevel } from '../../db/schema.ts';
import { dashboardMemo } from './dashboard-memo.ts';
import { emptyFigures, type Figures, sumFigures } from './figures.ts';
import { registryFigures } from './registry-figures.ts';

const NATURAL_VILLAGE_LENGTH = 15;
/** Levels above the natural village, bottom up, by code length. */
const ROLLUP: readonly { length: number; level: OrgLevel; parentLength: number | null }[] = [
  { length: 12, level: 'village', parentLength: 9 },
  { length: 9, level: 'township', parentLength: 6 },
  { length: 6, level: 'county', parentLength: null },
];

type Db = Kysely<Database>;

/**
 * Recomputes the summary of `county`: the given natural villages (and their ancestors), or the whole county
 * when no codes are given. One transaction, serialised per county. Call it after a registry write commits.
 */
export async function refreshDashboardSummary(db: Db, county: string, naturalVillageCodes?: string[]): Promise<void> {
  const codes = [...new Set(naturalVillageCodes ?? [])].filter(
    (c) => c.length === NATURAL_VILLAGE_LENGTH && c.startsWith(county),
  );
  if (naturalVillageCodes !== undefined && codes.length === 0) return;
  await db.transaction().execute(async (tx) => {
    await repo.lockSummary(tx, county);
    if (naturalVillageCodes === undefined || !(await refreshSome(tx, county, codes))) await refreshAll(tx, county);
  });
  dashboardMemo.changed(county);
}

/** Whole county: every natural village from the registries, then the sums up the tree. */
async function refreshAll(db: Db, county: string): Promise<void> {
  const year = await repo.latestIncomeYear(db, county);
  const [units, { byGroup }] = await Promise.all([
    repo.listUnits(db, county),
    registryFigures(db, county, { prefix: county }, NATURAL_VILLAGE_LENGTH, year),
  ]);
  const figures = new Map<string, Figures>();
  for (const u of units)
    if (u.level === 'natural_village') figures.set(u.code, byGroup.get(u.code) ?? emptyFigures(year));
  for (const { length } of ROLLUP) {
    const children = new Map<string, Figures[]>();
    for (const [code, f] of figures) {
      if (code.length !== length + 3) continue;
      const list = children.get(code.slice(0, length)) ?? [];
      list.push(f);
      children.set(code.slice(0, length), list);
    }
    for (const u of units)
      if (u.code.length === length) figures.set(u.code, sumFigures(children.get(u.code) ?? [], year));
  }
  await repo.writeSummaries(
    db,
    county,
    units.map((u) => ({ code: u.code, parent_code: u.parent_code, level: u.level, figures: figures.get(u.code) })),
  );
  await repo.analyzeSummary(db);
}

/**
 * The given natural villages and their ancestors. Returns false, writing nothing, when the county must be
 * recomputed whole: it was never summarised, or an income year newer than the binned one has arrived.
 */
async function refreshSome(db: Db, county: string, codes: string[]): Promise<boolean> {
  const [countyRow] = await repo.readSummaries(db, county, { codes: [county] });
  if (!countyRow) return false;
  const year = (countyRow.figures as Figures).income.year;
  const { byGroup, maxYear } = await registryFigures(db, county, { codes }, NATURAL_VILLAGE_LENGTH, year);
  if (maxYear !== null && (year === null || maxYear > year)) return false;
  await repo.writeSummaries(
    db,
    county,
    codes.map((code) => ({
      code,
      parent_code: code.slice(0, 12),
      level: 'natural_village',
      figures: byGroup.get(code) ?? emptyFigures(year),
    })),
  );
  let changed = codes;
  for (const { length, level, parentLength } of ROLLUP) {
    const parents = [...new Set(changed.map((c) => c.slice(0, length)))];
    const rows = await repo.readSummaries(db, county, { parents });
    const sums = parents.map((code) => ({
      code,
      parent_code: parentLength === null ? null : code.slice(0, parentLength),
      level,
      figures: sumFigures(
        rows.filter((r) => r.parent_code === code).map((r) => r.figures as Figures),
        year,
      ),
    }));
    await repo.writeSummaries(db, county, sums);
    changed = parents;
  }
  return true;
}
