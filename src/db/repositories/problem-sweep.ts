/** Set queries of the overdue sweep: a batch of late problems, their bulk escalation, the holders of every unit. */
import { type Kysely, sql } from 'kysely';
import type { ProblemLevel } from '../../domain/escalation.ts';
import type { Database } from '../schema.ts';

/** Unsolved, past due, and at the county only when not yet flagged for this deadline (a second sweep finds none). */
function needsSweep(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('problem as p')
    .where('p.status', 'not in', ['resolved', 'closed'])
    .where('p.due_at', '<', now)
    .where((eb) => eb.or([eb('p.level', '<>', 'county'), eb('p.overdue_flagged_at', 'is', null)]));
}

/** The counties holding problems the sweep must move (read without locks: each county is then swept alone). */
export async function countiesToSweep(db: Kysely<Database>, now: Date): Promise<string[]> {
  const rows = await needsSweep(db, now).select('p.county_code').distinct().orderBy('p.county_code').execute();
  return rows.map((r) => r.county_code);
}

/**
 * The next batch of one county's problems needing the sweep after `afterId`, locked. One county per statement:
 * a distributed database (Citus, by county_code) locks rows of one shard only.
 */
export function overdueBatch(db: Kysely<Database>, county: string, afterId: number, now: Date, limit: number) {
  return needsSweep(db, now)
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .select([
      'p.county_code',
      'p.id',
      'p.household_id',
      'p.natural_village_code',
      'p.category',
      'p.urgency',
      'p.level',
      'p.status',
      'h.head_name',
    ])
    .where('p.county_code', '=', county)
    .where('p.id', '>', afterId)
    .orderBy('p.id')
    .limit(limit)
    .forUpdate('p')
    .execute();
}

export type OverdueRow = Awaited<ReturnType<typeof overdueBatch>>[number];

export interface Escalation {
  id: number;
  level: ProblemLevel;
  holder: string;
  due: Date;
}

/** Moves problems of one county up a level in one statement (fresh deadline, open again, no department). */
export async function escalateMany(db: Kysely<Database>, county: string, rows: Escalation[], now: Date) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) => sql`(cast(${r.id} as bigint), ${r.level}, ${r.holder}, cast(${r.due.toISOString()} as timestamptz))`,
    ),
  );
  await sql`
    update problem p set level = v.level, holder_code = v.holder, status = 'open', department = null,
      level_entered_at = cast(${now.toISOString()} as timestamptz), due_at = v.due, overdue_flagged_at = null,
      updated_at = cast(${now.toISOString()} as timestamptz)
    from (values ${values}) as v (id, level, holder, due)
    where p.county_code = ${county} and p.id = v.id`.execute(db);
}

/** Flags county-level problems as overdue (they stay: there is no level above). */
export async function flagOverdue(db: Kysely<Database>, county: string, ids: number[], now: Date) {
  if (ids.length === 0) return;
  await db
    .updateTable('problem')
    .set({ overdue_flagged_at: now, updated_at: now })
    .where('county_code', '=', county)
    .where('id', 'in', ids)
    .execute();
}

/** Every grant of a county that holds a level above the grid: (role, org code) → users. */
export async function unitHolders(db: Kysely<Database>, county: string): Promise<Map<string, number[]>> {
  const rows = await db
    .selectFrom('role_grant')
    .select(['role', 'org_code', 'user_id'])
    .where('county_code', '=', county)
    .where('role', 'in', ['village_secretary', 'township_admin', 'county_admin'])
    .execute();
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.role}:${r.org_code}`;
    map.set(key, [...(map.get(key) ?? []), r.user_id]);
  }
  return map;
}
