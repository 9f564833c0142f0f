/**
 * Stores a real boundary (from a survey or the civil-affairs department) for one org unit, replacing the
 * generated one. Checks what the schema cannot: coordinate ranges, closed rings and size.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/dashboard.ts';
import { findOrgUnit } from '../../db/repositories/org-units.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { AreaGeometryBody, BoundaryImportBody } from '../../shared/schemas/dashboard.ts';
import { write } from '../write.ts';
import { geometryProblems, MAX_POSITIONS, sizeOf } from './geojson.ts';

const WHAT = { zh: '区划', en: 'org unit' };

/** Longitude and latitude only: altitude means nothing on this map and would only add weight. */
function flatten(geometry: AreaGeometryBody): AreaGeometryBody {
  const ring = (r: number[][]) => r.map((p) => [p[0] as number, p[1] as number]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

/**
 * Replaces the boundary of `code` with `body` (a Polygon or MultiPolygon, bare or as a Feature).
 * @throws AppError not_found (unknown unit), payload_too_large (> MAX_POSITIONS), rule_violation (bad rings).
 */
export async function importBoundary(db: Kysely<Database>, county: string, code: string, body: BoundaryImportBody) {
  const geometry = body.type === 'Feature' ? body.geometry : body;
  const size = sizeOf(geometry);
  if (size.positions > MAX_POSITIONS) {
    throw new AppError('payload_too_large', {
      zh: `边界最多 ${MAX_POSITIONS} 个坐标点，收到 ${size.positions} 个`,
      en: `A boundary may have at most ${MAX_POSITIONS} positions; got ${size.positions}`,
    });
  }
  const problems = geometryProblems(geometry);
  if (problems.length > 0) throw AppError.rules(problems);
  if (!(await findOrgUnit(db, county, code))) throw AppError.notFound(WHAT);
  await write(db, county, async (ctx) => {
    await repo.writeBoundaries(ctx.tx, county, [{ code, boundary: JSON.stringify(flatten(geometry)) }]);
    ctx.audit({
      action: 'org_unit.boundary',
      table: 'org_unit',
      recordId: code,
      orgCode: code,
      diff: { boundary: [null, size] },
    });
  });
  return { code, type: geometry.type, ...size };
}
