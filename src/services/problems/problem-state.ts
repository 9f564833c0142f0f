/** The facts of a problem the escalation rule reads at a business instant: where it is, whether late, who urged. */
import type { Kysely } from 'kysely';
import { type ProblemRow, urgingUnitsBetween } from '../../db/repositories/problems.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { isOverdue } from '../../domain/deadlines.ts';
import type { ProblemState } from '../../domain/escalation.ts';

const DAY_MS = 24 * 3600_000;

/** The business day (China, UTC+8) holding `now`, as [start, end) instants. */
export function businessDayOf(now: Date): { from: Date; to: Date } {
  const from = new Date(`${chinaDateOf(now)}T00:00:00+08:00`);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** The state of problem `row` at `now`, with the units that urged it on that business day. */
export async function problemState(
  db: Kysely<Database>,
  county: string,
  row: ProblemRow,
  now: Date,
): Promise<ProblemState> {
  const overdue = isOverdue(row.status, new Date(row.due_at), now);
  const { from, to } = businessDayOf(now);
  // Only a late problem can be urged: skip the query otherwise.
  const urgedTodayBy = overdue ? await urgingUnitsBetween(db, county, Number(row.id), from, to) : [];
  return { level: row.level, status: row.status, naturalVillageCode: row.natural_village_code, overdue, urgedTodayBy };
}
