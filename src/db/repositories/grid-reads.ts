/**
 * Read queries for grid pages: the list with per-grid counts (one query per page), one grid's natural
 * villages, members and history. Counts are of current rows only (links not ended, members not left).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { gridScope, needingHelp } from './grids.ts';
import { likeEscape, type PageRequest, pageWindow, parseSort } from './paging.ts';

type Db = Kysely<Database>;

export interface GridFilter extends PageRequest {
  within?: string | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  withoutLeader?: boolean | undefined;
}

export interface GridListRow {
  id: number;
  name: string;
  village_code: string;
  village_name: string;
  township_name: string;
  natural_villages: number;
  members: number;
  capacity: number;
  households: number;
  group_id: number | null;
  leader_id: number | null;
  leader_name: string | null;
}

// By name: village by village, then 第2网格 before 第10网格 (shorter names first, as the numbers are not padded).
const SORTS = {
  name: [sql`g.village_code`, sql`length(g.name)`, sql`g.name`],
  members: [sql`members`],
  households: [sql`households`],
};

/**
 * One page of grids with their current counts. The grids of the scope are filtered first; the counts are grouped
 * once for the grids that need them — only the page's when sorting by name, every filtered grid when sorting by a
 * count — instead of one correlated count per grid, and every table is filtered by the county, so on a database
 * distributed by county the query runs on one shard.
 */
export async function listGrids(db: Db, county: string, filter: GridFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [field, direction] = parseSort(filter.sort as keyof typeof SORTS | undefined, 'name');
  const columns = SORTS[field] ?? SORTS.name;
  const order = sql.join([...columns.map((c) => sql`${c} ${sql.raw(direction)}`), sql`g.id`]);
  const byName = field === 'name' || !(field in SORTS);
  const window = sql`limit ${pageSize} offset ${offset}`;
  const like = `${likeEscape(gridScope(filter.within ?? county))}%`;
  const q = filter.q?.trim() ? `%${likeEscape(filter.q.trim())}%` : null;
  const { rows } = await sql<GridListRow & { total: number }>`
    with g as (
      select g.id, g.name, g.village_code, v.name as village_name, t.name as township_name,
        p.id as group_id, p.leader_member_id as leader_id, count(*) over ()::int as total
      from grid g
      join org_unit v on v.county_code = g.county_code and v.code = g.village_code
      join org_unit t on t.county_code = v.county_code and t.code = v.parent_code
      left join party_group p on p.county_code = g.county_code and p.grid_id = g.id and p.retired_at is null
      where g.county_code = ${county} and g.retired_at is null and g.village_code like ${like}
        ${q ? sql`and (g.name like ${q} or v.name like ${q})` : sql``}
        ${filter.withoutLeader ? sql`and p.leader_member_id is null` : sql``}
      ${byName ? sql`order by ${order} ${window}` : sql``}
    ), nv as (
      select l.grid_id, count(distinct l.natural_village_code)::int as n from grid_natural_village l
      where l.county_code = ${county} and l.ended_at is null and l.grid_id in (select id from g)
      group by l.grid_id
    ), m as (
      select gm.grid_id, count(*)::int as members, sum(pm.capacity)::int as capacity
      from grid_member gm join party_member pm on pm.county_code = gm.county_code and pm.id = gm.member_id
      where gm.county_code = ${county} and gm.left_at is null and gm.grid_id in (select id from g)
      group by gm.grid_id
    ), hh as (
      select coalesce(gh.grid_id, l.grid_id) as grid_id, count(*)::int as n from household h
      left join grid_household gh on gh.county_code = h.county_code and gh.household_id = h.id
      join grid_natural_village l on l.county_code = h.county_code and l.natural_village_code = h.natural_village_code
        and l.piece = 1 and l.ended_at is null
      where h.county_code = ${county} and h.natural_village_code like ${like}
        and ${needingHelp('h')} and coalesce(gh.grid_id, l.grid_id) in (select id from g)
      group by 1
    )
    select g.id, g.name, g.village_code, g.village_name, g.township_name, coalesce(nv.n, 0) as natural_villages,
      coalesce(m.members, 0) as members, coalesce(m.capacity, 0) as capacity, coalesce(hh.n, 0) as households,
      g.group_id, g.leader_id, leader.name as leader_name, g.total
    from g
    left join nv on nv.grid_id = g.id
    left join m on m.grid_id = g.id
    left join hh on hh.grid_id = g.id
    left join party_member leader on leader.county_code = ${county} and leader.id = g.leader_id
    order by ${order}
    ${byName ? sql`` : window}`.execute(db);
  const total = rows[0]?.total ?? (offset > 0 ? await countGrids(db, county, like, q, filter.withoutLeader) : 0);
  return { rows: rows.map(({ total: _, ...row }) => row), total };
}

