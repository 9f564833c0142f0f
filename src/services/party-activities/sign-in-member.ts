/**
 * A member signs in to an activity by scanning its QR code on a phone: the page first shows what they sign in to
 * (`signInPreview`), then a tap signs them in present, method 'qr' (`signInMember`). Any signed-in user with a
 * linked member may try (a member's grant covers their natural village, not the group's village): the service
 * checks the token (open, today, matching — 422), that the user's member is in the activity's group (422), that
 * remote attendance is a migrant's (422), and that they have not signed in already (409). Nothing is written
 * unless every check passes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type ActivityRow,
  attendanceOf,
  findActivity,
  findGroup,
  groupsOfMembers,
  upsertAttendance,
} from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError, type Localized } from '../../domain/errors.ts';
import { ACTIVITY, NOT_IN_GROUP, REMOTE_ONLY_MIGRANT, signInProblem } from '../../domain/party-life/activities.ts';
import type { SignInPreview } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { tokenHash } from './sign-in-window.ts';

const NOT_LINKED: Localized = {
  zh: '您的账号未关联党员，不能签到',
  en: 'Your account is not linked to a Party member and cannot sign in',
};

const refuse = (path: string, code: string, message: Localized) => AppError.rules([{ path, code, message }]);

/** The members the user is, in this county. */
function linkedMembers(actor: Actor, county: string): number[] {
  return [
    ...new Set(actor.grants.flatMap((g) => (g.countyCode === county && g.memberId !== undefined ? [g.memberId] : []))),
  ];
}

/** 422 unless `token` opens the activity's sign-in now. */
function checkToken(activity: ActivityRow, token: string): void {
  const stored = activity.signinSecret;
  const given = tokenHash(token);
  const matches =
    stored !== null && stored.length === given.length && timingSafeEqual(Buffer.from(stored), Buffer.from(given));
  const until = activity.signinUntil === null ? null : new Date(activity.signinUntil).getTime();
  const problem = signInProblem(
    { status: activity.status, heldOn: activity.heldOn, secret: stored, until },
    matches,
    chinaDateOf(),
    Date.now(),
  );
  if (problem) throw refuse('token', 'sign_in_closed', problem);
}

/**
 * The activity, the user's member in its group and whether they are already present; 404/422 as above. `lock`
 * (inside the sign-in's transaction) holds the activity, so a sign-in and a closing cannot cross.
 */
async function resolve(db: Kysely<Database>, county: string, id: number, actor: Actor, token: string, lock = false) {
  const activity = await findActivity(db, county, id, lock);
  if (!activity) throw AppError.notFound(ACTIVITY);
  checkToken(activity, token);
  const linked = linkedMembers(actor, county);
  if (linked.length === 0) throw refuse('member', 'not_linked', NOT_LINKED);
  const mine = (await groupsOfMembers(db, county, linked)).find((m) => m.groupId === activity.groupId);
  if (!mine) throw refuse('member', 'not_in_group', NOT_IN_GROUP);
  const group = await findGroup(db, county, activity.groupId);
  const marks = await attendanceOf(db, county, id);
  const present = marks.some((m) => m.memberId === mine.memberId && m.status === 'present');
  return { activity, group: group as NonNullable<typeof group>, member: mine, present };
}

export async function signInPreview(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  token: string,
): Promise<SignInPreview> {
  const { activity, group, member, present } = await resolve(db, county, id, actor, token);
  return {
    activityId: activity.id,
    kind: activity.kind,
    topic: activity.topic,
    place: activity.place,
    heldOn: activity.heldOn,
    groupName: group.name,
    memberName: member.name,
    migrant: member.migrant,
    alreadyPresent: present,
  };
}

export async function signInMember(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  input: { token: string; remote?: boolean | undefined },
): Promise<{ attendanceId: number; status: 'present'; remote: boolean }> {
  return write(db, county, async (ctx) => {
    const { group, member, present } = await resolve(ctx.tx, county, id, actor, input.token, true);
    if (present) {
      throw new AppError('conflict', { zh: '您已签到，无需重复签到', en: 'You have already signed in' });
    }
    const remote = input.remote === true;
    if (remote && !member.migrant) throw refuse('remote', 'not_migrant', REMOTE_ONLY_MIGRANT);
    const ids = await upsertAttendance(
      ctx.tx,
      county,
      id,
      [{ memberId: member.memberId, status: 'present', reason: null, remote, method: 'qr' }],
      actor.userId,
    );
    const attendanceId = ids.get(member.memberId) as number;
    ctx.audit({
      action: 'party_activity.sign_in',
      table: 'activity_attendance',
      recordId: attendanceId,
      orgCode: group.villageCode,
      diff: {
        activity_id: [null, id],
        member_id: [null, member.memberId],
        status: [null, 'present'],
        remote: [null, remote],
      },
    });
    return { attendanceId, status: 'present' as const, remote };
  });
}
