import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const base = '/api/counties/340822/org-units';

describe('org units', () => {
  it('lists the 20 real townships of Huaining imported from the NBS data', async () => {
    const res = await t.inject({ url: `${base}?parent=340822&pageSize=100` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(20);
    expect(body.items[0]).toMatchObject({
      code: '340822100',
      name: '高河镇',
      level: 'township',
      kind: '镇',
      children: 0,
    });
    expect(body.items.map((u: { name: string }) => u.name)).toContain('雷埠乡');
  });

  it('creates a village and a natural village with derived level and path', async () => {
    const village = await t.inject({
      method: 'POST',
      url: base,
      payload: { code: '340822100201', parentCode: '340822100', name: '试点村', lat: 30.5, lng: 116.7 },
    });
    expect(village.statusCode).toBe(201);
    expect(village.json()).toMatchObject({ level: 'village', kind: '村', path: '340822.340822100.340822100201' });
    const nv = await t.inject({
      method: 'POST',
      url: base,
      payload: { code: '340822100201001', parentCode: '340822100201', name: '张家湾' },
    });
    expect(nv.statusCode).toBe(201);
    expect(nv.json().path).toBe('340822.340822100.340822100201.340822100201001');
    const list = await t.inject({ url: `${base}?within=340822100&level=natural_village` });
    expect(list.json().items.map((u: { name: string }) => u.name)).toEqual(['张家湾']);
  });

  it('searches names across every level of the county with q (what the scope tree asks while typing)', async () => {
    // The natural village created above sits three levels down, in a branch no one has opened.
    const deep = await t.inject({ url: `${base}?q=${encodeURIComponent('家湾')}` });
    expect(deep.statusCode).toBe(200);
    expect(deep.json().items.map((u: { code: string; path: string }) => [u.code, u.path])).toEqual([
      ['340822100201001', '340822.340822100.340822100201.340822100201001'],
    ]);
    const townships = await t.inject({ url: `${base}?q=${encodeURIComponent('镇')}&level=township&pageSize=100` });
    const names = townships.json().items.map((u: { name: string }) => u.name);
    expect(names).toContain('高河镇');
    expect(names.every((n: string) => n.includes('镇'))).toBe(true);
    // LIKE wildcards in q are literal text.
    expect((await t.inject({ url: `${base}?q=${encodeURIComponent('%')}` })).json().total).toBe(0);
  });

  it('refuses a code that does not extend its parent, with a field problem', async () => {
    const res = await t.inject({
      method: 'POST',
      url: base,
      payload: { code: '340822101202', parentCode: '340822100', name: '错村' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: { code: string }) => d.code)).toEqual(['code_prefix']);
  });

  it('lists every schema problem at once, in English when asked, and writes nothing', async () => {
    const res = await t.inject({
      method: 'POST',
      url: base,
      headers: { 'accept-language': 'en-US' },
      payload: { code: '12', name: '', extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.requestId).toBeTruthy();
    const paths = body.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['', 'code', 'name', 'parentCode']);
    expect(body.details.find((d: { path: string }) => d.path === 'parentCode').message).toBe('is required');
  });

  it('answers 409 for a duplicate code and 404 for an unknown one', async () => {
    const dup = await t.inject({
      method: 'POST',
      url: base,
      payload: { code: '340822100201', parentCode: '340822100', name: '重复村' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe('该区划代码已存在');
    const missing = await t.inject({ url: `${base}/340822199` });
    expect(missing.statusCode).toBe(404);
  });

  it('renames a unit and keeps coordinates paired', async () => {
    const ok = await t.inject({ method: 'PATCH', url: `${base}/340822100201`, payload: { name: '试点新村' } });
    expect(ok.json()).toMatchObject({ name: '试点新村', lat: 30.5 });
    const bad = await t.inject({ method: 'PATCH', url: `${base}/340822100201`, payload: { lat: null } });
    expect(bad.statusCode).toBe(422);
  });
});
