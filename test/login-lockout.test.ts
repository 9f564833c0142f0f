/**
 * Lockout under concurrent guesses (issue 13, item 8): wrong passwords sent at once lock the account after exactly
 * MAX_FAILURES of them, and the right password is refused until the lock ends. Sign-ins and refused sign-ins are
 * in the audit trail (who, when, ip, outcome; an unknown name shortened; never the password), hash-chained.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_MS, login, MAX_FAILURES } from '../src/services/access/login.ts';
import { LOGIN_NAME_KEPT } from '../src/services/access/login-audit.ts';
import { createUser } from '../src/services/access/users.ts';
import { verifyAuditChain } from '../src/services/audit/verify-audit.ts';
import { createTestApp, type TestApp } from './app.ts';
import { COUNTY, createPlaces } from './factories.ts';

let t: TestApp;
const PASSWORD = 'right-pass-77';
const VILLAGE = '340822100201';

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
});
afterAll(() => t.close());

// Each test signs in from its own address: the route allows 20 attempts a minute per address.
let address = '127.0.0.1';
const attempt = (name: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password }, remoteAddress: address });

async function account(username: string): Promise<number> {
  return createUser(t.database.db, {
    username,
    password: PASSWORD,
    grants: [{ role: 'instructor', orgCode: VILLAGE }],
  });
}

async function trail(action: string, record?: number) {
  const query = `action=${action}${record === undefined ? '' : `&record=${record}`}&pageSize=100`;
  return (await t.inject({ url: `/api/counties/${COUNTY}/audit?${query}` })).json().items as Array<{
    actor: string;
    recordId: string;
    ip: string | null;
    at: string;
    diff: Record<string, [unknown, unknown]>;
  }>;
}

describe('lockout', () => {
  // At most 2 hashes run and 8 wait (passwords.ts): up to 10 concurrent attempts all get their hash compared.
  const GUESSES = 8;

  it('locks after exactly the limit when wrong passwords arrive at once', async () => {
    const id = await account('racer');
    const answers = await Promise.all(Array.from({ length: GUESSES }, (_, i) => attempt('racer', `wrong-pass-${i}`)));
    const codes = answers.map((a) => a.statusCode).sort();
    // Failures 1…limit-1 are told "wrong password", the one reaching the limit and every later one "locked".
    expect(codes).toEqual([...Array(MAX_FAILURES - 1).fill(401), ...Array(GUESSES - MAX_FAILURES + 1).fill(429)]);
    expect((await attempt('racer', PASSWORD)).statusCode).toBe(429);
    const row = await t.database.db
      .selectFrom('app_user')
      .select('locked_until')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
    // Until the lock ends (the service takes the time as a parameter): refused just before, accepted after.
    const until = new Date(row.locked_until as Date).getTime();
    await expect(login(t.database.db, { login: 'racer', password: PASSWORD }, null, until - 1)).rejects.toMatchObject({
      code: 'rate_limited',
    });
    const signedIn = await login(t.database.db, { login: 'racer', password: PASSWORD }, null, until + 1);
    expect(signedIn.userId).toBe(id);
    expect(until - Date.now()).toBeLessThanOrEqual(LOCK_MS);
  });

  it('locks even when the right password races the wrong ones, and then refuses it', async () => {
    address = '10.0.0.9';
    await account('racer2');
    // 2·limit−1 wrong guesses: wherever the right one clears the count (after at most limit−1), limit remain.
    const wrongCount = 2 * MAX_FAILURES - 1;
    const wrong = Array.from({ length: wrongCount }, (_, i) => attempt('racer2', `wrong-pass-${i}`));
    const answers = await Promise.all([...wrong, attempt('racer2', PASSWORD)]);
    expect([200, 429]).toContain(answers.at(-1)?.statusCode);
    const told = answers.slice(0, -1).filter((a) => a.statusCode === 401).length;
    expect(told).toBeLessThanOrEqual(2 * (MAX_FAILURES - 1));
    expect((await attempt('racer2', PASSWORD)).statusCode).toBe(429);
  });
});

describe('sign-ins in the audit trail', () => {
  it('records a sign-in with who, when, ip and outcome', async () => {
    address = '10.0.0.1';
    const id = await account('audited');
    expect((await attempt('audited', PASSWORD)).statusCode).toBe(200);
    const [entry] = await trail('auth.login', id);
    expect(entry).toMatchObject({ actor: 'audited', recordId: String(id), ip: '10.0.0.1' });
    expect(entry?.diff).toEqual({ outcome: [null, 'ok'] });
    expect(Date.now() - new Date(entry?.at ?? 0).getTime()).toBeGreaterThanOrEqual(0);
  });

  it('records refused sign-ins of a known account, never the password', async () => {
    address = '10.0.0.2';
    const id = await account('refused');
    expect((await attempt('refused', 'Secret-Guess-123')).statusCode).toBe(401);
    await t.database.db.updateTable('app_user').set({ disabled: true }).where('id', '=', id).execute();
    expect((await attempt('refused', PASSWORD)).statusCode).toBe(401);
    const entries = await trail('auth.login_failed', id);
    expect(entries.map((e) => e.diff.outcome?.[1]).sort()).toEqual(['disabled', 'wrong_password']);
    expect(entries.every((e) => e.ip === '10.0.0.2' && e.actor === 'anonymous')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('Secret-Guess');
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });

  it('records an unknown name shortened (a phone masked), with no user id', async () => {
    address = '10.0.0.3';
    const typedPassword = 'my-password-typed-as-name-1';
    expect((await attempt(typedPassword, 'whatever-1')).statusCode).toBe(401);
    expect((await attempt('13912345678', 'whatever-1')).statusCode).toBe(401);
    const entries = await trail('auth.login_failed');
    const unknown = entries.filter((e) => e.diff.outcome?.[1] === 'unknown_user');
    expect(unknown.map((e) => e.diff.login?.[1])).toEqual([
      '139****5678',
      `${typedPassword.slice(0, LOGIN_NAME_KEPT)}…`,
    ]);
    expect(unknown.every((e) => e.recordId === '')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(typedPassword);
    expect(await verifyAuditChain(t.database.db, COUNTY)).toMatchObject({ ok: true });
  });
});
