/**
 * The grids of a village as map areas: each grid's natural-village boundaries dissolved into one outline
 * (generated Voronoi cells share their edges exactly, so the inner edges vanish; imported boundaries that do
 * not touch stay separate polygons of one MultiPolygon). A split natural village appears in each grid that
 * holds a piece of it, since households have no positions to divide its area by.
 */
import type { Kysely } from 'kysely';
import { listBoundaries } from '../../db/repositories/dashboard.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { dissolve } from '../boundaries/dissolve.ts';
import { bareGeometry, polygonsOf, toGeometry } from '../boundaries/geojson.ts';
import type { Point, Ring } from '../boundaries/planar.ts';
import { loadVillageStates } from './village-state.ts';

const VILLAGE = { zh: '行政村', en: 'village' };

/** Outer rings of a stored boundary, without the closing position. */
function outerRings(stored: unknown): Ring[] {
  const geometry = bareGeometry(stored);
  if (!geometry) return [];
  return polygonsOf(geometry).map((polygon) => polygon[0]!.slice(0, -1).map(([x, y]) => [x!, y!] as Point));
}

export async function getGridMap(db: Kysely<Database>, county: string, villageCode: string) {
  const [[village], boundaries] = await Promise.all([
    loadVillageStates(db, county, villageCode),
    listBoundaries(db, county, villageCode, 'natural_village'),
  ]);
  if (!village || village.code !== villageCode) throw AppError.notFound(VILLAGE);
  const ringsOf = new Map(boundaries.map((b) => [b.code, outerRings(b.boundary)]));
  const features = village.grids.flatMap((grid) => {
    const cells = [...new Set(grid.parts.map((p) => p.code))].flatMap((code) => ringsOf.get(code) ?? []);
    if (cells.length === 0) return [];
    const geometry = toGeometry(dissolve(cells), false);
    const capacity = village.members.filter((m) => grid.members.includes(m.id)).reduce((s, m) => s + m.capacity, 0);
    return [
      {
        type: 'Feature' as const,
        properties: {
          gridId: grid.id,
          name: grid.name,
          members: grid.members.length,
          households: grid.householdIds.length,
          capacity,
        },
        geometry,
      },
    ];
  });
  return { type: 'FeatureCollection' as const, features };
}
