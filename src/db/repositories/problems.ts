/** Problem queries: one problem locked or read, its trail, the county's deadlines, writes of rows and events. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DeadlineOverride } from '../../domain/deadlines.ts';
import type { Database } from '../schema.ts';
import type { ProblemEventTable, ProblemTable } from '../schema-problems.ts';

/** A problem with its household head and place names. */
export function findProblem(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('problem as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .leftJoin('org_unit as o', (j) =>
      j.onRef('o.county_code', '=', 'p.county_code').onRef('o.code', '=', 'p.holder_code'),
    )
    .selectAll('p')
    .select(['h.head_name', 'o.name as holder_name'])
    .where('p.county_code', '=', county)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export type ProblemRow = NonNullable<Awaited<ReturnType<typeof findProblem>>>;

/** Locks one problem for a step (writers of the same problem queue). */
export async function lockProblem(db: Kysely<Database>, county: string, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('problem')
    .select('id')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** The trail of a problem, oldest first. */
export function problemEvents(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('problem_event')
    .selectAll()
    .where('county_code', '=', county)
    .where('problem_id', '=', id)
    .orderBy('id')
    .execute();
}

/** The county's deadline overrides. */
export async function deadlineOverrides(db: Kysely<Database>, county: string): Promise<DeadlineOverride[]> {
  return db
    .selectFrom('problem_deadline')
    .select(['category', 'urgency', 'level', 'hours'])
    .where('county_code', '=', county)
    .execute();
}

/** Inserts a problem; its id. */
export async function insertProblem(db: Kysely<Database>, row: Insertable<ProblemTable>): Promise<number> {
  const { id } = await db.insertInto('problem').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates one problem (updated_at set too). */
export async function updateProblem(db: Kysely<Database>, county: string, id: number, set: Updateable<ProblemTable>) {
  await db
    .updateTable('problem')
    .set({ ...set, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

/** Appends events to trails. */
export async function insertEvents(db: Kysely<Database>, rows: Insertable<ProblemEventTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('problem_event').values(rows).execute();
}

/** Whether member `memberId` currently helps household `householdId`. */
export async function helpsHousehold(db: Kysely<Database>, county: string, memberIds: number[], householdId: number) {
  if (memberIds.length === 0) return false;
  const row = await db
    .selectFrom('pairing')
    .select('id')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('member_id', 'in', memberIds)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A household's unit, or undefined when it is not in the county. */
export function householdPlace(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('household')
    .select(['id', 'natural_village_code', 'head_name'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The units that urged problem `id` in [from, to) (business instants). */
export async function urgingUnitsBetween(
  db: Kysely<Database>,
  county: string,
  id: number,
  from: Date,
  to: Date,
): Promise<string[]> {
  const rows = await db
    .selectFrom('problem_event')
    .select('urging_unit')
    .distinct()
    .where('county_code', '=', county)
    .where('problem_id', '=', id)
    .where('action', '=', 'urge')
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
  return rows.flatMap((r) => (r.urging_unit === null ? [] : [r.urging_unit]));
}
