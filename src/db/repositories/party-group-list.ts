/** The Party group list query: current groups of a scope with their gaps, one page and the total. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { likeEscape, pageWindow, parseSort } from './paging.ts';

export interface GroupFilter {
  within?: string | undefined;
  withoutLeader?: boolean | undefined;
  withoutInstructors?: boolean | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const SORT_COLUMNS = { name: 'pg.name', villageCode: 'g.village_code', members: 'members' } as const;

function filteredGroups(db: Kysely<Database>, county: string, f: GroupFilter) {
  const within = f.within ?? '';
  return (
    db
      .selectFrom('party_group as pg')
      .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'pg.county_code').onRef('g.id', '=', 'pg.grid_id'))
      .leftJoin('group_instructor as ti', (j) =>
        j
          .onRef('ti.county_code', '=', 'pg.county_code')
          .onRef('ti.group_id', '=', 'pg.id')
          .on('ti.level', '=', 'township')
          .on('ti.ended_on', 'is', null),
      )
      .leftJoin('group_instructor as vi', (j) =>
        j
          .onRef('vi.county_code', '=', 'pg.county_code')
          .onRef('vi.group_id', '=', 'pg.id')
          .on('vi.level', '=', 'village')
          .on('vi.ended_on', 'is', null),
      )
      .where('pg.county_code', '=', county)
      .where('pg.retired_at', 'is', null)
      // A village or wider scope is a prefix of the grid's village; a natural village names the grids holding it.
      .$if(within.length > 0 && within.length <= 12, (q) => q.where('g.village_code', 'like', `${within}%`))
      .$if(within.length > 12, (q) =>
        q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('grid_natural_village as gnv')
              .select('gnv.id')
              .whereRef('gnv.county_code', '=', 'g.county_code')
              .whereRef('gnv.grid_id', '=', 'g.id')
              .where('gnv.natural_village_code', '=', within)
              .where('gnv.ended_at', 'is', null),
          ),
        ),
      )
      .$if(f.withoutLeader === true, (q) => q.where('pg.leader_member_id', 'is', null))
      .$if(f.withoutLeader === false, (q) => q.where('pg.leader_member_id', 'is not', null))
      .$if(f.withoutInstructors === true, (q) =>
        q.where((eb) => eb.or([eb('ti.id', 'is', null), eb('vi.id', 'is', null)])),
      )
      .$if(f.withoutInstructors === false, (q) => q.where('ti.id', 'is not', null).where('vi.id', 'is not', null))
      .$if(f.q !== undefined, (q) => {
        const pattern = `%${likeEscape(f.q as string)}%`;
        return q.where((eb) => eb.or([eb('pg.name', 'like', pattern), eb('g.name', 'like', pattern)]));
      })
  );
}

/** One page of current groups with places, leader, member count and current instructors; and the total. */
export async function listGroups(db: Kysely<Database>, county: string, filter: GroupFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [sortField, direction] = parseSort(filter.sort, 'name');
  const base = filteredGroups(db, county, filter);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('org_unit as v', (j) =>
        j.onRef('v.county_code', '=', 'g.county_code').onRef('v.code', '=', 'g.village_code'),
      )
      .leftJoin('org_unit as t', (j) =>
        j.onRef('t.county_code', '=', 'v.county_code').onRef('t.code', '=', 'v.parent_code'),
      )
      .leftJoin('party_member as lm', (j) =>
        j.onRef('lm.county_code', '=', 'pg.county_code').onRef('lm.id', '=', 'pg.leader_member_id'),
      )
      .select((eb) => [
        'pg.id',
        'pg.name',
        'pg.grid_id',
        'pg.leader_member_id',
        'pg.leader_since',
        'pg.activity_address',
        'g.name as grid_name',
        'g.village_code',
        'v.name as village_name',
        't.code as township_code',
        't.name as township_name',
        'lm.name as leader_name',
        'ti.name as township_instructor',
        'vi.name as village_instructor',
        eb
          .selectFrom('grid_member as gm')
          .whereRef('gm.county_code', '=', 'pg.county_code')
          .whereRef('gm.grid_id', '=', 'pg.grid_id')
          .where('gm.left_at', 'is', null)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('members'),
      ])
      .orderBy(SORT_COLUMNS[sortField as keyof typeof SORT_COLUMNS] ?? 'pg.name', direction)
      .orderBy('pg.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export type ListRow = Awaited<ReturnType<typeof listGroups>>['rows'][number];
