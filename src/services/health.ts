/** What /api/health reports about the database. */
import type { Kysely } from 'kysely';
import { pingDatabase } from '../db/availability.ts';
import type { Database } from '../db/schema.ts';

/** Longest a health probe waits for the database before calling it unavailable. */
const PROBE_TIMEOUT_MS = 3_000;

/**
 * 'up' when a `select 1` answers within PROBE_TIMEOUT_MS, else 'unavailable' (refused, dropped, or hanging: a
 * probe that never answers must not hang the health check with it).
 */
export async function databaseHealth(db: Kysely<Database>): Promise<'up' | 'unavailable'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'unavailable'>((resolve) => {
    timer = setTimeout(() => resolve('unavailable'), PROBE_TIMEOUT_MS);
  });
  const probe = pingDatabase(db).then(
    () => 'up' as const,
    () => 'unavailable' as const,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
