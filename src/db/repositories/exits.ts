/**
 * Queries of the household exit workflow (household_exit, exit_objection) and the two ways a pairing ends with
 * its household: a completed exit and, for a monitored household, the status event that cleared its risk.
 */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, ExitObjectionTable, ExitStatus, HouseholdExitTable } from '../schema.ts';
import { likeEscape, type PageRequest, pageWindow, parseSort } from './paging.ts';

const OPEN: ExitStatus[] = ['assessed', 'verified', 'signed', 'notice'];

/** Inserts an exit (its assessment) and returns its id. */
export async function insertExit(db: Kysely<Database>, row: Insertable<HouseholdExitTable>): Promise<number> {
  const { id } = await db.insertInto('household_exit').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** One exit, or undefined. */
export function findExit(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('household_exit')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst();
}

/** The natural village a household lives in (an exit's audit unit). */
export async function householdPlace(db: Kysely<Database>, county: string, householdId: number): Promise<string> {
  const row = await db
    .selectFrom('household')
    .where('county_code', '=', county)
    .where('id', '=', householdId)
    .select('natural_village_code')
    .executeTakeFirstOrThrow();
  return row.natural_village_code;
}

/** The exit locked for the rest of the transaction (steps on one exit serialise), or undefined. */
export function lockExit(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('household_exit')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .selectAll()
    .forUpdate()
    .executeTakeFirst();
}

export type ExitRow = NonNullable<Awaited<ReturnType<typeof lockExit>>>;

/** The household's exit still in progress, if any (at most one: a partial unique index). */
export function findOpenExit(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('household_exit')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('status', 'in', OPEN)
    .select(['id', 'status'])
    .executeTakeFirst();
}

export async function updateExit(
  db: Kysely<Database>,
  county: string,
  id: number,
  values: Updateable<HouseholdExitTable>,
): Promise<void> {
  await db
    .updateTable('household_exit')
    .set({ ...values, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

/** A household's exits, newest first. */
export function listHouseholdExits(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('household_exit')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .selectAll()
    .orderBy('id', 'desc')
    .execute();
}

/** Objections of the given exits, in the order raised. */
export function listObjections(db: Kysely<Database>, county: string, exitIds: number[]) {
  if (exitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('exit_objection')
    .where('county_code', '=', county)
    .where('exit_id', 'in', exitIds)
    .selectAll()
    .orderBy('raised_on')
    .orderBy('id')
    .execute();
}

export async function insertObjection(db: Kysely<Database>, row: Insertable<ExitObjectionTable>): Promise<number> {
  const { id } = await db.insertInto('exit_objection').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** One objection of one exit, locked, or undefined. */
export function lockObjection(db: Kysely<Database>, county: string, exitId: number, id: number) {
  return db
    .selectFrom('exit_objection')
    .where('county_code', '=', county)
    .where('exit_id', '=', exitId)
    .where('id', '=', id)
    .selectAll()
    .forUpdate()
    .executeTakeFirst();
}

export async function resolveObjection(
  db: Kysely<Database>,
  county: string,
  id: number,
  values: Pick<Updateable<ExitObjectionTable>, 'status' | 'resolution' | 'resolved_on' | 'resolved_by'>,
): Promise<void> {
  await db.updateTable('exit_objection').set(values).where('county_code', '=', county).where('id', '=', id).execute();
}

/** How many objections of the exit are still open. */
export async function countOpenObjections(db: Kysely<Database>, county: string, exitId: number): Promise<number> {
  const row = await db
    .selectFrom('exit_objection')
    .where('county_code', '=', county)
    .where('exit_id', '=', exitId)
    .where('status', '=', 'open')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The latest start among the household's current pairings (a pairing cannot end before it started). */
export async function latestCurrentPairingStart(db: Kysely<Database>, county: string, householdId: number) {
  const row = await db
    .selectFrom('pairing')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('ended_on', 'is', null)
    .select((eb) => eb.fn.max('started_on').as('latest'))
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/** Ends the household's current pairings on `on` because of its completed exit; returns how many ended. */
export async function endPairingsByExit(
  db: Kysely<Database>,
  county: string,
  householdId: number,
  exitId: number,
  on: string,
): Promise<number> {
  const result = await db
    .updateTable('pairing')
    .set({ ended_on: on, end_reason: 'exited', exit_id: exitId, exit_status: 'exited' })
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The household's latest completed exit (id and day), if any. */
export function latestCompletedExit(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('household_exit')
    .select(['id', 'exited_on'])
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('status', '=', 'exited')
    .orderBy('exited_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Ends one current pairing on `on`, pinned to the household's completed exit `exitId`. */
export async function endPairingByExit(db: Kysely<Database>, county: string, id: number, exitId: number, on: string) {
  await db
    .updateTable('pairing')
    .set({ ended_on: on, end_reason: 'exited', exit_id: exitId, exit_status: 'exited' })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .where('ended_on', 'is', null)
    .execute();
}

/** Ends the household's current pairings on `on` because status event `eventId` cleared its risk. */
export async function endPairingsByClearedRisk(
  db: Kysely<Database>,
  county: string,
  householdId: number,
  eventId: number,
  on: string,
): Promise<number> {
  const result = await db
    .updateTable('pairing')
    .set({ ended_on: on, end_reason: 'risk_cleared', cleared_event_id: eventId, cleared_status: 'risk_cleared' })
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many pairings each exit ended. */
export function countPairingsEnded(db: Kysely<Database>, county: string, exitIds: number[]) {
  if (exitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pairing')
    .where('county_code', '=', county)
    .where('exit_id', 'in', exitIds)
    .groupBy('exit_id')
    .select((eb) => ['exit_id', eb.fn.countAll<number>().as('n')])
    .execute();
}

/** Filters of the exit list (the notice board is `status: 'notice'`). */
export interface ExitFilter extends PageRequest {
  within?: string | undefined;
  status?: ExitStatus | undefined;
  q?: string | undefined;
  sort?: string | undefined;
}

const NOTICE_ENDS = sql<string>`(e.notice_from + e.notice_days - 1)`;
const SORT_COLUMNS = {
  noticeEndsOn: NOTICE_ENDS,
  noticeFrom: sql<string>`e.notice_from`,
  assessedOn: sql<string>`e.assessed_on`,
  headName: sql<string>`h.head_name`,
  registryNo: sql<string>`h.registry_no`,
} as const;

function filtered(db: Kysely<Database>, county: string, filter: ExitFilter) {
  const { within, status } = filter;
  const q = filter.q?.trim();
  return db
    .selectFrom('household_exit as e')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'e.county_code').onRef('h.id', '=', 'e.household_id'),
    )
    .where('e.county_code', '=', county)
    .$if(within !== undefined, (qb) => qb.where('h.natural_village_code', 'like', `${likeEscape(within ?? '')}%`))
    .$if(status !== undefined, (qb) => qb.where('e.status', '=', status as ExitStatus))
    .$if(!!q, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('h.head_name', 'like', `%${likeEscape(q ?? '')}%`),
          eb('h.registry_no', 'like', `${likeEscape(q ?? '')}%`),
        ]),
      ),
    );
}

/** One page of exits with their household's head, registry number and place names, and the total. */
export async function listExits(db: Kysely<Database>, county: string, filter: ExitFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [field, direction] = parseSort(filter.sort, 'noticeEndsOn');
  const column = SORT_COLUMNS[field as keyof typeof SORT_COLUMNS] ?? NOTICE_ENDS;
  const order = sql.raw(direction === 'desc' ? 'desc nulls last' : 'asc nulls last');
  const rows = filtered(db, county, filter)
    .innerJoin('org_unit as nv', (j) =>
      j.onRef('nv.county_code', '=', 'h.county_code').onRef('nv.code', '=', 'h.natural_village_code'),
    )
    .innerJoin('org_unit as v', (j) =>
      j.onRef('v.county_code', '=', 'nv.county_code').onRef('v.code', '=', 'nv.parent_code'),
    )
    .select([
      'e.id',
      'e.household_id',
      'e.year',
      'e.status',
      'e.per_capita_net',
      'e.assessed_on',
      'e.notice_from',
      'e.notice_days',
      'e.exited_on',
      'h.head_name',
      'h.registry_no',
      'h.natural_village_code',
      'nv.name as natural_village_name',
      'v.name as village_name',
    ])
    .select(NOTICE_ENDS.as('notice_ends_on'))
    .select((eb) =>
      eb
        .selectFrom('exit_objection as o')
        .whereRef('o.county_code', '=', 'e.county_code')
        .whereRef('o.exit_id', '=', 'e.id')
        .where('o.status', '=', 'open')
        .select(eb.fn.countAll<number>().as('n'))
        .as('open_objections'),
    )
    .orderBy(sql`${column} ${order}`)
    .orderBy('e.id')
    .limit(pageSize)
    .offset(offset)
    .execute();
  const total = filtered(db, county, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const [page, count] = await Promise.all([rows, total]);
  return { rows: page, total: Number(count.total) };
}
