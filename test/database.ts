/**
 * A fresh, migrated database per test file, on the backend the vitest project names
 * (LIANXIN_TEST_BACKEND = pglite | postgres). On PostgreSQL each call creates its own database and drops it
 * on close, so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

export const testBackend = (process.env.LIANXIN_TEST_BACKEND ?? 'pglite') as 'pglite' | 'postgres';

async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/** Opens a new empty database with every migration applied. Close it in afterAll. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testBackend === 'pglite') {
    const handle = await openDatabase({ dataDir: null, pgliteThread: 'inline' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set for the PostgreSQL suite');
  const name = `lianxin_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
