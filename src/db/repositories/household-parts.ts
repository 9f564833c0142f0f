/**
 * Queries on a household's parts: persons, yearly income, needs and the status history. Persons are never
 * deleted (removed_on marks them) and status events are only ever added.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  Database,
  HouseholdIncomeTable,
  HouseholdNeedTable,
  HouseholdPersonTable,
  HouseholdStatusEventTable,
} from '../schema.ts';

/** Current persons of a household in registration order (the order violation paths count in). */
export function listPersons(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('household_person')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('removed_on', 'is', null)
    .selectAll()
    .orderBy('id')
    .execute();
}

/** A stored person row. */
export type PersonRow = Awaited<ReturnType<typeof listPersons>>[number];

/** Inserts the persons of a new household. */
export async function insertPersons(db: Kysely<Database>, rows: Insertable<HouseholdPersonTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('household_person').values(rows).execute();
}

/** Inserts one person and returns its id. */
export async function insertPerson(db: Kysely<Database>, row: Insertable<HouseholdPersonTable>): Promise<number> {
  const { id } = await db.insertInto('household_person').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a person (also used to mark one removed) and stamps updated_at. */
export async function updatePerson(
  db: Kysely<Database>,
  county: string,
  id: number,
  patch: Updateable<Omit<HouseholdPersonTable, 'county_code' | 'id' | 'household_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('household_person')
    .set({ ...patch, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

/** Income rows of a household, oldest year first. */
export function listIncome(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('household_income')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .selectAll()
    .orderBy('year')
    .execute();
}

/** A stored income row (per_capita_net computed by the database). */
export type IncomeRow = Awaited<ReturnType<typeof listIncome>>[number];

/** Inserts or replaces one year's income and returns the per-capita net income the database computed. */
export async function upsertIncome(db: Kysely<Database>, row: Insertable<HouseholdIncomeTable>): Promise<number> {
  const { county_code, household_id, year, ...items } = row;
  const { per_capita_net } = await db
    .insertInto('household_income')
    .values(row)
    .onConflict((oc) => oc.columns(['county_code', 'household_id', 'year']).doUpdateSet(items))
    .returning('per_capita_net')
    .executeTakeFirstOrThrow();
  return Number(per_capita_net);
}

/** Open and closed needs of a household, in the order they were raised. */
export function listNeeds(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('household_need')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .selectAll()
    .orderBy('raised_on')
    .orderBy('id')
    .execute();
}

/** One need of the household, or undefined. */
export function findNeed(db: Kysely<Database>, county: string, householdId: number, id: number) {
  return db
    .selectFrom('household_need')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst();
}

/** Inserts needs (none is fine). */
export async function insertNeeds(db: Kysely<Database>, rows: Insertable<HouseholdNeedTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('household_need').values(rows).execute();
}

/** Changes a need's detail, status and closing date. */
export async function updateNeed(
  db: Kysely<Database>,
  county: string,
  id: number,
  patch: Pick<Updateable<HouseholdNeedTable>, 'detail' | 'status' | 'closed_on'>,
): Promise<void> {
  await db.updateTable('household_need').set(patch).where('county_code', '=', county).where('id', '=', id).execute();
}

/** The status history, in the order the changes took effect. */
export function listStatusEvents(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('household_status_event')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .select(['id', 'status', 'effective_on', 'reason', 'created_at'])
    .orderBy('effective_on')
    .orderBy('id')
    .execute();
}

/** Appends one entry to the status history; returns its id (a pairing ended by cleared risk names it). */
export async function insertStatusEvent(
  db: Kysely<Database>,
  row: Insertable<HouseholdStatusEventTable>,
): Promise<number> {
  const { id } = await db.insertInto('household_status_event').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}
