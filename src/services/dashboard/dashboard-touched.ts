/**
 * What registry writes call after they commit: refresh the dashboard summary of the natural villages they
 * touched. The write has already succeeded, so a failed refresh must not turn it into an error (a client would
 * retry and register twice); instead the county is marked stale and the next dashboard read recomputes it whole.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { refreshDashboardSummary } from './refresh-dashboard-summary.ts';

const stale = new Set<string>();

/** Per database and county: the refresh in progress, and the one queued behind it that later writers join. */
const runs = new WeakMap<
  Kysely<Database>,
  Map<string, { running: Promise<void>; queued?: { codes: Set<string>; done: Promise<void> } }>
>();

/**
 * Refreshes the summary for the natural villages a committed write touched (a move touches two: pass the old
 * and the new code). Never throws. Refreshes of a county coalesce: while one runs, the writers that commit
 * meanwhile share the next one, for all their villages at once — so they wait for at most one refresh instead of
 * queuing on the county's summary lock one by one (each holding a pooled connection while it waits).
 */
export function dashboardTouched(
  db: Kysely<Database>,
  county: string,
  naturalVillageCodes: readonly (string | null | undefined)[],
): Promise<void> {
  const codes = naturalVillageCodes.filter((c): c is string => typeof c === 'string');
  if (codes.length === 0) return Promise.resolve();
  const counties = runs.get(db) ?? new Map();
  runs.set(db, counties);
  const state = counties.get(county);
  if (state?.queued) {
    for (const code of codes) state.queued.codes.add(code);
    return state.queued.done;
  }
  const batch = { codes: new Set(codes), done: Promise.resolve() };
  batch.done = (state?.running ?? Promise.resolve()).then(async () => {
    const current = counties.get(county);
    if (current?.queued === batch) current.queued = undefined;
    try {
      await refreshDashboardSummary(db, county, [...batch.codes]);
    } catch (error) {
      stale.add(county);
      process.emitWarning(`dashboard summary of ${county} left stale: ${String((error as Error)?.message ?? error)}`);
    }
  });
  const entry = { running: batch.done, queued: batch };
  counties.set(county, entry);
  void batch.done.finally(() => {
    if (counties.get(county) === entry) counties.delete(county);
  });
  return batch.done;
}

/** Recomputes the county whole if an earlier refresh failed in this process. */
export async function ensureFresh(db: Kysely<Database>, county: string): Promise<void> {
  if (!stale.has(county)) return;
  await refreshDashboardSummary(db, county);
  stale.delete(county);
}
