/**
 * Queries on grids: the rows a partition needs for a scope (natural villages, active members, households that
 * need helpers) and the current grids of that scope (natural-village links, memberships, placed households).
 * A scope is an org code prefix; grids belong to villages, so `village_code like '<scope>%'` for a county,
 * township or village, and the village prefix of a natural village.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { likeEscape } from './paging.ts';

type Db = Kysely<Database>;

/** Poverty statuses that need a helper (identified, returned); an open monitoring case needs one too. */
export const POOR_NEEDING_HELP = ['identified', 'returned'] as const;

/**
 * "Household `alias` needs a helper" as SQL (DOMAIN.md §2, §8): poor now, or with an open monitoring case —
 * whatever its poverty status (a 脱贫户 under monitoring stays exited).
 */
export function needingHelp(alias: string) {
  const h = sql.raw(alias);
  return sql<boolean>`(${h}.status in ('identified', 'returned') or exists (select 1 from monitoring_case mc
    where mc.county_code = ${h}.county_code and mc.household_id = ${h}.id and mc.status = 'open'))`;
}

/** Grids live in villages: the village part of a scope code (a natural village's scope is its village). */
export const gridScope = (scope: string) => (scope.length > 12 ? scope.slice(0, 12) : scope);
const within = (scope: string) => `${likeEscape(gridScope(scope))}%`;

export async function placesOf(db: Db, county: string, scope: string) {
  return db
    .selectFrom('org_unit')
    .select(['code', 'parent_code', 'name', 'level', 'lat', 'lng'])
    .where('county_code', '=', county)
    .where('level', 'in', ['village', 'natural_village'])
    .where('code', 'like', within(scope))
    .orderBy('code')
    .execute();
}

export async function activeMembersOf(db: Db, county: string, scope: string) {
  return db
    .selectFrom('party_member')
    .select(['id', 'name', 'natural_village_code', 'membership', 'is_migrant', 'health', 'capacity', 'status'])
    .where('county_code', '=', county)
    .where('status', '=', 'active')
    .where('natural_village_code', 'like', within(scope))
    .orderBy('id')
    .execute();
}

export async function householdsNeedingHelpOf(db: Db, county: string, scope: string) {
  return db
    .selectFrom('household')
    .select(['id', 'natural_village_code'])
    .where('county_code', '=', county)
    .where(needingHelp('household'))
    .where('natural_village_code', 'like', within(scope))
    .orderBy('id')
    .execute();
}

export async function currentGridsOf(db: Db, county: string, scope: string) {
  const [grids, links, members, placed] = await Promise.all([
    db
      .selectFrom('grid')
      .select(['id', 'village_code', 'name'])
      .where('county_code', '=', county)
      .where('retired_at', 'is', null)
      .where('village_code', 'like', within(scope))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('grid_natural_village')
      .select(['grid_id', 'natural_village_code', 'piece', 'pieces'])
      .where('county_code', '=', county)
      .where('ended_at', 'is', null)
      .where('village_code', 'like', within(scope))
      .orderBy('natural_village_code')
      .orderBy('piece')
      .execute(),
    db
      .selectFrom('grid_member as gm')
      .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'gm.county_code').onRef('g.id', '=', 'gm.grid_id'))
      .select(['gm.grid_id', 'gm.member_id'])
      .where('gm.county_code', '=', county)
      .where('gm.left_at', 'is', null)
      .where('g.village_code', 'like', within(scope))
      .orderBy('gm.member_id')
      .execute(),
    db
      .selectFrom('grid_household as gh')
      .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'gh.county_code').onRef('g.id', '=', 'gh.grid_id'))
      .select(['gh.grid_id', 'gh.household_id'])
      .where('gh.county_code', '=', county)
      .where('g.village_code', 'like', within(scope))
      .execute(),
  ]);
  return { grids, links, members, placed };
}

/** Stamps "now" once per transaction so every row a change writes carries the same time. */
export async function transactionNow(db: Db): Promise<string> {
  const { rows } = await sql<{ now: string }>`select now()::text as now`.execute(db);
  return rows[0]!.now;
}
