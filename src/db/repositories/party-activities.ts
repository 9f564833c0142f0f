/**
 * Party group activities (组织生活): the county's rules, the groups as activities see them (place, leader,
 * current members), activities and their attendance and photos. Lists and the compliance figures are in
 * party-activity-list.ts.
 */
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type {
  ActivityKind,
  ActivityStatus,
  AttendanceStatus,
  Frequency,
  SignInMethod,
} from '../../domain/party-life/activities.ts';
import type { Database } from '../schema.ts';
import { type PhotoFiles, photoColumns } from './photos.ts';

// ——— rules ———

export interface RuleRow {
  kind: ActivityKind;
  frequency: Frequency;
  countsForPoints: boolean;
  active: boolean;
  updatedAt: Date;
}

/** The county's own rule rows (none: the defaults are in force). */
export async function findRules(db: Kysely<Database>, county: string): Promise<RuleRow[]> {
  return db
    .selectFrom('activity_rule')
    .select(['kind', 'frequency', 'counts_for_points as countsForPoints', 'active', 'updated_at as updatedAt'])
    .where('county_code', '=', county)
    .orderBy('kind')
    .execute();
}

/** Locks the county's rules for a change (the first change has no rows to lock: the county's settings row). */
export async function lockRules(db: Kysely<Database>, county: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`activity_rule:${county}`}))`.execute(db);
}

/** Writes one rule row of the county (insert or replace). */
export async function upsertRule(
  db: Kysely<Database>,
  county: string,
  rule: { kind: ActivityKind; frequency: Frequency; countsForPoints: boolean; active: boolean },
  userId: number | null,
): Promise<void> {
  const values = {
    frequency: rule.frequency,
    counts_for_points: rule.countsForPoints,
    active: rule.active,
    updated_by: userId,
    updated_at: new Date(),
  };
  await db
    .insertInto('activity_rule')
    .values({ county_code: county, kind: rule.kind, ...values })
    .onConflict((oc) => oc.columns(['county_code', 'kind']).doUpdateSet(values))
    .execute();
}

// ——— groups ———

/** A group narrowed to `within`: its grid's village is under it, or (a natural village) its grid holds it now. */
export function groupWithin<QB extends SelectQueryBuilder<Database, 'party_group' | 'grid', object>>(
  q: QB,
  within: string | undefined,
): QB {
  if (!within) return q;
  if (within.length <= 12) return q.where('grid.village_code', 'like', `${within}%`) as QB;
  return q.where(({ exists, selectFrom }) =>
    exists(
      selectFrom('grid_natural_village as gnv')
        .select('gnv.id')
        .whereRef('gnv.county_code', '=', 'grid.county_code')
        .whereRef('gnv.grid_id', '=', 'grid.id')
        .where('gnv.natural_village_code', '=', within)
        .where('gnv.ended_at', 'is', null),
    ),
  ) as QB;
}

export interface GroupRow {
  id: number;
  name: string;
  gridId: number;
  villageCode: string;
  leaderMemberId: number | null;
  activityAddress: string;
  createdAt: Date;
  retired: boolean;
  naturalVillages: string[];
}

/** Group `id` of the county if it lies within `within` (undefined: anywhere), with its grid's current places. */
export async function findGroup(
  db: Kysely<Database>,
  county: string,
  id: number,
  within?: string | undefined,
): Promise<GroupRow | null> {
  const base = db
    .selectFrom('party_group')
    .innerJoin('grid', (j) =>
      j.onRef('grid.county_code', '=', 'party_group.county_code').onRef('grid.id', '=', 'party_group.grid_id'),
    )
    .select([
      'party_group.id',
      'party_group.name',
      'party_group.grid_id as gridId',
      'grid.village_code as villageCode',
      'party_group.leader_member_id as leaderMemberId',
      'party_group.activity_address as activityAddress',
      'party_group.created_at as createdAt',
      sql<boolean>`(party_group.retired_at is not null or grid.retired_at is not null)`.as('retired'),
      sql<string[]>`array(select gnv.natural_village_code from grid_natural_village gnv
        where gnv.county_code = grid.county_code and gnv.grid_id = grid.id and gnv.ended_at is null
        order by 1)`.as('naturalVillages'),
    ])
    .where('party_group.county_code', '=', county)
    .where('party_group.id', '=', id);
  const row = await groupWithin(base, within).executeTakeFirst();
  return row ?? null;
}

export interface RosterMember {
  id: number;
  name: string;
  migrant: boolean;
}

/** The current members of grid `gridId` (active Party members), by name. */
export async function currentMembers(db: Kysely<Database>, county: string, gridId: number): Promise<RosterMember[]> {
  return db
    .selectFrom('grid_member as gm')
    .innerJoin('party_member as pm', (j) =>
      j.onRef('pm.county_code', '=', 'gm.county_code').onRef('pm.id', '=', 'gm.member_id'),
    )
    .select(['pm.id', 'pm.name', 'pm.is_migrant as migrant'])
    .where('gm.county_code', '=', county)
    .where('gm.grid_id', '=', gridId)
    .where('gm.left_at', 'is', null)
    .where('pm.status', '=', 'active')
    .orderBy('pm.name')
    .orderBy('pm.id')
    .execute();
}

/** The current group of each of `memberIds` that has one: member, group and grid (a member is in one grid). */
export async function groupsOfMembers(db: Kysely<Database>, county: string, memberIds: readonly number[]) {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('grid_member as gm')
    .innerJoin('party_group as pg', (j) =>
      j.onRef('pg.county_code', '=', 'gm.county_code').onRef('pg.grid_id', '=', 'gm.grid_id'),
    )
    .innerJoin('party_member as pm', (j) =>
      j.onRef('pm.county_code', '=', 'gm.county_code').onRef('pm.id', '=', 'gm.member_id'),
    )
    .select(['gm.member_id as memberId', 'pg.id as groupId', 'pm.name', 'pm.is_migrant as migrant'])
    .where('gm.county_code', '=', county)
    .where('gm.member_id', 'in', [...memberIds])
    .where('gm.left_at', 'is', null)
    .where('pg.retired_at', 'is', null)
    .orderBy('gm.member_id')
    .execute();
}

// ——— activities ———

export interface ActivityRow {
  id: number;
  groupId: number;
  kind: ActivityKind;
  plannedOn: string | null;
  heldOn: string | null;
  status: ActivityStatus;
  place: string;
  topic: string;
  content: string;
  cancelReason: string | null;
  signinSecret: string | null;
  signinUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const ACTIVITY_COLUMNS = [
  'id',
  'group_id as groupId',
  'kind',
  'planned_on as plannedOn',
  'held_on as heldOn',
  'status',
  'place',
  'topic',
  'content',
  'cancel_reason as cancelReason',
  'signin_secret as signinSecret',
  'signin_until as signinUntil',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/** Activity `id` of the county (locked for the transaction with `lock`). */
export async function findActivity(
  db: Kysely<Database>,
  county: string,
  id: number,
  lock = false,
): Promise<ActivityRow | null> {
  const row = await db
    .selectFrom('party_activity')
    .select(ACTIVITY_COLUMNS)
    .where('county_code', '=', county)
    .where('id', '=', id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
  return row ?? null;
}

export interface ActivityValues {
  kind: ActivityKind;
  plannedOn: string | null;
  heldOn: string | null;
  status: ActivityStatus;
  place: string;
  topic: string;
  content: string;
}

/** Inserts an activity of group `groupId`; its id. */
export async function insertActivity(
  db: Kysely<Database>,
  county: string,
  groupId: number,
  values: ActivityValues,
  userId: number | null,
): Promise<number> {
  const row = await db
    .insertInto('party_activity')
    .values({
      county_code: county,
      group_id: groupId,
      kind: values.kind,
      planned_on: values.plannedOn,
      held_on: values.heldOn,
      status: values.status,
      place: values.place,
      topic: values.topic,
      content: values.content,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an activity's fields (status, dates, texts, cancellation, sign-in), stamping updated_at. */
export async function updateActivity(
  db: Kysely<Database>,
  county: string,
  id: number,
  change: Partial<{
    kind: ActivityKind;
    plannedOn: string | null;
    heldOn: string | null;
    status: ActivityStatus;
    place: string;
    topic: string;
    content: string;
    cancelReason: string | null;
    signinSecret: string | null;
    signinUntil: Date | null;
  }>,
): Promise<void> {
  const set = {
    ...(change.kind !== undefined ? { kind: change.kind } : {}),
    ...(change.plannedOn !== undefined ? { planned_on: change.plannedOn } : {}),
    ...(change.heldOn !== undefined ? { held_on: change.heldOn } : {}),
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.place !== undefined ? { place: change.place } : {}),
    ...(change.topic !== undefined ? { topic: change.topic } : {}),
    ...(change.content !== undefined ? { content: change.content } : {}),
    ...(change.cancelReason !== undefined ? { cancel_reason: change.cancelReason } : {}),
    ...(change.signinSecret !== undefined ? { signin_secret: change.signinSecret } : {}),
    ...(change.signinUntil !== undefined ? { signin_until: change.signinUntil } : {}),
  };
  await db
    .updateTable('party_activity')
    .set({ ...set, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

// ——— attendance ———

export interface AttendanceRow {
  id: number;
  memberId: number;
  status: AttendanceStatus;
  reason: string | null;
  remote: boolean;
  method: SignInMethod;
  markedAt: Date;
}

/** The attendance rows of activity `activityId`. */
export async function attendanceOf(db: Kysely<Database>, county: string, activityId: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('activity_attendance')
    .select(['id', 'member_id as memberId', 'status', 'reason', 'remote', 'method', 'marked_at as markedAt'])
    .where('county_code', '=', county)
    .where('activity_id', '=', activityId)
    .orderBy('id')
    .execute();
}

export interface AttendanceValues {
  memberId: number;
  status: AttendanceStatus;
  reason: string | null;
  remote: boolean;
  method: SignInMethod;
}

/** Inserts or replaces the marks of activity `activityId` (one row per member); their ids by member. */
export async function upsertAttendance(
  db: Kysely<Database>,
  county: string,
  activityId: number,
  marks: readonly AttendanceValues[],
  userId: number | null,
): Promise<Map<number, number>> {
  if (marks.length === 0) return new Map();
  const rows = await db
    .insertInto('activity_attendance')
    .values(
      marks.map((m) => ({
        county_code: county,
        activity_id: activityId,
        member_id: m.memberId,
        status: m.status,
        reason: m.reason,
        remote: m.remote,
        method: m.method,
        marked_by: userId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['county_code', 'activity_id', 'member_id']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        reason: eb.ref('excluded.reason'),
        remote: eb.ref('excluded.remote'),
        method: eb.ref('excluded.method'),
        marked_by: eb.ref('excluded.marked_by'),
        marked_at: new Date(),
      })),
    )
    .returning(['id', 'member_id as memberId'])
    .execute();
  return new Map(rows.map((r) => [r.memberId, r.id]));
}

// ——— photos ———

export async function insertActivityPhoto(
  db: Kysely<Database>,
  county: string,
  activityId: number,
  photo: PhotoFiles,
  userId: number | null,
): Promise<number> {
  const row = await db
    .insertInto('activity_photo')
    .values({ county_code: county, activity_id: activityId, ...photoColumns(photo, userId) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The photos of an activity, oldest first. */
export async function photosOf(db: Kysely<Database>, county: string, activityId: number) {
  return db
    .selectFrom('activity_photo')
    .select(['id', 'mime', 'bytes', 'width', 'height', 'created_at as createdAt'])
    .where('county_code', '=', county)
    .where('activity_id', '=', activityId)
    .orderBy('id')
    .execute();
}

/** Photo `photoId` of activity `activityId`: its files. */
export async function findActivityPhoto(db: Kysely<Database>, county: string, activityId: number, photoId: number) {
  return db
    .selectFrom('activity_photo')
    .select(['storage_key', 'mime', 'thumbnail_key', 'thumbnail_mime'])
    .where('county_code', '=', county)
    .where('activity_id', '=', activityId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** Names of members `ids` (marked at an activity, perhaps no longer in its group). */
export async function membersByIds(db: Kysely<Database>, county: string, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('party_member')
    .select(['id', 'name', 'is_migrant as migrant'])
    .where('county_code', '=', county)
    .where('id', 'in', [...ids])
    .execute();
}
