/**
 * "The group leader verifies": grants of role member and group_leader name their Party member (validated, 422 in
 * zh and en, audited, sessions refreshed); a group leader verifies or returns only records of the grids their member
 * leads (404 elsewhere, an unlinked legacy grant verifies nothing) and sees only those "to verify"; each problem's
 * allowedActions is exactly what its action endpoint accepts, for several roles.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/http/plugins/access.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import {
  COUNTY,
  createPlaces,
  insertPairing,
  leadGrid,
  postHousehold,
  postMember,
  signInLinked,
  signInMember,
} from './factories.ts';

const API = `/api/counties/${COUNTY}`;
const VILLAGE = '340822100201';
const NV_A = '340822100201001';
const NV_B = '340822100201002';
type Json = Record<string, unknown>;

let t: TestApp;
const m = { leaderA: 0, leaderB: 0, helperA: 0, helperB: 0, plain: 0, gone: 0 };
const h = { a: 0, b: 0 };
const as = {} as Record<'leaderA' | 'leaderB' | 'legacy' | 'secretary' | 'helperA' | 'township' | 'other', Inject>;

async function helpRecord(householdId: number, memberId: number): Promise<number> {
  const res = await t.inject({
    method: 'POST',
    url: `${API}/help-records`,
    payload: {
      clientId: randomUUID(),
      householdId,
      memberId,
      visitedOn: '2024-03-05',
      measure: 'industry',
      content: '帮助联系收购商',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const verify = (who: Inject, id: number, payload: Json = { decision: 'verify' }) =>
  who({ method: 'POST', url: `${API}/help-records/${id}/verify`, payload });

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  m.leaderA = await postMember(t, 1, NV_A, '张组长');
  m.leaderB = await postMember(t, 2, NV_B, '李组长');
  m.helperA = await postMember(t, 3, NV_A, '王帮扶');
  m.helperB = await postMember(t, 4, NV_B, '赵帮扶');
  m.plain = await postMember(t, 5, NV_A, '钱党员');
  m.gone = await postMember(t, 6, NV_A, '孙转出');
  await t.database.db.updateTable('party_member').set({ status: 'transferred_out' }).where('id', '=', m.gone).execute();
  await leadGrid(t.database.db, { village: VILLAGE, naturals: [NV_A], leaderId: m.leaderA, name: '一网格' });
  await leadGrid(t.database.db, { village: VILLAGE, naturals: [NV_B], leaderId: m.leaderB, name: '二网格' });
  h.a = await postHousehold(t, 11, NV_A);
  h.b = await postHousehold(t, 12, NV_B);
  await insertPairing(t.database.db, { memberId: m.helperA, householdId: h.a, slot: 1 });
  await insertPairing(t.database.db, { memberId: m.helperB, householdId: h.b, slot: 1 });
  // Both leaders' grants cover the whole village: only the grid they lead bounds them, not the scope.
  as.leaderA = await signInLinked(t, 'group_leader', VILLAGE, m.leaderA);
  as.leaderB = await signInLinked(t, 'group_leader', VILLAGE, m.leaderB);
  as.legacy = await signInLinked(t, 'group_leader', VILLAGE, null);
  as.secretary = await t.signIn('village_secretary', VILLAGE);
  as.helperA = await signInMember(t, NV_A, m.helperA);
  as.township = await t.signIn('township_admin', '340822100');
  as.other = await t.signIn('township_admin', '340822101');
});
afterAll(() => t.close());

describe('linking grants to members', () => {
  const create = (grants: Json[], username = `u${randomUUID().slice(0, 8)}`) =>
    t.inject({ method: 'POST', url: `${API}/users`, payload: { username, password: 'lianxin-2026', grants } });

  it('refuses every broken link at once with zh and en messages (422)', async () => {
    const res = await create([
      { role: 'group_leader', orgCode: NV_A },
      { role: 'instructor', orgCode: VILLAGE, memberId: m.plain },
      { role: 'member', orgCode: NV_A, memberId: 999_999 },
      { role: 'member', orgCode: NV_A, memberId: m.gone },
      { role: 'group_leader', orgCode: NV_A, memberId: m.plain },
      { role: 'group_leader', orgCode: NV_A, memberId: m.leaderB },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: Json) => [d.path, d.code])).toEqual([
      ['grants.0.memberId', 'member_required'],
      ['grants.1.memberId', 'member_refused'],
      ['grants.2.memberId', 'member_unknown'],
      ['grants.3.memberId', 'member_not_current'],
      ['grants.4.memberId', 'member_not_leader'],
      // leads grid B, which does not reach into natural village A
      ['grants.5.memberId', 'member_not_leader'],
    ]);
    expect(res.json().details[4].message).toBe('该党员目前不是本授权范围内任何网格党小组的组长');
    const en = await t.inject({
      method: 'POST',
      url: `${API}/users`,
      headers: { 'accept-language': 'en' },
      payload: { username: 'nobody1', password: 'lianxin-2026', grants: [{ role: 'member', orgCode: NV_A }] },
    });
    expect(en.json().details[0].message).toBe(
      'A grant of role member or group leader must name the Party member the user is',
    );
    const users = (await t.inject({ url: `${API}/users` })).json() as Json[];
    expect(users.some((u) => u.username === 'nobody1')).toBe(false);
  });

  it('links a group leader to the member who leads a grid in the scope, lists and audits it', async () => {
    const res = await create([{ role: 'group_leader', orgCode: NV_A, memberId: m.leaderA }], 'leader.zhang');
    expect(res.statusCode, res.body).toBe(201);
    const users = (await t.inject({ url: `${API}/users` })).json() as Array<Json & { grants: Json[] }>;
    const user = users.find((u) => u.username === 'leader.zhang');
    expect(user?.grants).toEqual([
      { role: 'group_leader', orgCode: NV_A, orgName: '张家湾', memberId: m.leaderA, memberName: '张组长' },
    ]);
    const trail = (await t.inject({ url: `${API}/audit?action=grant.create&record=${res.json().id}` })).json();
    expect(trail.items[0].diff).toMatchObject({ role: [null, 'group_leader'], memberId: [null, m.leaderA] });
  });

  it('replaces grants, re-checking links, and the signed-in user sees the change at once', async () => {
    const id = (await create([{ role: 'instructor', orgCode: VILLAGE }], 'switch.user')).json().id;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'switch.user', password: 'lianxin-2026' },
    });
    const cookies = { [SESSION_COOKIE]: String(login.cookies.find((c) => c.name === SESSION_COOKIE)?.value) };
    const me = async () => (await t.app.inject({ url: '/api/auth/me', cookies })).json().grants as Json[];
    expect((await me())[0]).toMatchObject({ role: 'instructor' });
    const put = (grants: Json[]) => t.inject({ method: 'PUT', url: `${API}/users/${id}/grants`, payload: { grants } });
    expect((await put([{ role: 'group_leader', orgCode: VILLAGE }])).statusCode).toBe(422);
    expect((await me())[0]).toMatchObject({ role: 'instructor' });
    expect((await put([{ role: 'group_leader', orgCode: VILLAGE, memberId: m.leaderB }])).statusCode).toBe(200);
    expect(await me()).toEqual([
      expect.objectContaining({ role: 'group_leader', orgCode: VILLAGE, memberId: m.leaderB }),
    ]);
    const trail = (await t.inject({ url: `${API}/audit?action=grant.delete&record=${id}` })).json();
    expect(trail.items[0].diff).toMatchObject({ role: ['instructor', null], memberId: [null, null] });
  });
});

describe('the group leader verifies', () => {
  it("verifies and returns records of their own grid, and 404s another grid's, even in scope", async () => {
    const a1 = await helpRecord(h.a, m.helperA);
    const a2 = await helpRecord(h.a, m.helperA);
    const b1 = await helpRecord(h.b, m.helperB);
    const res = await verify(as.leaderA, a1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: a1, status: 'verified' });
    const returned = await verify(as.leaderA, a2, { decision: 'return', comment: '请补充照片' });
    expect(returned.json()).toMatchObject({ status: 'returned', verifyComment: '请补充照片' });
    const other = await verify(as.leaderA, b1);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    // 404 also where the state would answer 409: nothing about grid B's records leaks.
    expect((await verify(as.leaderB, a1)).statusCode).toBe(404);
    expect((await verify(as.leaderB, b1)).json().status).toBe('verified');
    const row = await t.database.db
      .selectFrom('assistance_record')
      .select('status')
      .where('id', '=', b1)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('verified');
  });

  it('fails closed for a legacy group leader grant naming no member; the village secretary stands in', async () => {
    const a = await helpRecord(h.a, m.helperA);
    expect((await verify(as.legacy, a)).statusCode).toBe(404);
    expect((await verify(as.secretary, a)).json().status).toBe('verified');
  });

  it('lists "to verify" only the submitted records the caller may verify', async () => {
    const a = await helpRecord(h.a, m.helperA);
    const b = await helpRecord(h.b, m.helperB);
    const ids = async (who: Inject) =>
      ((await who({ url: `${API}/help-records?toVerify=true&pageSize=100` })).json().items as Json[]).map((r) => r.id);
    expect(await ids(as.leaderA)).toEqual([a]);
    expect(await ids(as.leaderB)).toEqual([b]);
    expect(await ids(as.legacy)).toEqual([]);
    expect((await ids(as.secretary)).sort()).toEqual([a, b].sort());
    // Without toVerify the leader still reads every record of the scope.
    const all = (await as.leaderA({ url: `${API}/help-records?pageSize=100` })).json().total;
    expect(all).toBeGreaterThan(2);
  });
});

describe('allowedActions', () => {
  const BODIES: Record<string, Json> = {
    accept: { action: 'accept' },
    hand_to_department: { action: 'hand_to_department', department: '乡民政办' },
    resolve: { action: 'resolve', resolution: '已落实' },
    escalate: { action: 'escalate', reason: '需村里协调' },
    confirm: { action: 'confirm' },
    reopen: { action: 'reopen', reason: '仍未解决' },
  };
  async function raise(householdId: number, resolved: boolean): Promise<number> {
    const res = await t.inject({
      method: 'POST',
      url: `${API}/problems`,
      payload: { householdId, category: 'industry', description: '缺少种苗资金' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    if (resolved) {
      const done = await as.secretary({
        method: 'POST',
        url: `${API}/problems/${id}/actions`,
        payload: BODIES.resolve,
      });
      expect(done.json().status).toBe('resolved');
    }
    return id;
  }

  it('equals what the action endpoint accepts, for every action, several roles and two states', async () => {
    const cases: Array<[keyof typeof as, number, boolean, string[]]> = [
      ['leaderA', h.a, false, ['accept', 'hand_to_department', 'resolve', 'escalate']],
      ['leaderA', h.a, true, ['confirm', 'reopen']],
      ['leaderA', h.b, false, []],
      ['leaderB', h.a, true, []],
      ['legacy', h.a, false, []],
      ['secretary', h.b, false, ['accept', 'hand_to_department', 'resolve', 'escalate']],
      ['helperA', h.a, false, []],
      ['helperA', h.a, true, ['confirm', 'reopen']],
      ['township', h.a, false, []],
    ];
    for (const [who, householdId, resolved, expected] of cases) {
      const probe = await raise(householdId, resolved);
      const detail = await as[who]({ url: `${API}/problems/${probe}` });
      expect(detail.json().allowedActions, `${who} ${householdId} ${resolved}`).toEqual(expected);
      for (const action of Object.keys(BODIES)) {
        // A fresh problem per try, so an accepted step does not change what the next one meets.
        const id = await raise(householdId, resolved);
        const res = await as[who]({ method: 'POST', url: `${API}/problems/${id}/actions`, payload: BODIES[action] });
        const accepted = res.statusCode === 200;
        expect(accepted, `${who} ${action} → ${res.statusCode}`).toBe(expected.includes(action));
        if (!accepted) expect(res.statusCode).toBe(409);
      }
    }
  });

  it('answers 404 outside the scope, never a list of actions', async () => {
    const id = await raise(h.a, false);
    expect((await as.other({ url: `${API}/problems/${id}` })).statusCode).toBe(404);
    const res = await as.other({ method: 'POST', url: `${API}/problems/${id}/actions`, payload: BODIES.accept });
    expect(res.statusCode).toBe(404);
  });
});
