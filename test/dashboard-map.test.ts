/**
 * The dashboard map: boundaries generated from natural-village positions by the seed and served as GeoJSON per
 * scope, and real boundaries imported for one unit (validated, kept when boundaries are generated again).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../src/demo/index.ts';
import { generateBoundaries } from '../src/services/boundaries/generate-boundaries.ts';
import { createTestApp, type TestApp } from './app.ts';

const COUNTY = '340822';
const BASE = `/api/counties/${COUNTY}`;
let t: TestApp;
let township: string;
let village: string;
let naturalVillage: string;

type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
type Feature = { type: 'Feature'; properties: { code: string; name: string }; geometry: Geometry };

async function map(query: string): Promise<Feature[]> {
  const res = await t.inject({ url: `${BASE}/dashboard/map?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().type).toBe('FeatureCollection');
  return res.json().features;
}

const ringsOf = (g: Geometry) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
const square = (lng: number, lat: number, d = 0.01) => [
  [lng, lat],
  [lng + d, lat],
  [lng + d, lat + d],
  [lng, lat + d],
  [lng, lat],
];
const put = (code: string, payload: unknown) =>
  t.inject({ method: 'PUT', url: `${BASE}/org-units/${code}/boundary`, payload: payload as object });
const problemCodes = (res: { json(): { details?: { code: string }[] } }) => res.json().details?.map((d) => d.code);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCounty(t.database.db, { seed: 20171, scale: 0.03 });
  const { rows } = await sql<{ code: string }>`
    select min(code) as code from org_unit where county_code = ${COUNTY} and level = 'natural_village'`.execute(
    t.database.db,
  );
  naturalVillage = rows[0]?.code as string;
  [township, village] = [naturalVillage.slice(0, 9), naturalVillage.slice(0, 12)];
});
afterAll(async () => t?.close());

describe('generated boundaries', () => {
  it('give every township with villages a closed outline inside the county', async () => {
    const features = await map('');
    const { rows } = await sql<{ code: string; name: string }>`
      select distinct t.code, t.name from org_unit t join org_unit v on v.parent_code = t.code
      where t.county_code = ${COUNTY} and t.level = 'township' order by 1`.execute(t.database.db);
    expect(features.map((f) => f.properties)).toEqual(rows);
    for (const f of features) {
      for (const ring of ringsOf(f.geometry)) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
        for (const [lng, lat] of ring) {
          expect(lng).toBeGreaterThan(116.3);
          expect(lng).toBeLessThan(117.2);
          expect(lat).toBeGreaterThan(30.2);
          expect(lat).toBeLessThan(31);
        }
      }
    }
  });

  it('serve deeper levels, and a natural village as itself', async () => {
    const villages = await map('level=village');
    const count = await sql<{ n: number }>`
      select count(*)::int as n from org_unit where county_code = ${COUNTY} and level = 'village'`.execute(
      t.database.db,
    );
    expect(villages.length).toBe(count.rows[0]?.n);
    const inTownship = await map(`scope=${township}`);
    expect(inTownship.every((f) => f.properties.code.startsWith(township) && f.properties.code.length === 12)).toBe(
      true,
    );
    expect((await map(`scope=${naturalVillage}`)).map((f) => f.properties.code)).toEqual([naturalVillage]);
  });

  it('refuses a level that is not below the scope, and unknown scopes', async () => {
    const res = await t.inject({ url: `${BASE}/dashboard/map?scope=${township}&level=township` });
    expect(res.statusCode).toBe(422);
    expect(problemCodes(res)).toEqual(['level_not_below_scope']);
    expect((await t.inject({ url: `${BASE}/dashboard/map?scope=340822999` })).statusCode).toBe(404);
    expect((await t.inject({ url: `${BASE}/dashboard/map?level=county` })).statusCode).toBe(400);
  });
});

describe('importing a boundary', () => {
  it('stores a Polygon (or a Feature) for one unit and the map serves it', async () => {
    const res = await put(village, { type: 'Polygon', coordinates: [square(116.7, 30.5)] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ code: village, type: 'Polygon', rings: 1, positions: 5 });
    const served = (await map(`scope=${township}`)).find((f) => f.properties.code === village);
    // Served at screen precision (4 decimals); 116.7 + 0.01 is 116.71000000000001 in binary.
    const rounded = square(116.7, 30.5).map((p) => p.map((v) => Math.round(v * 1e4) / 1e4));
    expect(served?.geometry).toEqual({ type: 'Polygon', coordinates: [rounded] });
    const feature = {
      type: 'Feature',
      properties: { name: 'x' },
      geometry: { type: 'MultiPolygon', coordinates: [[square(116.7, 30.5, 0.02).map(([x, y]) => [x, y, 12])]] },
    };
    const again = await put(village, feature);
    expect(again.statusCode, again.body).toBe(200);
    const unit = (await t.inject({ url: `${BASE}/org-units/${village}` })).json();
    expect(unit.boundary).toEqual({ type: 'MultiPolygon', coordinates: [[square(116.7, 30.5, 0.02)]] });
  });

  it('is kept when boundaries are generated again, unless replacing is asked for', async () => {
    expect((await generateBoundaries(t.database.db, COUNTY)).keptImported).toBe(1);
    const kept = (await map(`scope=${township}`)).find((f) => f.properties.code === village);
    expect(kept?.geometry.type).toBe('MultiPolygon');
    await generateBoundaries(t.database.db, COUNTY, { replaceImported: true });
    const replaced = (await map(`scope=${township}`)).find((f) => f.properties.code === village);
    expect(replaced?.geometry.type).toBe('Polygon');
    expect(replaced?.geometry.coordinates).not.toEqual([square(116.7, 30.5)]);
  });

  it('refuses open rings, coordinates out of range, other types and unknown units', async () => {
    const open = await put(village, { type: 'Polygon', coordinates: [square(116.7, 30.5).slice(0, 4)] });
    expect(open.statusCode).toBe(422);
    expect(problemCodes(open)).toEqual(['ring_not_closed']);
    const far = square(116.7, 89.995);
    const outside = await put(village, { type: 'Polygon', coordinates: [far] });
    expect(outside.statusCode).toBe(422);
    expect(problemCodes(outside)).toEqual(['coordinate_range', 'coordinate_range']);
    expect((await put(village, { type: 'Point', coordinates: [116.7, 30.5] })).statusCode).toBe(400);
    expect((await put(village, { type: 'Polygon', coordinates: [square(116.7, 30.5).slice(0, 3)] })).statusCode).toBe(
      400,
    );
    expect((await put('340822999001', { type: 'Polygon', coordinates: [square(116.7, 30.5)] })).statusCode).toBe(404);
  });

  it('refuses more than 100,000 positions with 413', async () => {
    const ring = Array.from({ length: 100_001 }, (_, i) => [116 + i * 1e-6, 30 + (i % 2) * 1e-4]);
    ring.push(ring[0] as number[]);
    const res = await put(village, { type: 'Polygon', coordinates: [ring] });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });
});

describe('map responses', () => {
  it('carry an ETag; asking again with it answers 304 without a body', async () => {
    const first = await t.inject({ url: `${BASE}/dashboard/map?scope=${township}` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.inject({
      url: `${BASE}/dashboard/map?scope=${township}`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await t.inject({
      url: `${BASE}/dashboard/map?scope=${township}`,
      headers: { 'if-none-match': '"x"' },
    });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it('round positions to 4 decimals and merge the repeats this makes, keeping rings closed', async () => {
    const ring = [
      [116.71234, 30.51234],
      [116.71231, 30.51231], // the same position at 4 decimals
      [116.72, 30.51],
      [116.72, 30.52],
      [116.71234, 30.51234],
    ];
    expect((await put(village, { type: 'Polygon', coordinates: [ring] })).statusCode).toBe(200);
    const served = (await map(`scope=${township}`)).find((f) => f.properties.code === village);
    expect(served?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [116.7123, 30.5123],
          [116.72, 30.51],
          [116.72, 30.52],
          [116.7123, 30.5123],
        ],
      ],
    });
  });
});
