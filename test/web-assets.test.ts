/** Serving the built web app: hashed assets cached for good, index.html for app routes, API 404s untouched. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import errorsPlugin from '../src/http/plugins/errors.ts';
import webAssets from '../src/http/plugins/web-assets.ts';

async function appServing(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(errorsPlugin);
  app.get('/api/health', async () => ({ ok: true }));
  await app.register(webAssets, { root });
  await app.ready();
  return app;
}

describe('web assets', () => {
  let dir: string;
  let app: FastifyInstance;
  const script = 'console.log("lianxin");'.repeat(100);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lianxin-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>连心</title>');
    writeFileSync(join(dir, 'assets/index-abc123.js'), script);
    writeFileSync(join(dir, 'assets/index-abc123.js.gz'), gzipSync(script));
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    app = await appServing(dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an app route asked for as HTML gets index.html, revalidated on every visit', async () => {
    const res = await app.inject({ url: '/households/12?scope=340822', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('连心');
    expect((await app.inject({ url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(200);
  });

  test('hashed assets are immutable for a year and sent pre-compressed when the browser takes gzip', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.body).toBe(script);
  });

  test('the service worker is served at /sw.js as JavaScript, revalidated on every check, never immutable', async () => {
    const res = await app.inject({ url: '/sw.js', headers: { accept: '*/*', 'service-worker': 'script' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('addEventListener("fetch"');
  });

  test('a missing file is a 404, never index.html; API and docs paths keep their JSON 404', async () => {
    expect((await app.inject({ url: '/assets/gone-000.js', headers: { accept: '*/*' } })).statusCode).toBe(404);
    const api = await app.inject({ url: '/api/nothing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'not_found' });
    expect((await app.inject({ url: '/docs/nothing', headers: { accept: 'text/html' } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/health', headers: { accept: 'text/html' } })).json()).toEqual({ ok: true });
  });

  test('a non-HTML request for an app route is a 404 (scripts and API clients get no HTML)', async () => {
    const res = await app.inject({ url: '/households/12', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(404);
  });

  test('`/` is the front door for any client: curl (no Accept or */*) gets index.html, not a JSON 404', async () => {
    for (const headers of [{}, { accept: '*/*' }, { accept: 'application/json' }]) {
      const res = await app.inject({ url: '/', headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('连心');
    }
  });

  test('without a build, `/` says in plain text that the server runs API only and how to build the app', async () => {
    const bare = await appServing(join(dir, 'no-such-build'));
    for (const headers of [{}, { accept: 'text/html' }]) {
      const res = await bare.inject({ url: '/', headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toContain('npm run build');
      expect(res.body).toContain('/docs');
    }
    await bare.close();
  });

  test('without a build the server runs API only and says so', async () => {
    const bare = await appServing(join(dir, 'no-such-build'));
    expect(bare.webApp.served).toBe(false);
    expect((await bare.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await bare.inject({ url: '/members', headers: { accept: 'text/html' } })).statusCode).toBe(404);
    await bare.close();
  });
});
