/**
 * A fresh, migrated database per test file, on the backend the vitest project names
 * (LIANXIN_TEST_BACKEND = pglite | postgres). On PostgreSQL each call creates its own database and drops it
 * on close, so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { enterApplicationRole } from '../src/db/app-role.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';

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

/** A new empty database for a child process (the CLI): the environment that points at it, and its removal. */
export async function createTestDatabaseEnv(): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  if (testBackend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'lianxin-test-'));
    return {
      env: { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { name, url } = await createPostgresDatabase();
  return { env: { DATABASE_URL: url }, drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

async function createPostgresDatabase(): Promise<{ name: string; url: string }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set for the PostgreSQL suite');
  const name = `lianxin_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/**
 * Opens a new empty database with every migration applied, running as the application's role (as the server
 * does) unless `asOwner` (tests of the migrations themselves). Close it in afterAll.
 */
export async function createTestDatabase(options: { asOwner?: boolean } = {}): Promise<DatabaseHandle> {
  const enter = (handle: DatabaseHandle) => (options.asOwner ? undefined : enterApplicationRole(handle));
  if (testBackend === 'pglite') {
    const handle = await openDatabase({ dataDir: null, pgliteThread: 'inline' });
    await migrateToLatest(handle.db);
    await enter(handle);
    return handle;
  }
  const { name, url } = await createPostgresDatabase();
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await migrateToLatest(handle.db);
  await enter(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Runs `work` in a transaction as the database owner (SET LOCAL ROLE NONE, undone at its end): for set-up and
 * clean-up the application's role may not do, such as removing a test's rows or tampering with the audit trail.
 */
export function asOwner<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local role none`.execute(tx);
    return work(tx);
  });
}
