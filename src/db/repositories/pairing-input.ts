/**
 * Set queries that load what matching needs for a scope (a code prefix): active members with their grid,
 * households needing help with their open needs, where grids place households, current pairings and rejected pairs. A handful of
 * statements however large the scope (a county: ~21k members, ~16k households), never one per row.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { needingHelp } from './grids.ts';
import { likeEscape } from './paging.ts';

type Db = Kysely<Database>;
const prefix = (code: string) => `${likeEscape(code)}%`;

export interface MatchMemberRow {
  id: number;
  name: string;
  post: string | null;
  natural_village_code: string;
  capacity: number;
  expertise: string[];
  willingness: string[];
  join_date: string;
  grid_id: number | null;
}

/**
 * Active members able to help (capacity > 0) living under `memberScope`, with their card and current grid. The
 * rows come back as one JSON array: PGlite hands over ~17k rows of a county several times slower one by one.
 */
export async function matchMembers(db: Db, county: string, memberScope: string): Promise<MatchMemberRow[]> {
  const { rows } = await sql<{ members: string | null }>`
    select json_agg(json_build_array(m.id, m.name, m.post, m.natural_village_code, m.capacity, m.join_date,
      m.expertise, m.willingness, gm.grid_id))::text as members
    from party_member m
    left join grid_member gm on gm.county_code = m.county_code and gm.member_id = m.id and gm.left_at is null
    where m.county_code = ${county} and m.status = 'active' and m.capacity > 0
      and m.natural_village_code like ${prefix(memberScope)}`.execute(db);
  const list = JSON.parse(rows[0]?.members ?? '[]') as MemberTuple[];
  return list.map(([id, name, post, nv, capacity, joinDate, expertise, willingness, gridId]) => ({
    id: Number(id),
    name,
    post,
    natural_village_code: nv,
    capacity,
    join_date: joinDate,
    expertise,
    willingness,
    grid_id: gridId === null ? null : Number(gridId),
  }));
}

type MemberTuple = [number, string, string | null, string, number, string, string[], string[], number | null];

/** Households needing help (identified, returned, monitored) under `scope`, or only those of `ids`. */
export function matchHouseholds(db: Db, county: string, scope: string, ids?: readonly number[]) {
  return db
    .selectFrom('household')
    .select(['id', 'head_name', 'natural_village_code', 'main_cause', 'other_causes', 'identified_year'])
    .where('county_code', '=', county)
    .where(needingHelp('household'))
    .where('natural_village_code', 'like', prefix(scope))
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!.length > 0 ? ids! : [0]))
    .execute();
}

/** Open needs of the households needing help under `scope`. */
export function openNeeds(db: Db, county: string, scope: string) {
  return db
    .selectFrom('household_need as n')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'n.county_code').onRef('h.id', '=', 'n.household_id'),
    )
    .select(['n.household_id', 'n.need'])
    .where('n.county_code', '=', county)
    .where('n.status', '=', 'open')
    .where(needingHelp('h'))
    .where('h.natural_village_code', 'like', prefix(scope))
    .execute();
}

/**
 * Grid links of the natural villages under `scope`: a natural village in one piece belongs to its grid; a split
 * one has its households placed one by one (grid_household), the first piece taking the rest.
 */
export async function householdGridLinks(db: Db, county: string, scope: string) {
  const village = scope.length > 12 ? scope.slice(0, 12) : scope;
  const [links, placed] = await Promise.all([
    db
      .selectFrom('grid_natural_village')
      .select(['grid_id', 'natural_village_code', 'piece', 'pieces'])
      .where('county_code', '=', county)
      .where('ended_at', 'is', null)
      .where('village_code', 'like', prefix(village))
      .execute(),
    db
      .selectFrom('grid_household as gh')
      .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'gh.county_code').onRef('g.id', '=', 'gh.grid_id'))
      .select(['gh.household_id', 'gh.grid_id'])
      .where('gh.county_code', '=', county)
      .where('g.retired_at', 'is', null)
      .where('g.village_code', 'like', prefix(village))
      .execute(),
  ]);
  return { links, placed };
}

/** Current pairings of members or households under `scope` (capacity used, helpers held). */
export function currentPairingsUnder(db: Db, county: string, scope: string) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'p.county_code').onRef('m.id', '=', 'p.member_id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .select(['p.member_id', 'p.household_id', 'p.slot'])
    .where('p.county_code', '=', county)
    .where('p.ended_on', 'is', null)
    .where((eb) =>
      eb.or([eb('m.natural_village_code', 'like', prefix(scope)), eb('h.natural_village_code', 'like', prefix(scope))]),
    )
    .execute();
}

/** Rejected pairs whose household lives under `scope`. */
export function rejectionsUnder(db: Db, county: string, scope: string) {
  return db
    .selectFrom('match_rejection as r')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'r.county_code').onRef('h.id', '=', 'r.household_id'),
    )
    .select(['r.member_id', 'r.household_id'])
    .where('r.county_code', '=', county)
    .where('h.natural_village_code', 'like', prefix(scope))
    .execute();
}

/** Names of the townships, villages and natural villages under `scope`'s township. */
export function placeNames(db: Db, county: string, scope: string) {
  return db
    .selectFrom('org_unit')
    .select(['code', 'name'])
    .where('county_code', '=', county)
    .where('level', 'in', ['township', 'village', 'natural_village'])
    .where('code', 'like', prefix(scope))
    .execute();
}

/** The village of current (not retired) grid `gridId`, or undefined. */
export async function currentGridVillage(db: Db, county: string, gridId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('grid')
    .select('village_code')
    .where('county_code', '=', county)
    .where('id', '=', gridId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return row?.village_code;
}
