/**
 * Accounts and security: login by username or phone, cookies, logout (everywhere), lockout, CSRF, session
 * expiry, masking and the audited unmask, phone search only for those who may see phones, the audit trail
 * (who, what, diff, ip, request id, same transaction) with its viewer and tamper detection.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClockAnchor } from '../src/domain/clock.ts';
import { chinaDateOf } from '../src/domain/dates.ts';
import accessPlugin from '../src/http/plugins/access.ts';
import databasePlugin from '../src/http/plugins/database.ts';
import { ABSOLUTE_MS, createSession, findSession, IDLE_MS } from '../src/services/access/sessions.ts';
import { createUser } from '../src/services/access/users.ts';
import { verifyAuditChain } from '../src/services/audit/verify-audit.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { asOwner } from './database.ts';
import { COUNTY, createWorlds, INSIDE_VILLAGE, type World } from './factories.ts';

let t: TestApp;
let worlds: { inside: World; outside: World };
const PASSWORD = 'correct-horse-7';

beforeAll(async () => {
  t = await createTestApp();
  worlds = await createWorlds(t);
  await createUser(t.database.db, {
    username: 'wang.sec',
    phone: '13900001111',
    password: PASSWORD,
    grants: [{ role: 'village_secretary', orgCode: INSIDE_VILLAGE }],
  });
});
afterAll(() => t.close());

const login = (loginName: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password } });

function cookiesOf(res: Awaited<ReturnType<typeof login>>) {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
}

describe('login and sessions', () => {
  it('signs in by username or phone with HttpOnly SameSite=Lax cookies, and logs out', async () => {
    const res = await login('wang.sec', PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const session = res.cookies.find((c) => c.name === 'lianxin_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = res.json();
    expect(me.permissions['household.write']).toEqual([INSIDE_VILLAGE]);
    expect(me.grants[0]).toMatchObject({ role: 'village_secretary', orgCode: INSIDE_VILLAGE, orgName: '试点村' });
    expect((await login('13900001111', PASSWORD)).statusCode).toBe(200);
    const cookies = cookiesOf(res);
    const headers = { 'x-csrf-token': me.csrfToken };
    const signedIn = await t.app.inject({ url: '/api/auth/me', cookies });
    expect(signedIn.statusCode).toBe(200);
    // The business date for the web's defaults: the real one without a demo clock, the demo's with one.
    expect(signedIn.json()).toMatchObject({ today: chinaDateOf(new Date()), demoClock: false });
    setClockAnchor({ realAt: new Date().toISOString(), businessAt: '2020-12-31T01:00:00.000Z' });
    try {
      const demo = (await t.app.inject({ url: '/api/auth/me', cookies })).json();
      expect(demo).toMatchObject({ today: '2020-12-31', demoClock: true });
      expect(demo.now.slice(0, 13)).toBe('2020-12-31T01');
    } finally {
      setClockAnchor(null);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies, headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', cookies })).statusCode).toBe(401);
  });

  it('refuses a wrong password with one message, then locks the account after 5 failures', async () => {
    await createUser(t.database.db, {
      username: 'victim',
      password: PASSWORD,
      grants: [{ role: 'instructor', orgCode: INSIDE_VILLAGE }],
    });
    const wrong = await login('victim', 'nope-nope-1');
    expect(wrong.statusCode).toBe(401);
    expect((await login('nobody', 'nope-nope-1')).json().message).toBe(wrong.json().message);
    for (let i = 0; i < 3; i += 1) expect((await login('victim', 'nope-nope-1')).statusCode).toBe(401);
    expect((await login('victim', 'nope-nope-1')).statusCode).toBe(429);
    const locked = await login('victim', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('rate_limited');
  });

  it('ends idle and old sessions', async () => {
    const { id } = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'wang.sec')
      .executeTakeFirstOrThrow();
    const now = Date.now();
    const idle = await createSession(t.database.db, id, null, now);
    expect(await findSession(t.database.db, idle.token, now + 1000)).not.toBeNull();
    expect(await findSession(t.database.db, idle.token, now + 1000 + IDLE_MS)).toBeNull();
    expect(await findSession(t.database.db, idle.token, now + 2000)).toBeNull(); // revoked for good
    const old = await createSession(t.database.db, id, null, now);
    let at = now;
    while (at < now + ABSOLUTE_MS - IDLE_MS) {
      at += IDLE_MS / 2;
      expect(await findSession(t.database.db, old.token, at)).not.toBeNull();
    }
    expect(await findSession(t.database.db, old.token, now + ABSOLUTE_MS)).toBeNull();
  });

  it('logs out everywhere and ends sessions when an admin resets the password', async () => {
    const a = await login('13900001111', PASSWORD);
    const b = await login('wang.sec', PASSWORD);
    const headers = { 'x-csrf-token': a.json().csrfToken };
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', cookies: cookiesOf(a), headers })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', cookies: cookiesOf(b) })).statusCode).toBe(401);
    const c = await login('wang.sec', PASSWORD);
    const id = c.json().id;
    const reset = await t.inject({
      method: 'POST',
      url: `/api/counties/${COUNTY}/users/${id}/password`,
      payload: { password: 'brand-new-9' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', cookies: cookiesOf(c) })).statusCode).toBe(401);
    expect((await login('wang.sec', 'brand-new-9')).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the matching x-csrf-token header', async () => {
    const res = await login('wang.sec', 'brand-new-9');
    const cookies = cookiesOf(res);
    const url = `/api/counties/${COUNTY}/households/${worlds.inside.householdId}`;
    const none = await t.app.inject({ method: 'PATCH', url, cookies, payload: { address: '新地址' } });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url,
      cookies,
      payload: { address: '新地址' },
      headers: { 'x-csrf-token': 'x' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PATCH',
      url,
      cookies,
      payload: { address: '新地址' },
      headers: { 'x-csrf-token': res.json().csrfToken },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('scope and masking', () => {
  let secretary: Inject;
  let instructor: Inject;
  beforeAll(async () => {
    secretary = await t.signIn('village_secretary', INSIDE_VILLAGE);
    instructor = await t.signIn('instructor', INSIDE_VILLAGE);
  });
  const householdUrl = (w: World) => `/api/counties/${COUNTY}/households/${w.householdId}`;

  it('filters lists to the scope and answers 404 outside it', async () => {
    const list = (await secretary({ url: `/api/counties/${COUNTY}/households` })).json();
    expect(list.items.map((h: { id: number }) => h.id)).toEqual([worlds.inside.householdId]);
    expect((await secretary({ url: householdUrl(worlds.outside) })).statusCode).toBe(404);
    expect((await secretary({ url: `/api/counties/${COUNTY}/households?within=340822101` })).statusCode).toBe(404);
    // Other spellings of an id or a repeated filter never slip past the scope check.
    expect((await secretary({ url: `${householdUrl(worlds.outside)}.0` })).statusCode).toBe(404);
    const twice = `/api/counties/${COUNTY}/households?within=${INSIDE_VILLAGE}&within=340822101`;
    expect((await secretary({ url: twice })).statusCode).toBe(404);
  });

  it('opens the org tree from the county down to the scope, and nothing beside it', async () => {
    const children = async (parent: string) =>
      (await secretary({ url: `/api/counties/${COUNTY}/org-units?parent=${parent}` }))
        .json()
        .items.map((u: { code: string }) => u.code);
    expect(await children(COUNTY)).toEqual([INSIDE_VILLAGE.slice(0, 9)]);
    expect(await children(INSIDE_VILLAGE.slice(0, 9))).toEqual([INSIDE_VILLAGE]);
    const naturalVillages = await children(INSIDE_VILLAGE);
    expect(naturalVillages).toContain(worlds.inside.unit);
    expect(naturalVillages.every((code: string) => code.startsWith(INSIDE_VILLAGE))).toBe(true);
  });

  it('masks ID numbers, phones, bank accounts and, without the unmask permission, health', async () => {
    const forSecretary = (await secretary({ url: householdUrl(worlds.inside) })).json();
    expect(forSecretary.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(forSecretary.bankAccount).toContain('*');
    expect(forSecretary.persons[0].idNumber).toMatch(/^\d{6}\*{8}/);
    expect(forSecretary.persons.map((p: { health: string }) => p.health)).toContain('chronic');
    const forInstructor = (await instructor({ url: householdUrl(worlds.inside) })).json();
    expect(forInstructor.persons.every((p: { health: string }) => p.health === '***')).toBe(true);
    expect(JSON.stringify(forInstructor)).not.toContain('13812341234');
  });

  it('unmasks one record on explicit request, audited; 404 without the permission', async () => {
    expect((await instructor({ url: `${householdUrl(worlds.inside)}/sensitive` })).statusCode).toBe(404);
    expect((await secretary({ url: `${householdUrl(worlds.outside)}/sensitive` })).statusCode).toBe(404);
    const res = await secretary({ url: `${householdUrl(worlds.inside)}/sensitive` });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13812341234');
    expect(res.json().persons[0].idNumber).toMatch(/^\d{17}[\dX]$/);
    const trail = (await t.inject({ url: `/api/counties/${COUNTY}/audit?action=household.unmask` })).json();
    expect(trail.items[0]).toMatchObject({
      table: 'household',
      recordId: String(worlds.inside.householdId),
      ip: '127.0.0.1',
    });
    expect(trail.items[0].requestId).toBe(res.headers['x-request-id'] ?? trail.items[0].requestId);
  });

  it('searches members by phone prefix only for roles that may see phones', async () => {
    const url = `/api/counties/${COUNTY}/members?q=1381234000`;
    expect((await t.inject({ url })).json().total).toBe(2);
    expect((await instructor({ url })).json().total).toBe(0);
  });
});

describe('audit trail', () => {
  it('records who, what, the field diff (sensitive values masked), ip and request id of every write', async () => {
    const url = `/api/counties/${COUNTY}/households/${worlds.inside.householdId}`;
    const res = await t.inject({ method: 'PATCH', url, payload: { phone: '13700001234', address: '审计路 1 号' } });
    expect(res.statusCode, res.body).toBe(200);
    const trail = (
      await t.inject({
        url: `/api/counties/${COUNTY}/audit?table=household&record=${worlds.inside.householdId}&action=household.update`,
      })
    ).json();
    const entry = trail.items[0];
    expect(entry.actor).toMatch(/^county_admin-340822/);
    expect(entry.diff.address[1]).toBe('审计路 1 号');
    expect(entry.diff.phone[1]).toBe('137****1234');
    expect(entry.ip).toBe('127.0.0.1');
    expect(entry.requestId).toMatch(/[0-9a-f-]{36}/);
    const byActor = (await t.inject({ url: `/api/counties/${COUNTY}/audit?actor=${entry.actor}&pageSize=1` })).json();
    expect(byActor).toMatchObject({ pageSize: 1, page: 1 });
    expect(byActor.total).toBeGreaterThan(3);
  });

  it('writes nothing to the trail when the write is refused', async () => {
    const before = (await t.inject({ url: `/api/counties/${COUNTY}/audit?pageSize=1` })).json().total;
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/counties/${COUNTY}/households/${worlds.inside.householdId}`,
      payload: { plannedExitYear: 1999 },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect((await t.inject({ url: `/api/counties/${COUNTY}/audit?pageSize=1` })).json().total).toBe(before);
  });

  it('detects tampering: the first edited entry breaks the chain', async () => {
    expect(await verifyAuditChain(t.database.db, COUNTY)).toMatchObject({ ok: true });
    // The application's role may not touch the trail: the tampering is the owner's.
    await asOwner(t.database.db, (tx) =>
      tx
        .updateTable('audit_log')
        .set({ actor: 'someone-else' })
        .where('county_code', '=', COUNTY)
        .where('seq', '=', 3)
        .execute(),
    );
    expect(await verifyAuditChain(t.database.db, COUNTY)).toMatchObject({
      ok: false,
      broken: { seq: 3, reason: 'hash_mismatch' },
    });
    const api = (await t.inject({ url: `/api/counties/${COUNTY}/audit/verify` })).json();
    expect(api).toMatchObject({ ok: false, broken: { seq: 3 } });
  });
});

describe('route declarations', () => {
  it('refuses to register an /api route without a permission', async () => {
    const app = Fastify();
    await app.register(databasePlugin, { database: t.database });
    await app.register(accessPlugin);
    await expect(
      app
        .register(async (scope) => {
          scope.get('/api/undeclared', async () => ({}));
        })
        .ready(),
    ).rejects.toThrow(/declares no permission/);
    await app.close();
  });
});

describe('login flood', () => {
  it('rate-limits login per IP', async () => {
    let last = 0;
    for (let i = 0; i < 25; i += 1) last = (await login('ghost', 'x')).statusCode;
    expect(last).toBe(429);
  });
});
