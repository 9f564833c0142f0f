/**
 * Coverage of the grid organisation (组织设置无缝隙) for a scope: every gap the article's county closed —
 * grids without a Party group, groups without a leader or without both instructors, groups under three
 * members, members in no grid (or two), natural villages in no grid, grids whose members cannot help all
 * their households — as totals, rolled up by township and village, and listed (first 100 of each) so that
 * each gap links to its record.
 */
import type { Kysely } from 'kysely';
import {
  type CoverageGridRow,
  coverageUnits,
  gridRows,
  memberGaps,
  naturalVillageGaps,
  unitExists,
} from '../../db/repositories/grid-coverage.ts';
import { gridScope } from '../../db/repositories/grids.ts';
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

/** Adds one grid's gaps to a tally. */
function tallyGrid(c: CoverageCounts, g: CoverageGridRow): void {
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
  const units = await coverageUnits(db, county, like);
  if (!(await unitExists(db, county, scope))) throw AppError.notFound({ zh: '区划', en: 'org unit' });
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

  const gap = (g: CoverageGridRow): GapGrid => ({
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
