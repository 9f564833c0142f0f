/** Problem lists: the inbox of a level (soonest due first) and the overdue board (what is late, how late, who holds it). */
import type { Kysely } from 'kysely';
import { listProblems as listRows, overdueByLevel, type ProblemFilter } from '../../db/repositories/problem-list.ts';
import type { Database } from '../../db/schema.ts';
import { businessNow } from '../../domain/clock.ts';
import { LEVELS } from '../../domain/escalation.ts';
import { toProblemItem } from './problem-view.ts';

/** One page of a scope's problems with deadlines and lateness at `now`. */
export async function listProblems(
  db: Kysely<Database>,
  county: string,
  request: ProblemFilter,
  now: Date = businessNow(),
) {
  const q = request.q?.trim();
  const { rows, total } = await listRows(db, county, { ...request, q: q === '' ? undefined : q }, now);
  return {
    items: rows.map((r) => toProblemItem(r, now)),
    total,
    page: request.page ?? 1,
    pageSize: request.pageSize ?? 20,
  };
}

/** The overdue board: counts and longest delay by level, and a page of the late problems (most late first). */
export async function listOverdue(
  db: Kysely<Database>,
  county: string,
  request: ProblemFilter,
  now: Date = businessNow(),
) {
  const [byLevel, page] = await Promise.all([
    overdueByLevel(db, county, request.within, now),
    listProblems(db, county, { ...request, overdue: true, sort: request.sort ?? 'dueAt' }, now),
  ]);
  const levels = LEVELS.map((level) => {
    const row = byLevel.find((r) => r.level === level);
    return { level, count: Number(row?.n ?? 0), maxHoursLate: Number(row?.max_hours_late ?? 0) };
  });
  return { levels, ...page };
}
