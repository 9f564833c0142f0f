/**
 * The demo seed's staffing of Party groups: the groups and grid members it chooses from, and its writes, one
 * statement per kind (unnest arrays, data-modifying CTEs writing the grid events beside). Not audited, like the seed.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** One instructor to start (a township or village instructor of a group). */
export interface InstructorRow {
  groupId: number;
  level: 'township' | 'village';
  name: string;
  post: string;
  phone: string | null;
  memberId: number | null;
  startedOn: string;
}

/** The current groups of current grids, with their village and leader, in id order. */
export function currentGroups(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('party_group as pg')
    .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'pg.county_code').onRef('g.id', '=', 'pg.grid_id'))
    .where('pg.county_code', '=', county)
    .where('pg.retired_at', 'is', null)
    .where('g.retired_at', 'is', null)
    .select(['pg.id', 'pg.grid_id', 'pg.leader_member_id', 'g.village_code'])
    .orderBy('pg.id')
    .execute();
}

/**
 * Current grid members with the card facts the choices need; no place names and no sort (the ranking sorts, and
 * callers sort by id): 21,000 rows cross PGlite's protocol, so every column and ORDER BY counts.
 */
export function currentGridMembers(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('grid_member as gm')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'gm.county_code').onRef('m.id', '=', 'gm.member_id'),
    )
    .where('gm.county_code', '=', county)
    .where('gm.left_at', 'is', null)
    .where('m.status', '=', 'active')
    .select([
      'gm.grid_id',
      'm.id',
      'm.name',
      'm.membership',
      'm.is_migrant',
      'm.status',
      'm.health',
      'm.join_date',
      'm.birth_date',
      'm.post',
      'm.expertise',
      'm.capacity',
      'm.phone',
      'm.natural_village_code',
    ])
    .execute();
}

/** Makes each pick the leader of its group (groups that have one keep theirs), with a grid event each. */
export async function writeLeaders(
  db: Kysely<Database>,
  county: string,
  picks: readonly { groupId: number; memberId: number; since: string }[],
) {
  if (picks.length === 0) return 0;
  const result = await sql`
    with x as (
      select * from unnest(${picks.map((p) => p.groupId)}::bigint[], ${picks.map((p) => p.memberId)}::bigint[],
        ${picks.map((p) => p.since)}::date[]) as x(group_id, member_id, since)
    ), upd as (
      update party_group pg set leader_member_id = x.member_id, leader_since = x.since, updated_at = now()
      from x where pg.county_code = ${county} and pg.id = x.group_id and pg.leader_member_id is null
      returning pg.id, pg.grid_id, pg.leader_member_id, pg.leader_since
    )
    insert into grid_event (county_code, grid_id, kind, detail)
    select ${county}, upd.grid_id, 'leader_assigned', jsonb_build_object('groupId', upd.id, 'memberId',
      upd.leader_member_id, 'name', m.name, 'since', upd.leader_since, 'previousMemberId', null)
    from upd join party_member m on m.county_code = ${county} and m.id = upd.leader_member_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Starts the instructors (a group keeps a current one of the same level), with a grid event each. */
export async function writeInstructors(db: Kysely<Database>, county: string, rows: InstructorRow[]) {
  if (rows.length === 0) return 0;
  const col = <K extends keyof InstructorRow>(k: K) => rows.map((r) => r[k]);
  const result = await sql`
    with x as (
      select * from unnest(${col('groupId')}::bigint[], ${col('level')}::text[], ${col('name')}::text[],
        ${col('post')}::text[], ${col('phone')}::text[], ${col('memberId')}::bigint[], ${col('startedOn')}::date[])
        as x(group_id, level, name, post, phone, member_id, started_on)
    ), ins as (
      insert into group_instructor (county_code, group_id, level, name, post, phone, member_id, started_on)
      select ${county}, x.group_id, x.level, x.name, x.post, x.phone, x.member_id, x.started_on from x
      -- a group keeping its current instructor of a level (the partial unique index); no correlated subquery,
      -- which Citus refuses next to a CTE
      on conflict (county_code, group_id, level) where ended_on is null do nothing
      returning group_id, level, name, post, member_id, started_on
    )
    insert into grid_event (county_code, grid_id, kind, detail)
    select ${county}, pg.grid_id, 'instructor_assigned', jsonb_build_object('groupId', ins.group_id, 'level',
      ins.level, 'name', ins.name, 'post', ins.post, 'memberId', ins.member_id, 'startedOn', ins.started_on,
      'previous', null)
    from ins join party_group pg on pg.county_code = ${county} and pg.id = ins.group_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Activity centres at each grid's first natural village, for groups that have none yet. */
export async function writeActivityCentres(db: Kysely<Database>, county: string) {
  const result = await sql`
    with first_nv as (
      select distinct on (grid_id) grid_id, natural_village_code from grid_natural_village
      where county_code = ${county} and ended_at is null order by grid_id, natural_village_code, piece
    ), upd as (
      update party_group pg set
        activity_address = coalesce(t.name, '') || coalesce(v.name, '') || nv.name || ' 党群服务点',
        activity_lat = case when nv.lng is null then null else nv.lat end,
        activity_lng = case when nv.lat is null then null else nv.lng end,
        updated_at = now()
      from first_nv f
      join org_unit nv on nv.county_code = ${county} and nv.code = f.natural_village_code
      left join org_unit v on v.county_code = ${county} and v.code = nv.parent_code
      left join org_unit t on t.county_code = ${county} and t.code = v.parent_code
      where pg.county_code = ${county} and pg.grid_id = f.grid_id and pg.retired_at is null
        and pg.activity_address = ''
      returning pg.id, pg.grid_id, pg.activity_address, pg.activity_lat, pg.activity_lng
    )
    insert into grid_event (county_code, grid_id, kind, detail)
    select ${county}, grid_id, 'activity_centre_set', jsonb_build_object('groupId', id, 'address',
      activity_address, 'lat', activity_lat, 'lng', activity_lng)
    from upd`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
