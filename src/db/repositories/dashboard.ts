/**
 * Queries behind the dashboard and the map: registry aggregates (the source of the pre-aggregated summary, and
 * the raw reference the benchmark compares it with), the summary table itself, coverage counts and boundaries.
 * dashboard_summary is not in schema.ts's Database (that file belongs to the registries), so it is typed here
 * and reached through `withTables`.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, OrgLevel } from '../schema.ts';
import { needingHelp } from './grids.ts';

export interface DashboardSummaryTable {
  county_code: string;
  code: string;
  parent_code: string | null;
  level: OrgLevel;
  figures: unknown;
  refreshed_at: Date | string;
}

type Db = Kysely<Database>;
const summary = (db: Db) => db.withTables<{ dashboard_summary: DashboardSummaryTable }>();

/** Which natural villages to aggregate: a code prefix (scope) or a list of natural-village codes. */
export type Target = { prefix: string } | { codes: string[] };

const placeFilter = (target: Target) =>
  'prefix' in target
    ? sql`natural_village_code like ${`${target.prefix}%`}`
    : sql`natural_village_code = any(${target.codes})`;

export interface HouseholdAggregateRow {
  g: string;
  /** Which grouping set: total (all null), or the one of status / main_cause / bin that is set. */
  set: 'total' | 'status' | 'cause' | 'bin' | 'monitoring' | 'monitored_not_poor';
  key: string | null;
  n: number;
  income_sum: number | null;
  income_n: number;
  max_year: number | null;
}

/**
 * Households grouped by the first `groupLength` digits of their natural village, in one scan with grouping
 * sets: totals, by status, by main cause, by income bin. The bin is the index of the first threshold above the
 * income (width_bucket), only for incomes of `year`; other households land in bin null (missing).
 */
export async function householdAggregates(
  db: Db,
  county: string,
  target: Target,
  groupLength: number,
  year: number | null,
  thresholds: number[],
): Promise<HouseholdAggregateRow[]> {
  const { rows } = await sql<HouseholdAggregateRow>`
    with mc as (
      select household_id, category from monitoring_case where county_code = ${county} and status = 'open'
    ), h as (
      select left(natural_village_code, ${groupLength}) as g, status, main_cause, income_year,
        case when income_year = ${year} then per_capita_income end as income, mc.category as mon,
        case when mc.category is not null and status not in ('identified', 'returned') then 'y' end as mon_np
      from household left join mc on mc.household_id = household.id
      where county_code = ${county} and ${placeFilter(target)}
    ), b as (
      select *, width_bucket(income, ${thresholds}::numeric[])::text as bin from h
    )
    select g,
      case when grouping(status) = 0 then 'status' when grouping(main_cause) = 0 then 'cause'
        when grouping(bin) = 0 then 'bin' when grouping(mon) = 0 then 'monitoring'
        when grouping(mon_np) = 0 then 'monitored_not_poor' else 'total' end as set,
      coalesce(status, main_cause, bin, mon, mon_np) as key,
      count(*)::int as n, sum(income) as income_sum, count(income)::int as income_n, max(income_year) as max_year
    from b group by grouping sets ((g), (g, status), (g, main_cause), (g, bin), (g, mon), (g, mon_np))`.execute(db);
  return rows;
}

export interface MemberAggregateRow {
  g: string;
  dim: 'total' | 'expertise' | 'willingness';
  key: string | null;
  n: number;
}

/** Active members grouped like householdAggregates: totals, and by each expertise and willingness code. */
export async function memberAggregates(
  db: Db,
  county: string,
  target: Target,
  groupLength: number,
): Promise<MemberAggregateRow[]> {
  const where = sql`county_code = ${county} and status = 'active' and ${placeFilter(target)}`;
  const g = sql`left(natural_village_code, ${groupLength})`;
  const { rows } = await sql<MemberAggregateRow>`
    select ${g} as g, 'total' as dim, null as key, count(*)::int as n from party_member where ${where} group by 1
    union all
    select ${g}, 'expertise', e, count(*)::int from party_member, unnest(expertise) e where ${where} group by 1, 3
    union all
    select ${g}, 'willingness', w, count(*)::int from party_member, unnest(willingness) w where ${where} group by 1, 3
  `.execute(db);
  return rows;
}

/** The county's latest income year, over every household. */
export async function latestIncomeYear(db: Db, county: string): Promise<number | null> {
  const row = await db
    .selectFrom('household')
    .where('county_code', '=', county)
    .select((eb) => eb.fn.max('income_year').as('year'))
    .executeTakeFirst();
  return row?.year ?? null;
}

/** Code, parent and level of every org unit of the county (for a full refresh). */
export function listUnits(db: Db, county: string) {
  return db
    .selectFrom('org_unit')
    .where('county_code', '=', county)
    .select(['code', 'parent_code', 'level'])
    .orderBy('code')
    .execute();
}

