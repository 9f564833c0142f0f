/** The problem lists: a scope's problems filtered by level, status, category and lateness, a page and the total. */
import { type Kysely, sql } from 'kysely';
import { businessNow } from '../../domain/clock.ts';
import type { ProblemLevel, ProblemStatus } from '../../domain/escalation.ts';
import type { Database } from '../schema.ts';
import { likeEscape, pageWindow, parseSort } from './paging.ts';

export interface ProblemFilter {
  within?: string | undefined;
  level?: ProblemLevel | undefined;
  status?: ProblemStatus | undefined;
  category?: string | undefined;
  overdue?: boolean | undefined;
  /** only problems still being handled (not resolved or closed) */
  pending?: boolean | undefined;
  householdId?: number | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const SORT_COLUMNS = { dueAt: 'p.due_at', createdAt: 'p.created_at', level: 'p.level', id: 'p.id' } as const;
const DONE = ['resolved', 'closed'] as const;

function filtered(db: Kysely<Database>, county: string, f: ProblemFilter, now: Date) {
  return db
    .selectFrom('problem as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .where('p.county_code', '=', county)
    .$if(f.within !== undefined && f.within !== county, (q) =>
      q.where('p.natural_village_code', 'like', `${f.within}%`),
    )
    .$if(f.level !== undefined, (q) => q.where('p.level', '=', f.level as ProblemLevel))
    .$if(f.status !== undefined, (q) => q.where('p.status', '=', f.status as ProblemStatus))
    .$if(f.category !== undefined, (q) => q.where('p.category', '=', f.category as string))
    .$if(f.householdId !== undefined, (q) => q.where('p.household_id', '=', f.householdId as number))
    .$if(f.pending === true || f.overdue === true, (q) => q.where('p.status', 'not in', DONE))
    .$if(f.overdue === true, (q) => q.where('p.due_at', '<', now))
    .$if(f.overdue === false, (q) => q.where((eb) => eb.or([eb('p.due_at', '>=', now), eb('p.status', 'in', DONE)])))
    .$if(f.q !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('h.head_name', 'like', `%${likeEscape(f.q as string)}%`),
          eb('p.description', 'like', `%${likeEscape(f.q as string)}%`),
        ]),
      ),
    );
}

/** One page of problems (soonest due first by default) and the total. */
export async function listProblems(db: Kysely<Database>, county: string, f: ProblemFilter, now: Date = businessNow()) {
  const { pageSize, offset } = pageWindow(f);
  const [field, direction] = parseSort(f.sort, 'dueAt');
  const column = SORT_COLUMNS[field as keyof typeof SORT_COLUMNS] ?? 'p.due_at';
  const [rows, count] = await Promise.all([
    filtered(db, county, f, now)
      .leftJoin('org_unit as o', (j) =>
        j.onRef('o.county_code', '=', 'p.county_code').onRef('o.code', '=', 'p.holder_code'),
      )
      .selectAll('p')
      .select(['h.head_name', 'o.name as holder_name'])
      .orderBy(column, direction)
      .orderBy('p.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
    filtered(db, county, f, now)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Overdue problems counted by level, with the longest delay (hours) of each. */
export async function overdueByLevel(db: Kysely<Database>, county: string, within: string | undefined, now: Date) {
  return filtered(db, county, { within, overdue: true }, now)
    .select([
      'p.level',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`floor(extract(epoch from (cast(${now.toISOString()} as timestamptz) - min(p.due_at))) / 3600)`.as(
        'max_hours_late',
      ),
    ])
    .groupBy('p.level')
    .execute();
}
