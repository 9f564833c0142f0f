/**
 * The server and the database failing apart: a PostgreSQL that drops every connection while requests are in
 * flight (restart, failover, pg_terminate_backend) must not end the server, which recovers by itself; a
 * database that refuses connections answers 503 `database_unavailable` (bilingual) on every kind of route and
 * /api/health reports it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/kysely.ts';
import { buildApp } from '../src/http/app.ts';
import { SESSION_COOKIE } from '../src/http/plugins/access.ts';
import { createTestApp, type TestApp } from './app.ts';
import { createTestDatabaseEnv, testBackend } from './database.ts';
import { freePort, type ServerProcess, startServe } from './server-process.ts';

describe('/api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ divisions: false });
  });
  afterAll(async () => t?.close());

  it('answers 200 with the database up', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, database: 'up' });
  });
});

describe('a database that refuses connections', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    // Nothing listens on this port: every connection attempt is refused, as while PostgreSQL is down.
    const database = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/none` });
    app = await buildApp({ database, logger: false, sweepMinutes: 0 });
    close = async () => {
      await app.close();
      await database.close();
    };
  });
  afterAll(async () => close?.());

  const requests = [
    { name: 'a public read', options: { url: '/api/dictionaries' } },
    {
      name: 'a signed-out login',
      options: { method: 'POST' as const, url: '/api/auth/login', payload: { login: 'someone', password: 'x1234567' } },
    },
    {
      name: 'a signed-in read',
      options: { url: '/api/counties/340822/households', cookies: { [SESSION_COOKIE]: 'a'.repeat(43) } },
    },
  ];

  for (const { name, options } of requests) {
    it(`answers ${name} with 503 database_unavailable, in Chinese and in English`, async () => {
      const zh = await app.inject(options);
      expect(zh.statusCode).toBe(503);
      expect(zh.json()).toMatchObject({ code: 'database_unavailable', message: '数据库暂时无法连接，请稍后重试' });
      const en = await app.inject({ ...options, headers: { 'accept-language': 'en' } });
      expect(en.json().message).toBe('The database is unavailable right now, please retry later');
    });
  }

  it('reports the database in /api/health with 503', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ok: false, database: 'unavailable' });
  });
});

describe.skipIf(testBackend !== 'postgres')('PostgreSQL terminates every connection under load', () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseEnv>>;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabaseEnv();
    server = await startServe(database.env);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  async function terminateBackends(url: string): Promise<number> {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const name = new URL(url).pathname.slice(1);
      const { rows } = await admin.query(
        'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      return rows.length;
    } finally {
      await admin.end();
    }
  }

  const get = (path: string) => fetch(`${server.url}${path}`).then((r) => r.status);

  it('keeps the server running and serves the next requests on new connections', async () => {
    // /api/health queries the database on every call (dictionaries are remembered in memory and may not).
    const burst = () => Promise.all(Array.from({ length: 8 }, () => get('/api/health')));
    expect(await burst()).toEqual(Array(8).fill(200)); // the pool holds open connections now
    let terminated = 0;
    for (let round = 0; round < 3; round++) {
      const inFlight = Promise.all([burst(), burst()]);
      terminated += await terminateBackends(database.env.DATABASE_URL as string);
      // Requests caught by the termination may fail (503), but none may end the process.
      for (const status of (await inFlight).flat()) expect([200, 503]).toContain(status);
      expect(server.child.exitCode).toBeNull();
    }
    expect(terminated).toBeGreaterThan(0); // the rounds did cut connections the server held
    // Connections dropped while idle are noticed when their socket closes; the pool then opens new ones.
    let health = 0;
    for (let attempt = 0; attempt < 50 && health !== 200; attempt++) {
      health = await get('/api/health');
      if (health !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(health).toBe(200);
    expect(await burst()).toEqual(Array(8).fill(200));
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toContain("Unhandled 'error' event");
  });
});
