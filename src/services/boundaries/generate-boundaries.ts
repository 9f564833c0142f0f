/**
 * Generates plausible boundaries for a county that has only points: villages and natural villages get Voronoi
 * cells (territories.ts), townships the union of their villages' cells (dissolve.ts) and the county its outline. Stored once as GeoJSON in org_unit.boundary, marked `generated`, so the map needs no tile
 * server and no work per request. Boundaries imported from real data are kept unless asked otherwise.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/dashboard.ts';
import type { Database } from '../../db/schema.ts';
import { dissolve } from './dissolve.ts';
import { toGeometry } from './geojson.ts';
import type { Ring } from './planar.ts';
import { territories } from './territories.ts';

export interface GenerateOptions {
  /** Overwrite imported (real) boundaries too; default false. */
  replaceImported?: boolean;
}

export interface GeneratedCounts {
  naturalVillages: number;
  villages: number;
  townships: number;
  county: number;
  /** Units skipped because they hold an imported boundary. */
  keptImported: number;
}

/** Cells grouped by the first `length` digits of their code. */
function groupCells(cells: Map<string, Ring>, length: number): Map<string, Ring[]> {
  const groups = new Map<string, Ring[]>();
  for (const [code, ring] of cells) {
    const key = code.slice(0, length);
    const list = groups.get(key) ?? [];
    list.push(ring);
    groups.set(key, list);
  }
  return groups;
}

/**
 * Computes and stores the boundaries of every unit of `county` from its natural villages' positions.
 * A county with fewer than three positioned natural villages gets none (nothing plausible can be drawn).
 */
export async function generateBoundaries(
  db: Kysely<Database>,
  county: string,
  options: GenerateOptions = {},
): Promise<GeneratedCounts> {
  const counts: GeneratedCounts = { naturalVillages: 0, villages: 0, townships: 0, county: 0, keptImported: 0 };
  const sites = await repo.listNaturalVillagePoints(db, county);
  if (sites.length < 3) return counts;
  const { outline, villages, naturalVillages } = territories(sites);
  const keep = new Set(options.replaceImported ? [] : await repo.listImportedBoundaries(db, county));
  const rows: { code: string; boundary: string }[] = [];
  const add = (code: string, geometry: object, level: keyof Omit<GeneratedCounts, 'keptImported'>) => {
    if (keep.has(code)) {
      counts.keptImported++;
      return;
    }
    rows.push({ code, boundary: JSON.stringify(geometry) });
    counts[level]++;
  };
  for (const [code, ring] of naturalVillages) add(code, toGeometry([[ring]], true), 'naturalVillages');
  for (const [code, ring] of villages) add(code, toGeometry([[ring]], true), 'villages');
  for (const [code, group] of groupCells(villages, 9)) add(code, toGeometry(dissolve(group), true), 'townships');
  add(county, toGeometry([[outline]], true), 'county');
  // A unit that gets no cell this time (moved, or no longer positioned) must not keep its old one.
  await db.transaction().execute(async (tx) => {
    await repo.clearGeneratedBoundaries(tx, county);
    await repo.writeBoundaries(tx, county, rows);
  });
  return counts;
}
