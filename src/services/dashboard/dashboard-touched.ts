/**
 * What registry writes call after they commit: refresh the dashboard summary of the natural villages they
 * touched. The write has already succeeded, so a failed refresh must not turn it into an error (a client would
 * retry and register twice); instead the county is marked stale and the next dashboard read recomputes it whole.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { refreshDashboardSummary } from './refresh-dashboard-summary.ts';

const stale = new Set<string>();

/**
 * Refreshes the summary for the natural villages a committed write touched (a move touches two: pass the old
 * and the new code). Never throws.
 */
export async function dashboardTouched(
  db: Kysely<Database>,
  county: string,
  naturalVillageCodes: readonly (string | null | undefined)[],
): Promise<void> {
  const codes = naturalVillageCodes.filter((c): c is string => typeof c === 'string');
  try {
    await refreshDashboardSummary(db, county, codes);
  } catch (error) {
    stale.add(county);
    process.emitWarning(`dashboard summary of ${county} left stale: ${String((error as Error)?.message ?? error)}`);
  }
}

/** Recomputes the county whole if an earlier refresh failed in this process. */
export async function ensureFresh(db: Kysely<Database>, county: string): Promise<void> {
  if (!stale.has(county)) return;
  await refreshDashboardSummary(db, county);
  stale.delete(county);
}
