/**
 * Reading many activities: the paged list of a scope, the held activities a yearly plan is matched against
 * (one group, a scope, or the whole county), the groups of a compliance view, and a member's own group's list.
 */
import { type Kysely, sql } from 'kysely';
import type { ActivityKind, ActivityStatus, AttendanceStatus } from '../../domain/party-life/activities.ts';
import type { Database } from '../schema.ts';
import { pageWindow, parseSort } from './paging.ts';
import { groupWithin } from './party-activities.ts';

export interface ActivityFilter {
  within?: string | undefined;
  groupId?: number | undefined;
  kind?: ActivityKind | undefined;
  status?: ActivityStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** The activity's day: held, else planned. */
const DAY = sql<string>`coalesce(party_activity.held_on, party_activity.planned_on)`;
const SORTS = { date: DAY, kind: sql`party_activity.kind`, group: sql`party_group.name` } as const;

function filtered(db: Kysely<Database>, county: string, f: ActivityFilter) {
  const base = db
    .selectFrom('party_activity')
    .innerJoin('party_group', (j) =>
      j
        .onRef('party_group.county_code', '=', 'party_activity.county_code')
        .onRef('party_group.id', '=', 'party_activity.group_id'),
    )
    .innerJoin('grid', (j) =>
      j.onRef('grid.county_code', '=', 'party_group.county_code').onRef('grid.id', '=', 'party_group.grid_id'),
    )
    .where('party_activity.county_code', '=', county)
    .$if(f.groupId !== undefined, (q) => q.where('party_activity.group_id', '=', f.groupId as number))
    .$if(f.kind !== undefined, (q) => q.where('party_activity.kind', '=', f.kind as ActivityKind))
    .$if(f.status !== undefined, (q) => q.where('party_activity.status', '=', f.status as ActivityStatus))
    .$if(f.from !== undefined, (q) => q.where(DAY, '>=', f.from as string))
    .$if(f.to !== undefined, (q) => q.where(DAY, '<=', f.to as string));
  return groupWithin(base, f.within);
}

export interface ActivityListRow {
  id: number;
  groupId: number;
  groupName: string;
  villageCode: string;
  kind: ActivityKind;
  status: ActivityStatus;
  plannedOn: string | null;
  heldOn: string | null;
  topic: string;
  place: string;
  present: number;
  marked: number;
}

/** One page of activities (newest day first unless sorted) with attendance counts, and the total. */
export async function listActivities(
  db: Kysely<Database>,
  county: string,
  f: ActivityFilter,
): Promise<{ rows: ActivityListRow[]; total: number }> {
  const { pageSize, offset } = pageWindow(f);
  const [field, direction] = parseSort(f.sort ?? '-date', 'date');
  const order = SORTS[field as keyof typeof SORTS] ?? DAY;
  const [rows, count] = await Promise.all([
    filtered(db, county, f)
      .select([
        'party_activity.id',
        'party_activity.group_id as groupId',
        'party_group.name as groupName',
        'grid.village_code as villageCode',
        'party_activity.kind',
        'party_activity.status',
        'party_activity.planned_on as plannedOn',
        'party_activity.held_on as heldOn',
        'party_activity.topic',
        'party_activity.place',
        sql<number>`(select count(*) from activity_attendance a where a.county_code = party_activity.county_code
          and a.activity_id = party_activity.id and a.status = 'present')::int`.as('present'),
        sql<number>`(select count(*) from activity_attendance a where a.county_code = party_activity.county_code
          and a.activity_id = party_activity.id)::int`.as('marked'),
      ])
      .orderBy(order, direction)
      .orderBy('party_activity.id', direction)
      .limit(pageSize)
      .offset(offset)
      .execute(),
    filtered(db, county, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** A held activity as the plan rules read it, with its group. */
export interface HeldRow {
  groupId: number;
  id: number;
  kind: ActivityKind;
  plannedOn: string | null;
  heldOn: string;
}

/**
 * The held activities belonging to `year` (planned in it, or held in it when unplanned) of the current groups
 * within `within` (the whole county when undefined), or of one group. One query answering one row per group with
 * its activities packed in a text (`kind,planned,held,id;…`): a county's ~60k activities then cross the driver as
 * ~2k rows (measured on PGlite: 57k rows took 1.5 s, packed ~0.2 s).
 */
export async function heldInYear(
  db: Kysely<Database>,
  county: string,
  year: number,
  scope: { within?: string | undefined; groupId?: number | undefined },
): Promise<HeldRow[]> {
  const base = db
    .selectFrom('party_activity')
    .innerJoin('party_group', (j) =>
      j
        .onRef('party_group.county_code', '=', 'party_activity.county_code')
        .onRef('party_group.id', '=', 'party_activity.group_id'),
    )
    .innerJoin('grid', (j) =>
      j.onRef('grid.county_code', '=', 'party_group.county_code').onRef('grid.id', '=', 'party_group.grid_id'),
    )
    .select([
      'party_activity.group_id as groupId',
      sql<string>`string_agg(party_activity.kind || ',' || coalesce(party_activity.planned_on::text, '') || ','
        || party_activity.held_on::text || ',' || party_activity.id::text, ';')`.as('packed'),
    ])
    .where('party_activity.county_code', '=', county)
    .where('party_activity.status', '=', 'held')
    // A window the held date of a year's activity falls in (lets the index narrow), then the exact rule.
    .where('party_activity.held_on', '>=', `${year - 1}-07-01`)
    .where('party_activity.held_on', '<=', `${year + 1}-06-30`)
    .where(DAY, '>=', `${year}-01-01`)
    .where(DAY, '<=', `${year}-12-31`)
    .$if(scope.groupId !== undefined, (q) => q.where('party_activity.group_id', '=', scope.groupId as number))
    .$if(scope.groupId === undefined, (q) =>
      q.where('party_group.retired_at', 'is', null).where('grid.retired_at', 'is', null),
    )
    .groupBy('party_activity.group_id')
    .orderBy('party_activity.group_id');
  const rows = await groupWithin(base, scope.within).execute();
  return rows.flatMap(({ groupId, packed }) =>
    packed.split(';').map((item) => {
      const [kind, plannedOn, heldOn, id] = item.split(',') as [ActivityKind, string, string, string];
      return { groupId, id: Number(id), kind, plannedOn: plannedOn || null, heldOn };
    }),
  );
}

export interface ComplianceGroup {
  id: number;
  name: string;
  villageCode: string;
  villageName: string;
  townshipCode: string;
  townshipName: string;
}

/** The current groups within `within` with their village and township names. */
export async function groupsForCompliance(
  db: Kysely<Database>,
  county: string,
  within: string | undefined,
): Promise<ComplianceGroup[]> {
  const base = db
    .selectFrom('party_group')
    .innerJoin('grid', (j) =>
      j.onRef('grid.county_code', '=', 'party_group.county_code').onRef('grid.id', '=', 'party_group.grid_id'),
    )
    .leftJoin('org_unit as v', (j) =>
      j.onRef('v.county_code', '=', 'grid.county_code').onRef('v.code', '=', 'grid.village_code'),
    )
    .leftJoin('org_unit as t', (j) =>
      j.onRef('t.county_code', '=', 'grid.county_code').on('t.code', '=', sql<string>`left(grid.village_code, 9)`),
    )
    .select([
      'party_group.id',
      'party_group.name',
      'grid.village_code as villageCode',
      sql<string>`coalesce(v.name, grid.village_code)`.as('villageName'),
      sql<string>`left(grid.village_code, 9)`.as('townshipCode'),
      sql<string>`coalesce(t.name, left(grid.village_code, 9))`.as('townshipName'),
    ])
    .where('party_group.county_code', '=', county)
    .where('party_group.retired_at', 'is', null)
    .where('grid.retired_at', 'is', null)
    .orderBy('grid.village_code')
    .orderBy('party_group.name');
  return groupWithin(base, within).execute();
}

export interface MemberActivityRow {
  id: number;
  kind: ActivityKind;
  status: ActivityStatus;
  plannedOn: string | null;
  heldOn: string | null;
  topic: string;
  place: string;
  signInOpen: boolean;
  myStatus: AttendanceStatus | null;
  myRemote: boolean | null;
}

/** The planned and held activities of group `groupId` (newest day first, at most `limit`), with member's marks. */
export async function memberActivities(
  db: Kysely<Database>,
  county: string,
  groupId: number,
  memberId: number,
  limit: number,
): Promise<MemberActivityRow[]> {
  return db
    .selectFrom('party_activity')
    .leftJoin('activity_attendance as a', (j) =>
      j
        .onRef('a.county_code', '=', 'party_activity.county_code')
        .onRef('a.activity_id', '=', 'party_activity.id')
        .on('a.member_id', '=', memberId),
    )
    .select([
      'party_activity.id',
      'party_activity.kind',
      'party_activity.status',
      'party_activity.planned_on as plannedOn',
      'party_activity.held_on as heldOn',
      'party_activity.topic',
      'party_activity.place',
      sql<boolean>`(party_activity.signin_until is not null and party_activity.signin_until > now())`.as('signInOpen'),
      'a.status as myStatus',
      'a.remote as myRemote',
    ])
    .where('party_activity.county_code', '=', county)
    .where('party_activity.group_id', '=', groupId)
    .where('party_activity.status', '<>', 'cancelled')
    .orderBy(DAY, 'desc')
    .orderBy('party_activity.id', 'desc')
    .limit(limit)
    .execute();
}
