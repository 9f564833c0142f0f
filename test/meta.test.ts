import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../src/demo/index.ts';
import { createTestApp, type TestApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCounty(t.database.db, { seed: 3, scale: 0.02 });
});
afterAll(async () => t?.close());

describe('meta routes', () => {
  it('serves the OpenAPI 3 document with every registry route, and the docs page', async () => {
    const doc = (await t.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/counties/{county}/org-units/',
      '/api/counties/{county}/members/',
      '/api/counties/{county}/members/{id}',
      '/api/counties/{county}/households/',
      '/api/counties/{county}/households/{id}',
      '/api/counties/{county}/households/{id}/exit-assessment',
      '/api/counties/{county}/stats',
    ]) {
      expect(paths).toContain(path);
    }
    const docs = await t.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('counts what is in the database', async () => {
    const stats = (await t.inject({ url: '/api/counties/340822/stats' })).json();
    const db = t.database.db;
    const count = async (table: 'household' | 'party_member') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(stats.townships).toBe(20);
    expect(stats.households).toBe(await count('household'));
    expect(stats.members).toBe(await count('party_member'));
    expect(stats.households).toBeGreaterThan(0);
  });

  it('answers an unknown route with the error shape', async () => {
    const res = await t.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', message: 'No such route: /api/nothing-here' });
    expect(res.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
