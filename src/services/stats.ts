/** Headline counts of the registries, for one county or the whole database. */
import type { Kysely } from 'kysely';
import { monitoringCounts } from '../db/repositories/monitoring.ts';
import { registryCounts } from '../db/repositories/stats.ts';
import type { Database } from '../db/schema.ts';
import { businessNow } from '../domain/clock.ts';

export interface RegistryStats {
  townships: number;
  villages: number;
  naturalVillages: number;
  grids: number;
  partyGroups: number;
  members: number;
  households: number;
  householdsPoor: number;
  householdsExited: number;
  householdsMonitored: number;
  persons: number;
  /** Current pairings (not ended). */
  pairings: number;
  /** Help records (帮扶纪实) of any status. */
  helpRecords: number;
  /** Problems resolved or closed; still being handled; of those, past their level's deadline. */
  problemsResolved: number;
  problemsOpen: number;
  problemsOverdue: number;
  /** Monitoring cases open now, cleared (风险消除) ever, and open ones by category. */
  monitoringOpen: number;
  monitoringCleared: number;
  monitoringByCategory: Record<string, number>;
}

/**
 * One round trip of sub-selects; `county` undefined counts every county in the database. Current grids only.
 * Overdue is judged at `now` (business time).
 */
export async function registryStats(
  db: Kysely<Database>,
  county?: string,
  now: Date = businessNow(),
): Promise<RegistryStats> {
  const [counts, monitoring] = await Promise.all([
    registryCounts(db, county, now.toISOString()),
    monitoringCounts(db, county),
  ]);
  return {
    ...counts,
    monitoringOpen: monitoring.open,
    monitoringCleared: monitoring.cleared,
    monitoringByCategory: monitoring.byCategory,
  };
}
