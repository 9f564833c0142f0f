/**
 * The leader marks attendance of a held activity: present (remote for a member working away), excused with a
 * reason, absent — for current members of the group only (422 naming the mark otherwise). A mark replaces the
 * member's earlier one (a QR sign-in included); audited as one entry with each member's change.
 */
import type { Kysely } from 'kysely';
import { attendanceOf, currentMembers, upsertAttendance } from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { canDoActivity, markProblems, wrongActivityState } from '../../domain/party-life/activities.ts';
import type { ActivityDetail, AttendanceBody } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { checkWriter } from './activity-access.ts';
import { activityDetail, reachActivity } from './activity-view.ts';

export async function markAttendance(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
  input: AttendanceBody,
): Promise<ActivityDetail> {
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const { activity, group } = await reachActivity(tx, county, id, within, true);
    checkWriter(actor, county, group);
    if (!canDoActivity('attendance', activity.status)) {
      throw new AppError('conflict', wrongActivityState('attendance', activity.status));
    }
    const members = await currentMembers(tx, county, group.gridId);
    const roster = { members: new Map(members.map((m) => [m.id, { migrant: m.migrant }])) };
    const problems = markProblems(input.marks, roster);
    if (problems.length > 0) throw AppError.rules(problems);
    const before = new Map((await attendanceOf(tx, county, id)).map((a) => [a.memberId, a]));
    const marks = input.marks.map((m) => ({
      memberId: m.memberId,
      status: m.status,
      reason: m.status === 'excused' ? (m.reason ?? '').trim() : null,
      remote: m.status === 'present' && m.remote === true,
      method: 'leader' as const,
    }));
    const diff: Record<string, [unknown, unknown]> = {};
    for (const mark of marks) {
      const old = before.get(mark.memberId);
      if (old && old.status === mark.status && old.reason === mark.reason && old.remote === mark.remote) continue;
      diff[`member_${mark.memberId}`] = [
        old ? { status: old.status, reason: old.reason, remote: old.remote } : null,
        { status: mark.status, reason: mark.reason, remote: mark.remote },
      ];
    }
    if (Object.keys(diff).length === 0) return;
    await upsertAttendance(
      tx,
      county,
      id,
      marks.filter((m) => `member_${m.memberId}` in diff),
      actor.userId,
    );
    ctx.audit({
      action: 'party_activity.attendance',
      table: 'activity_attendance',
      recordId: id,
      orgCode: group.villageCode,
      diff,
    });
  });
  return activityDetail(db, county, id, within, actor);
}