/** Serialises summary refreshes of one county, so two writers never sum a parent from each other's halves. */
export async function lockSummary(db: Db, county: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`dashboard_summary:${county}`}))`.execute(db);
}

/** Fresh planner statistics after a whole-county rewrite (PGlite has no autovacuum to take them). */
export async function analyzeSummary(db: Db): Promise<void> {
  await sql`analyze dashboard_summary`.execute(db);
}

/** Stored figures of the units with the given codes, or of the children of the given parents. */
export function readSummaries(db: Db, county: string, by: { codes: string[] } | { parents: string[] }) {
  return summary(db)
    .selectFrom('dashboard_summary')
    .where('county_code', '=', county)
    .$if('codes' in by, (q) => q.where('code', 'in', 'codes' in by ? by.codes : []))
    .$if('parents' in by, (q) => q.where('parent_code', 'in', 'parents' in by ? by.parents : []))
    .select(['code', 'parent_code', 'figures'])
    .execute();
}

export interface SummaryWrite {
  code: string;
  parent_code: string | null;
  level: OrgLevel;
  figures: unknown;
}

/** Inserts or replaces summary rows, 500 to a statement. */
export async function writeSummaries(db: Db, county: string, rows: readonly SummaryWrite[]): Promise<void> {
  const now = new Date();
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows
      .slice(i, i + 500)
      .map((r) => ({ ...r, county_code: county, figures: JSON.stringify(r.figures), refreshed_at: now }));
    await summary(db)
      .insertInto('dashboard_summary')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['county_code', 'code']).doUpdateSet((eb) => ({
          figures: eb.ref('excluded.figures'),
          parent_code: eb.ref('excluded.parent_code'),
          level: eb.ref('excluded.level'),
          refreshed_at: eb.ref('excluded.refreshed_at'),
        })),
      )
      .execute();
  }
}

export interface ScopeSummaryRow {
  code: string;
  name: string;
  level: OrgLevel;
  figures: unknown;
  refreshed_at: Date | string | null;
  grids: number;
  party_groups: number;
  members_in_grid: number;
  households_paired: number;
}

/**
 * The scope and its children with names and stored figures (null: never summarised), and the scope's live grid,
 * party-group, grid-membership and paired-household counts on every row: one round trip, since on PGlite each query costs about a
 * millisecond. A grid counts for a scope when one of its natural villages lies in it.
 */
export async function readScopeSummary(db: Db, county: string, scope: string): Promise<ScopeSummaryRow[]> {
  const within = `${scope}%`;
  const { rows } = await sql<ScopeSummaryRow>`
    with scope_grids as (
      select distinct l.grid_id from grid_natural_village l
      where l.county_code = ${county} and l.ended_at is null and l.natural_village_code like ${within}
    ), coverage as (
      select
        (select count(*) from scope_grids)::int as grids,
        (select count(*) from party_group p join scope_grids g on g.grid_id = p.grid_id
          where p.county_code = ${county} and p.retired_at is null)::int as party_groups,
        (select count(*) from grid_member gm join party_member m on m.county_code = gm.county_code and m.id = gm.member_id
          where gm.county_code = ${county} and gm.left_at is null and m.natural_village_code like ${within})::int
          as members_in_grid,
        (select count(*) from household h where h.county_code = ${county} and h.natural_village_code like ${within}
          and ${needingHelp('h')} and exists (select 1 from pairing p
            where p.county_code = h.county_code and p.household_id = h.id and p.ended_on is null))::int
          as households_paired
    )
    select o.code, o.name, o.level, s.figures, s.refreshed_at, coverage.grids, coverage.party_groups,
      coverage.members_in_grid, coverage.households_paired
    from org_unit o
    left join dashboard_summary s on s.county_code = o.county_code and s.code = o.code
    cross join coverage
    where o.county_code = ${county} and (o.code = ${scope} or o.parent_code = ${scope})
    order by o.code`.execute(db);
  return rows;
}

/** Natural villages with a position (the sites of generated boundaries). */
export function listNaturalVillagePoints(db: Db, county: string) {
  return db
    .selectFrom('org_unit')
    .where('county_code', '=', county)
    .where('level', '=', 'natural_village')
    .where('lat', 'is not', null)
    .select(['code', 'lat', 'lng'])
    .orderBy('code')
    .execute() as Promise<{ code: string; lat: number; lng: number }[]>;
}

/** Units whose boundary was imported (any stored boundary not marked generated): regeneration keeps them. */
export async function listImportedBoundaries(db: Db, county: string): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    select code from org_unit
    where county_code = ${county} and boundary is not null and boundary->>'generated' is null`.execute(db);
  return rows.map((r) => r.code);
}

/** Forgets every generated boundary of the county (before generating again; imported ones stay). */
export async function clearGeneratedBoundaries(db: Db, county: string): Promise<void> {
  await sql`
    update org_unit set boundary = null, updated_at = now()
    where county_code = ${county} and boundary->>'generated' is not null`.execute(db);
}

/** Stores boundaries (GeoJSON text), 200 units to a statement. */
export async function writeBoundaries(db: Db, county: string, rows: readonly { code: string; boundary: string }[]) {
  for (let i = 0; i < rows.length; i += 200) {
    const values = rows.slice(i, i + 200).map((r) => sql`(${r.code}, ${r.boundary})`);
    await sql`
      update org_unit set boundary = v.boundary::jsonb, updated_at = now()
      from (values ${sql.join(values)}) as v (code, boundary)
      where org_unit.county_code = ${county} and org_unit.code = v.code`.execute(db);
  }
}

/** Units of one level within a scope that have a boundary, with it. */
export function listBoundaries(db: Db, county: string, within: string, level: OrgLevel) {
  return db
    .selectFrom('org_unit')
    .where('county_code', '=', county)
    .where('level', '=', level)
    .where('code', 'like', `${within}%`)
    .where('boundary', 'is not', null)
    .select(['code', 'name', 'boundary'])
    .orderBy('code')
    .execute();
}
