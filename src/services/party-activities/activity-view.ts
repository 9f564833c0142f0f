/**
 * One activity as its page shows it: the activity, its group, the roster (the group's current members, each with
 * their mark if any, plus anyone marked earlier who has since left), photos, and whether the caller may change it.
 * Also the lookups the writes share: the activity within the caller's scope and its group's dates.
 */
import type { Kysely } from 'kysely';
import {
  type ActivityRow,
  attendanceOf,
  currentMembers,
  findActivity,
  type GroupRow,
  membersByIds,
  photosOf,
} from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { businessTimeOf } from '../../domain/clock.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { ACTIVITY, type GroupDates } from '../../domain/party-life/activities.ts';
import type { ActivityDetail } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { mayWriteGroup, reachGroup } from './activity-access.ts';

/** Activity `id` and its group when the group lies within `within`; 404 otherwise (`lock`: for a write). */
export async function reachActivity(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  lock = false,
): Promise<{ activity: ActivityRow; group: GroupRow }> {
  const activity = await findActivity(db, county, id, lock);
  if (!activity) throw AppError.notFound(ACTIVITY);
  const group = await reachGroup(db, county, activity.groupId, within).catch(() => {
    throw AppError.notFound(ACTIVITY);
  });
  return { activity, group };
}

/** The business dates an activity of `group` is checked against. */
export function datesOf(group: GroupRow): GroupDates {
  return { since: chinaDateOf(businessTimeOf(new Date(group.createdAt))), today: chinaDateOf() };
}

/** The activity's page: see the file's comment. */
export async function activityDetail(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
): Promise<ActivityDetail> {
  const { activity, group } = await reachActivity(db, county, id, within);
  const [members, marks, photos] = await Promise.all([
    currentMembers(db, county, group.gridId),
    attendanceOf(db, county, id),
    photosOf(db, county, id),
  ]);
  const byMember = new Map(marks.map((m) => [m.memberId, m]));
  const roster = members.map((m) => {
    const mark = byMember.get(m.id);
    byMember.delete(m.id);
    return {
      memberId: m.id,
      name: m.name,
      migrant: m.migrant,
      current: true,
      attendanceId: mark?.id ?? null,
      status: mark?.status ?? null,
      reason: mark?.reason ?? null,
      remote: mark?.remote ?? false,
      method: mark?.method ?? null,
    };
  });
  const left = byMember.size > 0 ? await formerNames(db, county, [...byMember.keys()]) : new Map();
  for (const mark of byMember.values()) {
    roster.push({
      memberId: mark.memberId,
      name: left.get(mark.memberId) ?? String(mark.memberId),
      migrant: false,
      current: false,
      attendanceId: mark.id,
      status: mark.status,
      reason: mark.reason,
      remote: mark.remote,
      method: mark.method,
    });
  }
  const open = activity.signinUntil !== null && new Date(activity.signinUntil).getTime() > Date.now();
  return {
    id: activity.id,
    groupId: group.id,
    groupName: group.name,
    villageCode: group.villageCode,
    activityAddress: group.activityAddress,
    kind: activity.kind,
    status: activity.status,
    plannedOn: activity.plannedOn,
    heldOn: activity.heldOn,
    place: activity.place,
    topic: activity.topic,
    content: activity.content,
    cancelReason: activity.cancelReason,
    signInUntil: open ? new Date(activity.signinUntil as Date).toISOString() : null,
    roster,
    photos: photos.map((p) => ({ id: p.id, mime: p.mime, bytes: p.bytes, width: p.width, height: p.height })),
    canWrite: mayWriteGroup(actor, county, group),
  };
}

async function formerNames(db: Kysely<Database>, county: string, ids: number[]): Promise<Map<number, string>> {
  return new Map((await membersByIds(db, county, ids)).map((m) => [m.id, m.name]));
}
