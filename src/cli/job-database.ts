/**
 * Opens the configured database for a batch job (PGlite inline) with migrations applied and the business clock
 * loaded (jobs such as the sweep, stats and match decide business dates), and closes it after.
 */
import { enterApplicationRole } from '../db/app-role.ts';
import { type DatabaseHandle, databaseOptionsFromEnv, openDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadBusinessClock } from '../services/clock/business-clock.ts';

export async function withJobDatabase<T>(job: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase({ ...databaseOptionsFromEnv(), pgliteThread: 'inline' });
  try {
    await migrateToLatest(database.db);
    await enterApplicationRole(database);
    await loadBusinessClock(database.db);
    return await job(database);
  } finally {
    await database.close();
  }
}
