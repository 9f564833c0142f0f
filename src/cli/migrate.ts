import { databaseOptionsFromEnv, openDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** `lianxin migrate`: applies pending migrations and lists them. */
export async function migrateCommand(): Promise<void> {
  const database = await openDatabase({ ...databaseOptionsFromEnv(), pgliteThread: 'inline' });
  try {
    const results = await migrateToLatest(database.db);
    for (const r of results) console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`);
    console.log(results.length === 0 ? `${database.location}: schema is up to date` : `${database.location}: done`);
  } finally {
    await database.close();
  }
}
