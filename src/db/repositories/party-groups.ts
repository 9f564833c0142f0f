/**
 * Queries on Party groups and what hangs off them (grid, members, instructors, events). Queries only: the
 * use cases in this folder decide. Place names come from org_unit joins in the same query.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, GridEventKind, GroupInstructorTable, InstructorLevel } from '../schema.ts';

/** The group with its grid and places; retired groups included (their page still reads). */
export function findGroup(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('party_group as pg')
    .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'pg.county_code').onRef('g.id', '=', 'pg.grid_id'))
    .leftJoin('org_unit as v', (j) =>
      j.onRef('v.county_code', '=', 'g.county_code').onRef('v.code', '=', 'g.village_code'),
    )
    .leftJoin('org_unit as t', (j) =>
      j.onRef('t.county_code', '=', 'v.county_code').onRef('t.code', '=', 'v.parent_code'),
    )
    .leftJoin('party_member as lm', (j) =>
      j.onRef('lm.county_code', '=', 'pg.county_code').onRef('lm.id', '=', 'pg.leader_member_id'),
    )
    .where('pg.county_code', '=', county)
    .where('pg.id', '=', id)
    .selectAll('pg')
    .select([
      'g.name as grid_name',
      'g.village_code',
      'g.retired_at as grid_retired_at',
      'v.name as village_name',
      't.code as township_code',
      't.name as township_name',
      'lm.name as leader_name',
    ])
    .executeTakeFirst();
}

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

/** Locks the group row for the rest of the transaction, so two writes to one group queue up. */
export async function lockGroup(db: Kysely<Database>, county: string, id: number): Promise<void> {
  await db
    .selectFrom('party_group')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .select('id')
    .forUpdate()
    .execute();
}

/** Current members of grids (all current grids of the county when `gridIds` is undefined), with their card facts. */
export function currentMembers(db: Kysely<Database>, county: string, gridIds?: number[]) {
  return db
    .selectFrom('grid_member as gm')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'gm.county_code').onRef('m.id', '=', 'gm.member_id'),
    )
    .innerJoin('org_unit as nv', (j) =>
      j.onRef('nv.county_code', '=', 'm.county_code').onRef('nv.code', '=', 'm.natural_village_code'),
    )
    .where('gm.county_code', '=', county)
    .where('gm.left_at', 'is', null)
    .$if(gridIds !== undefined, (q) => q.where('gm.grid_id', 'in', gridIds as number[]))
    .select([
      'gm.grid_id',
      'gm.joined_at',
      'm.id',
      'm.name',
      'm.sex',
      'm.birth_date',
      'm.phone',
      'm.membership',
      'm.join_date',
      'm.post',
      'm.expertise',
      'm.capacity',
      'm.is_migrant',
      'm.health',
      'm.status',
      'm.natural_village_code',
      'nv.name as natural_village_name',
    ])
    .orderBy('gm.grid_id')
    .orderBy('m.name')
    .orderBy('m.id')
    .execute();
}

export type MemberRow = Awaited<ReturnType<typeof currentMembers>>[number];

/** The current grid of member `memberId`, if any. */
export function currentGridOf(db: Kysely<Database>, county: string, memberId: number) {
  return db
    .selectFrom('grid_member')
    .where('county_code', '=', county)
    .where('member_id', '=', memberId)
    .where('left_at', 'is', null)
    .select('grid_id')
    .executeTakeFirst();
}

/** A member's bare card row. */
export function findMemberRow(db: Kysely<Database>, county: string, memberId: number) {
  return db
    .selectFrom('party_member')
    .where('county_code', '=', county)
    .where('id', '=', memberId)
    .selectAll()
    .executeTakeFirst();
}

/** The natural villages the grid holds now (a split one once). */
export function gridNaturalVillages(db: Kysely<Database>, county: string, gridId: number) {
  return db
    .selectFrom('grid_natural_village as gnv')
    .innerJoin('org_unit as nv', (j) =>
      j.onRef('nv.county_code', '=', 'gnv.county_code').onRef('nv.code', '=', 'gnv.natural_village_code'),
    )
    .where('gnv.county_code', '=', county)
    .where('gnv.grid_id', '=', gridId)
    .where('gnv.ended_at', 'is', null)
    .select(['nv.code', 'nv.name'])
    .distinct()
    .orderBy('nv.code')
    .execute();
}

/** Every instructor the group ever had, current ones first within each level, newest first. */
export function instructorsOf(db: Kysely<Database>, county: string, groupId: number) {
  return db
    .selectFrom('group_instructor')
    .where('county_code', '=', county)
    .where('group_id', '=', groupId)
    .selectAll()
    .orderBy('level')
    .orderBy(sql`ended_on is null`, 'desc')
    .orderBy('started_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The current instructor of one level. */
export function currentInstructor(db: Kysely<Database>, county: string, groupId: number, level: InstructorLevel) {
  return db
    .selectFrom('group_instructor')
    .where('county_code', '=', county)
    .where('group_id', '=', groupId)
    .where('level', '=', level)
    .where('ended_on', 'is', null)
    .selectAll()
    .executeTakeFirst();
}

/** Ends the current instructor of `level` on `endedOn` and starts `row`. */
export async function replaceInstructor(
  db: Kysely<Database>,
  row: Insertable<GroupInstructorTable>,
  endedOn: string,
): Promise<void> {
  await db
    .updateTable('group_instructor')
    .set({ ended_on: endedOn })
    .where('county_code', '=', row.county_code)
    .where('group_id', '=', row.group_id)
    .where('level', '=', row.level)
    .where('ended_on', 'is', null)
    .execute();
  await db.insertInto('group_instructor').values(row).execute();
}

/** The grid's history, newest first (at most `limit` events). */
export function gridEvents(db: Kysely<Database>, county: string, gridId: number, limit = 200) {
  return db
    .selectFrom('grid_event')
    .where('county_code', '=', county)
    .where('grid_id', '=', gridId)
    .select(['id', 'kind', 'detail', 'plan_id', 'created_at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Appends one event to the grid's history. */
export async function addGridEvent(
  db: Kysely<Database>,
  county: string,
  gridId: number,
  kind: GridEventKind,
  detail: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('grid_event')
    .values({ county_code: county, grid_id: gridId, kind, detail: JSON.stringify(detail) })
    .execute();
}

/** The current instructors of a group, by level. */
export function currentInstructors(db: Kysely<Database>, county: string, groupId: number) {
  return db
    .selectFrom('group_instructor')
    .select(['level', 'name', 'post', 'member_id'])
    .where('county_code', '=', county)
    .where('group_id', '=', groupId)
    .where('ended_on', 'is', null)
    .orderBy('level')
    .execute();
}

/** Makes `memberId` the leader of group `id` from `since`. */
export async function setGroupLeader(
  db: Kysely<Database>,
  county: string,
  id: number,
  memberId: number,
  since: string,
) {
  await db
    .updateTable('party_group')
    .set({ leader_member_id: memberId, leader_since: since, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

/** Stores the group's activity centre (address, coordinates or nulls, notes). */
export async function setGroupActivityCentre(
  db: Kysely<Database>,
  county: string,
  id: number,
  centre: { address: string; lat: number | null; lng: number | null; notes: string },
) {
  await db
    .updateTable('party_group')
    .set({
      activity_address: centre.address,
      activity_lat: centre.lat,
      activity_lng: centre.lng,
      activity_notes: centre.notes,
      updated_at: new Date(),
    })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}
