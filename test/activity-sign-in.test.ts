/**
 * QR sign-in (扫码签到): the leader opens it for an activity held today (a token shown once, only its hash stored);
 * a member of the group signs in present by the token (remote only when working away); a wrong, expired or closed
 * token, a user whose member is not in the group or has no member, and signing in twice are clear 4xx with nothing
 * written; it opens only for an activity held today.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../src/domain/dates.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { COUNTY, createPlaces, leadGrid, postMember, signInLinked, signInMember } from './factories.ts';

const API = `/api/counties/${COUNTY}/party-activities`;
const VILLAGE = '340822100201';
const NV_A = '340822100201001';
const NV_B = '340822100201002';
type Json = Record<string, any>;

let t: TestApp;
let activity = 0;
let token = '';
const m = { leader: 0, member: 0, migrant: 0, other: 0 };
const as = {} as Record<'leader' | 'member' | 'migrant' | 'other' | 'unlinked', Inject>;

const attendance = () =>
  t.database.db.selectFrom('activity_attendance').select(['member_id', 'status', 'remote', 'method']).execute();
const preview = (who: Inject, tok = token) => who({ url: `${API}/${activity}/sign-in?token=${tok}` });
const signIn = (who: Inject, payload: Json = { token }) =>
  who({ method: 'POST', url: `${API}/${activity}/sign-in`, payload });

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  m.leader = await postMember(t, 1, NV_A, '张组长');
  m.member = await postMember(t, 2, NV_A, '王党员');
  m.migrant = await postMember(t, 3, NV_A, '赵流动');
  m.other = await postMember(t, 4, NV_B, '钱党员');
  await t.database.db.updateTable('party_member').set({ is_migrant: true }).where('id', '=', m.migrant).execute();
  const a = await leadGrid(t.database.db, { village: VILLAGE, naturals: [NV_A], leaderId: m.leader });
  const b = await leadGrid(t.database.db, { village: VILLAGE, naturals: [NV_B], leaderId: m.other });
  for (const id of [m.member, m.migrant]) {
    await t.database.db
      .insertInto('grid_member')
      .values({ county_code: COUNTY, grid_id: a.gridId, member_id: id })
      .execute();
  }
  as.leader = await signInLinked(t, 'group_leader', NV_A, m.leader);
  as.member = await signInMember(t, NV_A, m.member);
  as.migrant = await signInMember(t, NV_A, m.migrant);
  as.other = await signInMember(t, NV_B, m.other);
  as.unlinked = await t.signIn('instructor', VILLAGE);
  const created = await as.leader({
    method: 'POST',
    url: API,
    payload: { groupId: a.groupId, kind: 'theme_day', heldOn: chinaDateOf(), topic: '主题党日' },
  });
  expect(created.statusCode, created.body).toBe(201);
  activity = created.json().id;
  expect(b.groupId).toBeGreaterThan(0);
});
afterAll(() => t.close());

describe('QR sign-in', () => {
  it('opens for an activity held today: a token shown once, only its hash stored, a page path for the QR', async () => {
    const res = await as.leader({ method: 'PUT', url: `${API}/${activity}/sign-in-window`, payload: { open: true } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    token = body.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(body.path).toBe(`/activity-sign-in?county=${COUNTY}&activity=${activity}&token=${token}`);
    expect(body.url).toBe(`http://localhost:80${body.path}`);
    expect(body.qrSvg).toMatch(/^<svg[^>]*viewBox/);
    const minutes = (Date.parse(body.until) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(100);
    expect(minutes).toBeLessThanOrEqual(120);
    const row = await t.database.db
      .selectFrom('party_activity')
      .select(['signin_secret'])
      .where('id', '=', activity)
      .executeTakeFirstOrThrow();
    expect(row.signin_secret).toBe(createHash('sha256').update(token).digest('hex'));
    const detail = (await as.leader({ url: `${API}/${activity}` })).json();
    expect(detail.signInUntil).toBe(body.until);
  });

  it('refuses to open for an activity not held today (409) and for a member (404)', async () => {
    const past = await as.leader({
      method: 'POST',
      url: API,
      payload: { groupId: (await groupOf(activity)) as number, kind: 'study', plannedOn: chinaDateOf() },
    });
    const res = await as.leader({
      method: 'PUT',
      url: `${API}/${past.json().id}/sign-in-window`,
      payload: { open: true },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('该活动当前为“计划中”，不能签到');
    const member = await as.member({
      method: 'PUT',
      url: `${API}/${activity}/sign-in-window`,
      payload: { open: true },
    });
    expect(member.statusCode).toBe(404);
  });

  it('refuses a wrong token, a member of another group and a user without a member, writing nothing', async () => {
    const wrong = await signIn(as.member, { token: 'A'.repeat(24) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().details[0]).toMatchObject({ path: 'token', message: '二维码无效，请重新扫描' });
    const other = await signIn(as.other);
    expect(other.statusCode).toBe(422);
    expect(other.json().details[0]).toMatchObject({ path: 'member', message: '该党员不是本党小组的成员' });
    expect((await preview(as.other)).statusCode).toBe(422);
    const unlinked = await signIn(as.unlinked);
    expect(unlinked.json().details[0].code).toBe('not_linked');
    const remote = await signIn(as.member, { token, remote: true });
    expect(remote.statusCode).toBe(422);
    expect(remote.json().details[0].path).toBe('remote');
    expect(await attendance()).toEqual([]);
  });

  it('shows the member what they sign in to, signs them in present once (twice is 409)', async () => {
    const seen = await preview(as.member);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      activityId: activity,
      kind: 'theme_day',
      topic: '主题党日',
      memberName: '王党员',
      migrant: false,
      alreadyPresent: false,
    });
    const res = await signIn(as.member);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'present', remote: false });
    const twice = await signIn(as.member);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('您已签到，无需重复签到');
    expect((await preview(as.member)).json().alreadyPresent).toBe(true);
    const migrant = await signIn(as.migrant, { token, remote: true });
    expect(migrant.statusCode, migrant.body).toBe(200);
    expect(await attendance()).toEqual(
      expect.arrayContaining([
        { member_id: m.member, status: 'present', remote: false, method: 'qr' },
        { member_id: m.migrant, status: 'present', remote: true, method: 'qr' },
      ]),
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['table_name', 'record_id'])
      .where('action', '=', 'party_activity.sign_in')
      .execute();
    expect(audit).toHaveLength(2);
    // The leader sees both present, signed in by QR.
    const roster = (await as.leader({ url: `${API}/${activity}` })).json().roster;
    expect(
      roster
        .filter((r: Json) => r.method === 'qr')
        .map((r: Json) => r.name)
        .sort(),
    ).toEqual(['王党员', '赵流动'].sort());
  });

  it('refuses an expired token and a closed sign-in', async () => {
    await t.database.db
      .updateTable('party_activity')
      .set({ signin_until: new Date(Date.now() - 1000) })
      .where('id', '=', activity)
      .execute();
    const expired = await preview(as.member);
    expect(expired.statusCode).toBe(422);
    expect(expired.json().details[0].code).toBe('sign_in_closed');
    const reopened = await as.leader({
      method: 'PUT',
      url: `${API}/${activity}/sign-in-window`,
      payload: { open: true, minutes: 30 },
    });
    const fresh = reopened.json().token;
    expect(fresh).not.toBe(token);
    // The old token no longer opens it; the new one does until closed.
    expect((await preview(as.member, token)).statusCode).toBe(422);
    expect((await preview(as.member, fresh)).statusCode).toBe(200);
    const closed = await as.leader({
      method: 'PUT',
      url: `${API}/${activity}/sign-in-window`,
      payload: { open: false },
    });
    expect(closed.json()).toEqual({ open: false, token: null, until: null, path: null, url: null, qrSvg: null });
    expect((await preview(as.member, fresh)).statusCode).toBe(422);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'party_activity.sign_in_%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'party_activity.sign_in_open',
      'party_activity.sign_in_open',
      'party_activity.sign_in_close',
    ]);
  });
});

async function groupOf(id: number): Promise<number> {
  const row = await t.database.db
    .selectFrom('party_activity')
    .select('group_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.group_id;
}
