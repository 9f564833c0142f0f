/** The help-record list query: filters by scope, status, member, household, measure and month; one page and the total. */
import { type Kysely, sql } from 'kysely';
import type { Database, HelpRecordStatus } from '../schema.ts';
import { ledByAny } from './grid-leaders.ts';
import { recordsQuery } from './help-records.ts';
import { likeEscape, pageWindow, parseSort } from './paging.ts';

export interface HelpRecordFilter {
  within?: string | undefined;
  status?: HelpRecordStatus | undefined;
  memberId?: number | undefined;
  householdId?: number | undefined;
  measure?: string | undefined;
  /** YYYY-MM */
  month?: string | undefined;
  q?: string | undefined;
  /** Only records under `open` units, or under a `led` unit in a grid its member leads (see domain reachOf). */
  reach?: { open: string[]; led: Array<{ orgCode: string; memberId: number }> } | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const SORT_COLUMNS = { visitedOn: 'r.visited_on', createdAt: 'r.created_at', status: 'r.status' } as const;

/** The first day of the month after `month` (YYYY-MM). */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function filtered(db: Kysely<Database>, county: string, f: HelpRecordFilter) {
  const reach = f.reach;
  return recordsQuery(db, county)
    .$if(reach !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          ...(reach?.open ?? []).map((code) => eb('h.natural_village_code', 'like', `${code}%`)),
          ...(reach?.led ?? []).map((l) =>
            eb.and([
              eb('h.natural_village_code', 'like', `${l.orgCode}%`),
              ledByAny(county, [l.memberId], sql.ref('h.id'), sql.ref('h.natural_village_code')),
            ]),
          ),
        ]),
      ),
    )
    .$if(f.within !== undefined && f.within !== county, (q) =>
      q.where('h.natural_village_code', 'like', `${f.within}%`),
    )
    .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status as HelpRecordStatus))
    .$if(f.memberId !== undefined, (q) => q.where('r.member_id', '=', f.memberId as number))
    .$if(f.householdId !== undefined, (q) => q.where('r.household_id', '=', f.householdId as number))
    .$if(f.measure !== undefined, (q) => q.where('r.measure', '=', f.measure as string))
    .$if(f.month !== undefined, (q) =>
      q.where('r.visited_on', '>=', `${f.month}-01`).where('r.visited_on', '<', nextMonth(f.month as string)),
    )
    .$if(f.q !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('r.content', 'like', `%${likeEscape(f.q as string)}%`),
          eb('h.head_name', 'like', `%${likeEscape(f.q as string)}%`),
          eb('m.name', 'like', `%${likeEscape(f.q as string)}%`),
        ]),
      ),
    );
}

/** One page of records (newest visit first unless sorted otherwise) and the total. */
export async function listHelpRecords(db: Kysely<Database>, county: string, filter: HelpRecordFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [field, direction] = filter.sort ? parseSort(filter.sort, 'visitedOn') : (['visitedOn', 'desc'] as const);
  const column = SORT_COLUMNS[field as keyof typeof SORT_COLUMNS] ?? 'r.visited_on';
  const [rows, count] = await Promise.all([
    filtered(db, county, filter)
      .orderBy(column, direction)
      .orderBy('r.id', direction)
      .limit(pageSize)
      .offset(offset)
      .execute(),
    filtered(db, county, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