async function countGrids(db: Db, county: string, like: string, q: string | null, withoutLeader?: boolean) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from grid g
    join org_unit v on v.county_code = g.county_code and v.code = g.village_code
    left join party_group p on p.county_code = g.county_code and p.grid_id = g.id and p.retired_at is null
    where g.county_code = ${county} and g.retired_at is null and g.village_code like ${like}
      ${q ? sql`and (g.name like ${q} or v.name like ${q})` : sql``}
      ${withoutLeader ? sql`and p.leader_member_id is null` : sql``}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function gridHeader(db: Db, county: string, id: number) {
  return db
    .selectFrom('grid as g')
    .innerJoin('org_unit as v', (j) =>
      j.onRef('v.county_code', '=', 'g.county_code').onRef('v.code', '=', 'g.village_code'),
    )
    .leftJoin('party_group as p', (j) => j.onRef('p.county_code', '=', 'g.county_code').onRef('p.grid_id', '=', 'g.id'))
    .select([
      'g.id',
      'g.name',
      'g.village_code',
      'v.name as village_name',
      'g.created_at',
      'g.retired_at',
      'g.retired_reason',
      'p.id as group_id',
      'p.name as group_name',
      'p.leader_member_id',
    ])
    .where('g.county_code', '=', county)
    .where('g.id', '=', id)
    .executeTakeFirst();
}

/** Membership rows of a grid, current first, then past ones (newest first). */
export async function gridMemberships(db: Db, county: string, id: number) {
  return db
    .selectFrom('grid_member as gm')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'gm.county_code').onRef('m.id', '=', 'gm.member_id'),
    )
    .select([
      'gm.member_id',
      'm.name',
      'm.natural_village_code',
      'm.membership',
      'm.is_migrant',
      'm.health',
      'm.capacity',
      'm.status',
      'm.post',
      'gm.joined_at',
      'gm.left_at',
      'gm.joined_reason',
      'gm.left_reason',
    ])
    .where('gm.county_code', '=', county)
    .where('gm.grid_id', '=', id)
    .orderBy(sql`gm.left_at is null`, 'desc')
    .orderBy('gm.left_at', 'desc')
    .orderBy('m.name')
    .execute();
}

export async function gridLinks(db: Db, county: string, id: number) {
  return db
    .selectFrom('grid_natural_village as l')
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.county_code', '=', 'l.county_code').onRef('o.code', '=', 'l.natural_village_code'),
    )
    .select(['l.natural_village_code as code', 'o.name', 'l.piece', 'l.pieces'])
    .where('l.county_code', '=', county)
    .where('l.grid_id', '=', id)
    .where('l.ended_at', 'is', null)
    .orderBy('l.natural_village_code')
    .execute();
}

export async function gridEvents(db: Db, county: string, id: number, limit = 100) {
  return db
    .selectFrom('grid_event')
    .select(['id', 'kind', 'detail', 'plan_id', 'created_at'])
    .where('county_code', '=', county)
    .where('grid_id', '=', id)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
