/**
 * The leader opens QR sign-in (扫码签到) for an activity held today: a fresh random token, shown once inside
 * the QR code, of which only the sha-256 is stored, valid while the business day lasts and for `minutes` (at most
 * SIGN_IN_HOURS; real time: an expiry is security, not business); opening again replaces the token, closing ends
 * it at once. The QR code is drawn on the server with the plaques' encoder (services/plaques/qr.ts), so the
 * web needs no encoder of its own and the code holds the public origin (PUBLIC_ORIGIN behind a proxy).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { updateActivity } from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { openSignInProblem, SIGN_IN_HOURS } from '../../domain/party-life/activities.ts';
import type { SignInWindow } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { qrSvg } from '../plaques/qr.ts';
import { write } from '../write.ts';
import { checkWriter } from './activity-access.ts';
import { reachActivity } from './activity-view.ts';

/** The stored form of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The page the QR code opens: the web app's sign-in page for this activity and token. */
export function signInPath(county: string, activityId: number, token: string): string {
  return `/activity-sign-in?county=${county}&activity=${activityId}&token=${token}`;
}

/** Opens (or, with `open: false`, closes) the activity's sign-in; what the QR code needs. */
export async function setSignIn(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
  input: { open: boolean; minutes?: number | undefined },
  origin: string,
): Promise<SignInWindow> {
  if (!input.open) {
    await closeSignIn(db, county, id, within, actor);
    return { open: false, token: null, until: null, path: null, url: null, qrSvg: null };
  }
  const token = randomBytes(18).toString('base64url');
  const minutes = Math.min(input.minutes ?? SIGN_IN_HOURS * 60, SIGN_IN_HOURS * 60);
  const until = new Date(Date.now() + minutes * 60_000);
  await write(db, county, async (ctx) => {
    const { activity, group } = await reachActivity(ctx.tx, county, id, within, true);
    checkWriter(actor, county, group);
    const problem = openSignInProblem(activity.status, activity.heldOn, chinaDateOf());
    if (problem) throw new AppError('conflict', problem);
    await updateActivity(ctx.tx, county, id, { signinSecret: tokenHash(token), signinUntil: until });
    ctx.audit({
      action: 'party_activity.sign_in_open',
      table: 'party_activity',
      recordId: id,
      orgCode: group.villageCode,
      diff: { signin_until: [activity.signinUntil, until.toISOString()] },
    });
  });
  const path = signInPath(county, id, token);
  const url = `${origin}${path}`;
  return { open: true, token, until: until.toISOString(), path, url, qrSvg: await qrSvg(url) };
}

async function closeSignIn(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
): Promise<void> {
  await write(db, county, async (ctx) => {
    const { activity, group } = await reachActivity(ctx.tx, county, id, within, true);
    checkWriter(actor, county, group);
    if (activity.signinSecret === null) return;
    await updateActivity(ctx.tx, county, id, { signinSecret: null, signinUntil: null });
    ctx.audit({
      action: 'party_activity.sign_in_close',
      table: 'party_activity',
      recordId: id,
      orgCode: group.villageCode,
      diff: { signin_until: [activity.signinUntil, null] },
    });
  });
}
