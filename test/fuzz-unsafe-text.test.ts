/**
 * A NUL or an unpaired UTF-16 surrogate is refused with a 400 naming the field, before any handler runs, on every
 * route of /openapi.json: in every declared query parameter (`?q=`), in a path parameter, and in every top-level
 * text field of every body — signed in, and signed out for sign-in and public feedback.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { createWorlds, type World } from './factories.ts';
import { fill, plausible, withValue } from './fuzz-inputs.ts';
import { branches, type JsonSchema } from './openapi-walk.ts';

interface Operation {
  method: string;
  url: string;
  query: string[];
  body: JsonSchema | null;
}

const UNSAFE = { NUL: 'a\u0000b', 'lone high surrogate': 'a\ud800b', 'lone low surrogate': '\udc00' };

describe('unsafe characters', () => {
  let t: TestApp;
  let world: World;
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestApp();
    world = (await createWorlds(t, { monitored: true })).inside;
    const doc = (await t.app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { in: string; name: string }[];
            requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
          }
        >
      >;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        url: path.replace(/\{([A-Za-z]+)\}/g, ':$1'),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
    );
  }, 600_000); // a fresh app and two seeded worlds: slow on a busy 2-core machine
  afterAll(() => t.close());

  const as = (url: string): Inject =>
    url.startsWith('/api/public/') || url === '/api/auth/login' ? (o) => t.app.inject(o) : t.inject;

  function expectRefused(
    res: { statusCode: number; json(): { code?: string; details?: { path: string }[] } },
    path: string,
    where: string,
    failures: string[],
  ) {
    const body = res.statusCode === 400 ? res.json() : null;
    const named = body?.details?.some((d) => d.path === path);
    if (!named || body?.code !== 'validation_failed')
      failures.push(`${where} → ${res.statusCode} (expected 400 at ${path})`);
  }

  test('in every query parameter of every route', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations.filter((o) => o.query.length > 0)) {
      for (const name of op.query) {
        const url = `${fill(op.url, world)}?${name}=a%00b`;
        expectRefused(await as(url)({ method: op.method as 'GET', url }), `querystring.${name}`, url, failures);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  test('in a path parameter of every route that has one', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => /:[A-Za-z]+$/.test(o.url) && o.method === 'GET')) {
      const name = /:([A-Za-z]+)$/.exec(op.url)?.[1] as string;
      const url = `${fill(op.url, world)}%00`;
      expectRefused(await as(url)({ method: 'GET', url }), `params.${name}`, url, failures);
    }
    expect(failures).toEqual([]);
  });

  test('in every top-level text field of every body, signed out where the route is public', {
    timeout: 300_000,
  }, async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations.filter((o) => o.body)) {
      const body = op.body as JsonSchema;
      const base = plausible(body, world);
      const texts = Object.entries(branches(body)[0]?.properties ?? {}).filter(([, s]) =>
        branches(s).some((b) => ([] as unknown[]).concat(b.type ?? (b.enum ? 'string' : [])).includes('string')),
      );
      for (const [field] of texts) {
        for (const [label, value] of Object.entries(UNSAFE)) {
          const url = fill(op.url, world);
          const res = await as(url)({
            method: op.method as 'POST',
            url,
            payload: withValue(base, field, value) as object,
          });
          expectRefused(res, field, `${op.method} ${url} ${field} = ${label}`, failures);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  test('sign-in and public feedback, signed out, answer in the house shape in both languages', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { login: 'admin\u0000', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json()).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'login', code: 'unsafeCharacter', message: expect.stringContaining('NUL') }],
    });
    expect(login.json().requestId).toEqual(expect.any(String));
    const feedback = await t.app.inject({
      method: 'POST',
      url: `/api/public/plaques/${world.county}/${world.plaqueCode}/feedback`,
      payload: { satisfaction: 5, comment: '很好\ud83d' },
    });
    expect(feedback.statusCode).toBe(400);
    expect(feedback.json().details[0]).toMatchObject({ path: 'comment', message: expect.stringContaining('空字符') });
  });
});
