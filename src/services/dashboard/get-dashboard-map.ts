/**
 * The map of a scope: its children's stored boundaries as a GeoJSON FeatureCollection (or deeper units when a
 * level is asked for). A natural village, having no children, shows itself. Positions are rounded for the
 * screen (see roundGeometry), which keeps the county map small; the stored boundaries keep their precision.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/dashboard.ts';
import { findOrgUnit } from '../../db/repositories/org-units.ts';
import type { Database, OrgLevel } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import type { AreaGeometryBody, MapFeaturesBody } from '../../shared/schemas/dashboard.ts';
import { bareGeometry } from '../boundaries/geojson.ts';

const WHAT = { zh: '区划', en: 'org unit' };
const LEVEL_BY_LENGTH: Record<number, OrgLevel> = { 6: 'county', 9: 'township', 12: 'village', 15: 'natural_village' };
const LENGTH_OF: Record<OrgLevel, number> = { county: 6, township: 9, village: 12, natural_village: 15 };
/** 4 decimals of a degree is ~11 m here: below one screen pixel even for a single village filling the map. */
const SCALE = 1e4;

function levelProblem(scope: string, level: OrgLevel): FieldProblem[] {
  if (LENGTH_OF[level] > scope.length || (scope.length === 15 && level === 'natural_village')) return [];
  const message = { zh: '地图层级须低于所选区划', en: 'The map level must be below the scope' };
  return [{ path: 'level', code: 'level_not_below_scope', message }];
}

/** A ring with positions rounded and repeats merged; the original (rounded) ring if merging leaves < 4. */
function roundRing(ring: number[][]): number[][] {
  const rounded = ring.map(([lng = 0, lat = 0]) => [Math.round(lng * SCALE) / SCALE, Math.round(lat * SCALE) / SCALE]);
  const merged = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1]?.[0] || p[1] !== rounded[i - 1]?.[1]);
  return merged.length >= 4 ? merged : rounded;
}

/** The geometry with screen precision: fewer digits and no repeated positions (rings stay closed). */
export function roundGeometry(geometry: AreaGeometryBody): AreaGeometryBody {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(roundRing)) };
}

/** Features of `level` (default: the level below the scope) within `scope`, with code and name. */
export async function getDashboardMap(
  db: Kysely<Database>,
  county: string,
  scope: string = county,
  level?: OrgLevel,
): Promise<MapFeaturesBody> {
  const target = level ?? LEVEL_BY_LENGTH[Math.min(scope.length + 3, 15)] ?? 'natural_village';
  const problems = levelProblem(scope, target);
  if (problems.length > 0) throw AppError.rules(problems);
  const rows = await repo.listBoundaries(db, county, scope, target);
  if (rows.length === 0 && !(await findOrgUnit(db, county, scope))) throw AppError.notFound(WHAT);
  const features = rows.flatMap((row) => {
    const geometry = bareGeometry(row.boundary);
    if (!geometry) return [];
    return [
      { type: 'Feature' as const, properties: { code: row.code, name: row.name }, geometry: roundGeometry(geometry) },
    ];
  });
  return { type: 'FeatureCollection', features };
}
