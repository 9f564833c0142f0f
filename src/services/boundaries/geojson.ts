/**
 * GeoJSON (RFC 7946) for org-unit boundaries: building Polygon/MultiPolygon geometries from generated rings,
 * and checking imported ones beyond what the schema can say (coordinate ranges, closed rings, size).
 */
import type { FieldProblem } from '../../domain/errors.ts';
import type { AreaGeometryBody } from '../../shared/schemas/dashboard.ts';
import type { PolygonRings } from './dissolve.ts';
import type { Point, Ring } from './planar.ts';

type Position = number[];

/** Most positions one boundary may have: a detailed township outline has a few thousand. */
export const MAX_POSITIONS = 100_000;

/** Stored form: the geometry, and `generated: true` on generated ones so regeneration never overwrites imports. */
export function toGeometry(polygons: readonly PolygonRings[], generated: boolean) {
  const close = (ring: Ring) => [...ring, ring[0] as Point].map(([x, y]) => [x, y]);
  const rings = polygons.map((polygon) => polygon.map(close));
  const geometry =
    rings.length === 1
      ? { type: 'Polygon' as const, coordinates: rings[0] as number[][][] }
      : { type: 'MultiPolygon' as const, coordinates: rings as number[][][][] };
  return generated ? { ...geometry, generated: true } : geometry;
}

/** Only type and coordinates, as the map serves them (drops `generated` and any foreign members). */
export function bareGeometry(stored: unknown): AreaGeometryBody | null {
  const g = stored as { type?: string; coordinates?: unknown } | null;
  if (g?.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates as number[][][] };
  if (g?.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates as number[][][][] };
  return null;
}

const problem = (path: string, code: string, zh: string, en: string): FieldProblem => ({
  path,
  code,
  message: { zh, en },
});

function ringProblems(ring: Position[], path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  ring.forEach((p, i) => {
    const [lng = Number.NaN, lat = Number.NaN] = p;
    if (!(Number.isFinite(lng) && lng >= -180 && lng <= 180 && Number.isFinite(lat) && lat >= -90 && lat <= 90)) {
      problems.push(
        problem(
          `${path}.${i}`,
          'coordinate_range',
          '经度应在 ±180、纬度应在 ±90 之间',
          'Longitude must be within ±180 and latitude within ±90',
        ),
      );
    }
  });
  const first = ring[0] ?? [];
  const last = ring[ring.length - 1] ?? [];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.push(problem(path, 'ring_not_closed', '环的首尾坐标必须相同', 'A ring must end where it starts'));
  }
  return problems;
}

/** The geometry's polygons, whatever its type. */
export function polygonsOf(geometry: AreaGeometryBody): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Rings and positions of a geometry (the import's size limit counts positions). */
export function sizeOf(geometry: AreaGeometryBody): { rings: number; positions: number } {
  const polygons = polygonsOf(geometry);
  return { rings: polygons.reduce((n, p) => n + p.length, 0), positions: polygons.flat(2).length };
}

/** Every problem of an imported geometry that the schema cannot express; empty when it can be stored. */
export function geometryProblems(geometry: AreaGeometryBody): FieldProblem[] {
  return polygonsOf(geometry).flatMap((polygon, i) =>
    polygon.flatMap((ring, j) =>
      ringProblems(ring, geometry.type === 'Polygon' ? `coordinates.${j}` : `coordinates.${i}.${j}`),
    ),
  );
}
