/**
 * Village maps show every natural village (issue 13, item 14). Natural villages lying inside a neighbouring
 * village's territory (as the full demo's interleaving villages have them) or sharing a position got no cell
 * and vanished from the maps. On a small demo where some natural villages are moved so, after generating the
 * boundaries again: the dashboard map of every village has a feature for each of its natural villages, and
 * the grid map covers each grid's natural villages whole (its area is the sum of their cells).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../src/demo/index.ts';
import { generateBoundaries } from '../src/services/boundaries/generate-boundaries.ts';
import { type Point, signedArea2 } from '../src/services/boundaries/planar.ts';
import { createTestApp, type TestApp } from './app.ts';

const COUNTY = '340822';
const BASE = `/api/counties/${COUNTY}`;
type Polygon = number[][][];
type Geometry = { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
interface Place {
  code: string;
  lat: number;
  lng: number;
}
let t: TestApp;
let naturalVillagesOf: Map<string, Place[]>;

const ringArea = (ring: number[][]) => Math.abs(signedArea2(ring.slice(0, -1) as unknown as Point[])) / 2;
const polygonArea = (p: Polygon) => p.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringArea(ring), 0);
const areaOf = (g: Geometry) =>
  g.type === 'Polygon' ? polygonArea(g.coordinates) : g.coordinates.reduce((s, p) => s + polygonArea(p), 0);

async function loadPlaces(): Promise<Map<string, Place[]>> {
  const { rows } = await sql<Place>`
    select code, lat, lng from org_unit where county_code = ${COUNTY} and level = 'natural_village' order by code`.execute(
    t.database.db,
  );
  const byVillage = new Map<string, Place[]>();
  for (const place of rows)
    byVillage.set(place.code.slice(0, 12), [...(byVillage.get(place.code.slice(0, 12)) ?? []), place]);
  return byVillage;
}

const move = (code: string, lat: number, lng: number) =>
  sql`update org_unit set lat = ${lat}, lng = ${lng} where county_code = ${COUNTY} and code = ${code}`.execute(
    t.database.db,
  );

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCounty(t.database.db, { seed: 20171, scale: 0.03 });
  const villages = [...(await loadPlaces()).values()];
  // Each village's last natural village moves next to the next village's first one (deep in its territory),
  // and its second takes the position of its first.
  for (const [i, own] of villages.entries()) {
    const neighbour = (villages[(i + 1) % villages.length] as Place[])[0] as Place;
    const [first, second] = own;
    const last = own.at(-1) as Place;
    if (own.length >= 3 && first && second) {
      await move(last.code, neighbour.lat + 0.0005, neighbour.lng + 0.0005);
      await move(second.code, first.lat, first.lng);
    }
  }
  await generateBoundaries(t.database.db, COUNTY);
  naturalVillagesOf = await loadPlaces();
}, 300_000);
afterAll(async () => t?.close());

describe('village maps', () => {
  it('show every natural village of every village on the dashboard map', async () => {
    expect(naturalVillagesOf.size).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const [village, expected] of naturalVillagesOf) {
      const res = await t.inject({ url: `${BASE}/dashboard/map?scope=${village}` });
      expect(res.statusCode, res.body).toBe(200);
      const shown = new Set(res.json().features.map((f: { properties: { code: string } }) => f.properties.code));
      missing.push(...expected.map((p) => p.code).filter((code) => !shown.has(code)));
    }
    expect(missing).toEqual([]);
  });

  it('cover every natural village of every grid on the grid map', async () => {
    const { rows } = await sql<{ code: string; boundary: Geometry | null }>`
      select code, boundary from org_unit where county_code = ${COUNTY} and level = 'natural_village'`.execute(
      t.database.db,
    );
    const cellArea = new Map(rows.map((r) => [r.code, r.boundary ? areaOf(r.boundary) : 0]));
    for (const village of naturalVillagesOf.keys()) {
      const grids = (await t.inject({ url: `${BASE}/grids?within=${village}&pageSize=100` })).json().items;
      const map = (await t.inject({ url: `${BASE}/grids/map?village=${village}` })).json();
      for (const grid of grids as { id: number }[]) {
        const detail = (await t.inject({ url: `${BASE}/grids/${grid.id}` })).json();
        const codes = [...new Set((detail.naturalVillages as { code: string }[]).map((n) => n.code))];
        for (const code of codes) expect(cellArea.get(code), code).toBeGreaterThan(0);
        const feature = map.features.find((f: { properties: { gridId: number } }) => f.properties.gridId === grid.id);
        const expected = codes.reduce((sum, code) => sum + (cellArea.get(code) ?? 0), 0);
        expect(feature, `grid ${grid.id}`).toBeDefined();
        expect(areaOf(feature.geometry)).toBeCloseTo(expected, 9);
      }
    }
  });
});
