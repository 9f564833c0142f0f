/**
 * Generated fuzz over every write route (POST/PUT/PATCH/DELETE) of /openapi.json, as the county admin with CSRF
 * and path parameters naming real seeded records: each body field gets wrong types, out-of-bounds and huge
 * numbers, NUL, lone surrogates, RTL and emoji, over-long strings, null, nesting where a scalar is expected; each
 * route also gets a missing required field, an extra field and a plausible body. Fails on any 5xx, and on any row
 * written (counted and hashed, every table) by a request that was refused. Deterministic: fixed seed, fixed list.
 * The list is sampled by a fixed stride (see EVERY), so every class meets every route across the fields.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { testBackend } from './database.ts';
import { createWorlds, type World } from './factories.ts';
import { badValues, fill, plausible, withValue } from './fuzz-inputs.ts';
import { bodyFields, type WriteRoute, writeRoutes } from './openapi-walk.ts';

/** Every n-th case of the whole list runs (each route's plausible body always): bounded time on a 2-core CI. */
const EVERY = testBackend === 'postgres' ? 13 : 4;
/** Routes that end the admin's own session: fuzzing them would sign the fuzzer out. */
const SESSION_ENDING = new Set(['/api/auth/logout', '/api/auth/logout-all']);
/** Tables every request may touch by design (a session's last-seen time). */
const VOLATILE = new Set(['user_session']);

interface Case {
  route: WriteRoute;
  label: string;
  body: unknown;
}

/** Every case of one route: a plausible body, then each bad value on each field, a missing field, an extra one. */
function casesOf(route: WriteRoute, w: World): Case[] {
  if (!route.body) return [{ route, label: 'no body', body: undefined }];
  const base = plausible(route.body, w);
  const cases: Case[] = [{ route, label: 'plausible body', body: base }];
  for (const field of bodyFields(route.body)) {
    for (const bad of badValues(field.schema)) {
      cases.push({ route, label: `${field.path} = ${bad.label}`, body: withValue(base, field.path, bad.value) });
    }
  }
  for (const required of route.body.required ?? []) {
    cases.push({ route, label: `missing ${required}`, body: withValue(base, required, undefined) });
  }
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    cases.push({ route, label: 'extra field', body: { ...base, unexpected: 'x' } });
  }
  cases.push({ route, label: 'array body', body: [base] }, { route, label: 'null body', body: null });
  return cases;
}

describe('fuzz of every write route', () => {
  let t: TestApp;
  let world: World;
  let tables: string[];

  beforeAll(async () => {
    t = await createTestApp();
    world = (await createWorlds(t, { monitored: true })).inside;
    const rows = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
       order by 1`.execute(t.database.db);
    tables = rows.rows.map((r) => r.name).filter((name) => !VOLATILE.has(name));
  }, 600_000); // a fresh app and two seeded worlds: slow on a busy 2-core machine
  afterAll(() => t.close());

  /** Row count and a hash of every row, per table, in one query. */
  async function fingerprint(): Promise<Map<string, string>> {
    const parts = tables.map(
      (name) =>
        `select '${name}' as name, count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) as print from ${name} x`,
    );
    const rows = await sql<{ name: string; print: string }>`${sql.raw(parts.join(' union all '))}`.execute(
      t.database.db,
    );
    return new Map(rows.rows.map((r) => [r.name, r.print]));
  }

  test('no input makes a 5xx, and no refused request writes a row', { timeout: 600_000 }, async () => {
    const routes = (await writeRoutes(t.app)).filter((r) => !SESSION_ENDING.has(r.url));
    expect(routes.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let sent = 0;
    let listed = 0;
    let before = await fingerprint();
    for (const route of routes) {
      const url = fill(route.url, world);
      // Signed-out routes are fuzzed signed out, as their callers are.
      const signedOut = url.startsWith('/api/public/') || url === '/api/auth/login';
      const inject: Inject = signedOut ? (o) => t.app.inject(o) : t.inject;
      for (const [index, c] of casesOf(route, world).entries()) {
        listed += 1;
        if (index > 0 && listed % EVERY !== 0) continue;
        const payload = c.body === undefined ? {} : { payload: c.body as object };
        const res = await inject({ method: route.method, url, ...payload });
        sent += 1;
        const where = `${route.method} ${route.url} [${c.label}] → ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${where} ${res.body.slice(0, 200)}`);
        const after = await fingerprint();
        // 401: a failed sign-in may be recorded by design; every other refusal must leave the database as it was.
        if (res.statusCode >= 400 && res.statusCode !== 401) {
          const changed = tables.filter((name) => before.get(name) !== after.get(name));
          if (changed.length > 0) failures.push(`${where} but wrote to ${changed.join(', ')}`);
        }
        before = after;
      }
    }
    console.info(`fuzz: ${sent} of ${listed} cases sent`);
    expect(sent).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });
});
