/** List the current grids of a scope, with member, capacity and household counts and the group's leader. */
import type { Kysely } from 'kysely';
import { type GridFilter, listGrids as queryGrids } from '../../db/repositories/grid-reads.ts';
import type { Database } from '../../db/schema.ts';

export async function listGrids(db: Kysely<Database>, county: string, filter: GridFilter) {
  const { rows, total } = await queryGrids(db, county, filter);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      villageCode: r.village_code,
      villageName: r.village_name,
      townshipName: r.township_name,
      naturalVillages: r.natural_villages,
      members: r.members,
      capacity: r.capacity,
      households: r.households,
      groupId: r.group_id,
      leaderName: r.leader_name,
    })),
    total,
    page: filter.page ?? 1,
    pageSize: filter.pageSize ?? 20,
  };
}
