/**
 * The coverage report's reads (services/grids/coverage.ts): grids with their group, members and households;
 * members in no grid or two; natural villages in no grid; the townships and villages to roll up by.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { needingHelp } from './grids.ts';

type Db = Kysely<Database>;

/** One current grid as the coverage report tallies it. */
export interface CoverageGridRow {
  id: number;
  name: string;
  village_code: string;
  group_id: number | null;
  group_name: string | null;
  has_leader: boolean;
  instructor_levels: number;
  members: number;
  capacity: number;
  households: number;
}

/** The current grids whose village matches `like`, with their group, members, capacity and households. */
export async function gridRows(db: Db, county: string, like: string): Promise<CoverageGridRow[]> {
  const { rows } = await sql<CoverageGridRow>`
    with g as (
      select id, name, village_code from grid
      where county_code = ${county} and retired_at is null and village_code like ${like}
    ), m as (
      select gm.grid_id, count(*)::int as members, coalesce(sum(pm.capacity), 0)::int as capacity
      from grid_member gm join party_member pm on pm.county_code = gm.county_code and pm.id = gm.member_id
      where gm.county_code = ${county} and gm.left_at is null and gm.grid_id in (select id from g)
      group by gm.grid_id
    ), h as (
      select coalesce(gh.grid_id, l.grid_id) as grid_id, count(*)::int as households
      from household hh
      left join grid_household gh on gh.county_code = hh.county_code and gh.household_id = hh.id
      left join grid_natural_village l on l.county_code = hh.county_code
        and l.natural_village_code = hh.natural_village_code and l.piece = 1 and l.ended_at is null
      where hh.county_code = ${county} and hh.natural_village_code like ${like}
        and ${needingHelp('hh')}
      group by 1
    )
    select g.id, g.name, g.village_code, p.id as group_id, p.name as group_name,
      p.leader_member_id is not null as has_leader,
      (select count(distinct i.level) from group_instructor i
        where i.county_code = ${county} and i.group_id = p.id and i.ended_on is null)::int as instructor_levels,
      coalesce(m.members, 0) as members, coalesce(m.capacity, 0) as capacity, coalesce(h.households, 0) as households
    from g
    left join party_group p on p.county_code = ${county} and p.grid_id = g.id and p.retired_at is null
    left join m on m.grid_id = g.id
    left join h on h.grid_id = g.id
    order by g.village_code, g.name`.execute(db);
  return rows;
}

/** Active members under `like` in no grid or in more than one. */
export async function memberGaps(db: Db, county: string, like: string) {
  const { rows } = await sql<{ id: number; name: string; natural_village_code: string; grids: number }>`
    select pm.id, pm.name, pm.natural_village_code,
      (select count(*) from grid_member gm
        where gm.county_code = pm.county_code and gm.member_id = pm.id and gm.left_at is null)::int as grids
    from party_member pm
    where pm.county_code = ${county} and pm.status = 'active' and pm.natural_village_code like ${like}
      and (select count(*) from grid_member gm
        where gm.county_code = pm.county_code and gm.member_id = pm.id and gm.left_at is null) <> 1
    order by pm.id`.execute(db);
  return rows;
}

/** Natural villages under `like` that no grid holds. */
export async function naturalVillageGaps(db: Db, county: string, like: string) {
  return db
    .selectFrom('org_unit as o')
    .select(['o.code', 'o.name'])
    .where('o.county_code', '=', county)
    .where('o.level', '=', 'natural_village')
    .where('o.code', 'like', like)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('grid_natural_village as l')
            .select('l.id')
            .whereRef('l.county_code', '=', 'o.county_code')
            .whereRef('l.natural_village_code', '=', 'o.code')
            .where('l.ended_at', 'is', null),
        ),
      ),
    )
    .orderBy('o.code')
    .execute();
}

/** The townships and villages under `like`, by code. */
export function coverageUnits(db: Db, county: string, like: string) {
  return db
    .selectFrom('org_unit')
    .select(['code', 'name', 'level'])
    .where('county_code', '=', county)
    .where('code', 'like', like)
    .where('level', 'in', ['township', 'village'])
    .orderBy('code')
    .execute();
}

/** Whether org unit `code` exists in `county`. */
export async function unitExists(db: Db, county: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit')
    .select('code')
    .where('county_code', '=', county)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}
