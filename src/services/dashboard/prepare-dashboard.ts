/**
 * After a bulk load (the demo seed, later the Excel import): draw the county's boundaries and summarise its
 * registries for the dashboard, in that order so a failure to summarise leaves the map usable.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { generateBoundaries } from '../boundaries/generate-boundaries.ts';
import { refreshDashboardSummary } from './refresh-dashboard-summary.ts';

/** Generates boundaries (keeping imported ones) and recomputes the whole summary of `county`. */
export async function prepareDashboard(db: Kysely<Database>, county: string): Promise<void> {
  await generateBoundaries(db, county);
  await refreshDashboardSummary(db, county);
}
