/**
 * Coverage of the grid organisation (组织设置无缝隙) for a scope: every gap the article's county closed —
 * grids without a Party group, groups without a leader or without both instructors, groups under three
 * members, members in no grid (or two), natural villages in no grid, grids whose members cannot help all
 * their households — as totals, rolled up by township and village, and listed (first 100 of each) so that
 * each gap links to its record.
 */
import { type Kysely, sql } from 'kysely';
import { gridScope, NEEDING_HELP } from '../../db/repositories/grids.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';

type Db = Kysely<Database>;

export const COVERAGE_COUNTS = [
  'grids',
  'groups',
  'gridsWithoutGroup',
  'groupsWithoutLeader',
  'groupsWithoutInstructors',
  'groupsUnderThreeMembers',
  'membersWithoutGrid',
  'membersInTwoGrids',
  'naturalVillagesWithoutGrid',
  'gridsOverCapacity',
  'householdsBeyondCapacity',
] as const;
export type CoverageCounts = Record<(typeof COVERAGE_COUNTS)[number], number>;

interface GridRow {
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

export interface CoverageUnit extends CoverageCounts {
  code: string;
  name: string;
  level: 'township' | 'village';
}

type GapGrid = { gridId: number; name: string; villageCode: string; groupId: number | null };

export interface CoverageReport {
  scope: string;
  totals: CoverageCounts;
  units: CoverageUnit[];
  gaps: {
    gridsWithoutGroup: GapGrid[];
    groupsWithoutLeader: GapGrid[];
    groupsWithoutInstructors: GapGrid[];
    groupsUnderThreeMembers: (GapGrid & { members: number })[];
    gridsOverCapacity: (GapGrid & { households: number; capacity: number })[];
    membersWithoutGrid: { memberId: number; name: string; naturalVillageCode: string }[];
    membersInTwoGrids: { memberId: number; name: string; grids: number }[];
    naturalVillagesWithoutGrid: { code: string; name: string }[];
  };
}

const LISTED = 100;
const zero = (): CoverageCounts => Object.fromEntries(COVERAGE_COUNTS.map((k) => [k, 0])) as CoverageCounts;

async function gridRows(db: Db, county: string, like: string): Promise<GridRow[]> {
  const { rows } = await sql<GridRow>`
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
        and hh.status in (${sql.join(NEEDING_HELP)})
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

async function memberGaps(db: Db, county: string, like: string) {
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

async function naturalVillageGaps(db: Db, county: string, like: string) {
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

/** Adds one grid's gaps to a tally. */
function tallyGrid(c: CoverageCounts, g: GridRow): void {
  c.grids++;
  if (g.group_id === null) c.gridsWithoutGroup++;
  else {
    c.groups++;
    if (!g.has_leader) c.groupsWithoutLeader++;
    if (g.instructor_levels < 2) c.groupsWithoutInstructors++;
    if (g.members < 3) c.groupsUnderThreeMembers++;
  }
  if (g.households > g.capacity) {
    c.gridsOverCapacity++;
    c.householdsBeyondCapacity += g.households - g.capacity;
  }
}

/** Coverage of `scope` (a county, township or village code; a natural village counts as its village). */
export async function coverageReport(db: Db, county: string, scope: string = county): Promise<CoverageReport> {
  const unitScope = gridScope(scope);
  const like = `${unitScope}%`;
  const units = await db
    .selectFrom('org_unit')
    .select(['code', 'name', 'level'])
    .where('county_code', '=', county)
    .where('code', 'like', like)
    .where('level', 'in', ['township', 'village'])
    .orderBy('code')
    .execute();
  const self = await db
    .selectFrom('org_unit')
    .select('code')
    .where('county_code', '=', county)
    .where('code', '=', scope)
    .executeTakeFirst();
  if (!self) throw AppError.notFound({ zh: '区划', en: 'org unit' });
  const [grids, members, places] = await Promise.all([
    gridRows(db, county, like),
    memberGaps(db, county, like),
    naturalVillageGaps(db, county, like),
  ]);
  const totals = zero();
  const byUnit = new Map(
    units.map((u) => [u.code, { code: u.code, name: u.name, level: u.level, ...zero() } as CoverageUnit]),
  );
  const unitsOf = (code: string) =>
    [byUnit.get(code.slice(0, 9)), byUnit.get(code.slice(0, 12))].filter((u) => u !== undefined);
  for (const g of grids) for (const c of [totals, ...unitsOf(g.village_code)]) tallyGrid(c, g);
  for (const m of members) {
    const key = m.grids === 0 ? 'membersWithoutGrid' : 'membersInTwoGrids';
    for (const c of [totals, ...unitsOf(m.natural_village_code)]) c[key]++;
  }
  for (const p of places) for (const c of [totals, ...unitsOf(p.code)]) c.naturalVillagesWithoutGrid++;

  const gap = (g: GridRow): GapGrid => ({
    gridId: g.id,
    name: g.name,
    villageCode: g.village_code,
    groupId: g.group_id,
  });
  const list = <T>(rows: T[]) => rows.slice(0, LISTED);
  const grouped = grids.filter((g) => g.group_id !== null);
  return {
    scope,
    totals,
    units: [...byUnit.values()],
    gaps: {
      gridsWithoutGroup: list(grids.filter((g) => g.group_id === null).map(gap)),
      groupsWithoutLeader: list(grouped.filter((g) => !g.has_leader).map(gap)),
      groupsWithoutInstructors: list(grouped.filter((g) => g.instructor_levels < 2).map(gap)),
      groupsUnderThreeMembers: list(
        grouped.filter((g) => g.members < 3).map((g) => ({ ...gap(g), members: g.members })),
      ),
      gridsOverCapacity: list(
        grids
          .filter((g) => g.households > g.capacity)
          .map((g) => ({ ...gap(g), households: g.households, capacity: g.capacity })),
      ),
      membersWithoutGrid: list(
        members
          .filter((m) => m.grids === 0)
          .map((m) => ({ memberId: m.id, name: m.name, naturalVillageCode: m.natural_village_code })),
      ),
      membersInTwoGrids: list(
        members.filter((m) => m.grids > 1).map((m) => ({ memberId: m.id, name: m.name, grids: m.grids })),
      ),
      naturalVillagesWithoutGrid: list(places),
    },
  };
}
