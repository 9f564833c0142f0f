/** Opens the configured database for a batch job (PGlite inline) with migrations applied, and closes it after. */
import { type DatabaseHandle, databaseOptionsFromEnv, openDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrate.ts';

export async function withJobDatabase<T>(job: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase({ ...databaseOptionsFromEnv(), pgliteThread: 'inline' });
  try {
    await migrateToLatest(database.db);
    return await job(database);
  } finally {
    await database.close();
  }
}
