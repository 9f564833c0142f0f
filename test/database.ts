/**
 * A fresh, migrated database per test file, on the backend the vitest project names
 * (LIANXIN_TEST_BACKEND = pglite | postgres). The migrations run once per run into a template
 * (test/template-setup.ts) that each file clones: PGlite loads the template's data directory, PostgreSQL
 * creates the file's own database from the template and drops it on close, so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { enterApplicationRole } from '../src/db/app-role.ts';
import { type DatabaseHandle, openDatabase, pgliteHandle } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { pgliteOptions } from '../src/db/pglite-options.ts';
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

/** A new PostgreSQL database, empty or a copy of `template`. */
async function createPostgresDatabase(template?: string): Promise<{ name: string; url: string }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set for the PostgreSQL suite');
  const name = `lianxin_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** PGlite in memory, started from the migrated template's data directory (as kysely.ts opens it in memory). */
async function openPgliteFromTemplate(): Promise<DatabaseHandle> {
  const loadDataDir = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const pglite = new PGlite({ ...pgliteOptions(undefined), loadDataDir });
  await pglite.waitReady;
  return pgliteHandle(pglite, 'memory');
}

/**
 * Opens a new database with every migration applied, running as the application's role (as the server does)
 * unless `asOwner` (tests of the migrations themselves). It is a copy of the run's migrated template unless
 * `fromScratch`, which applies every migration to an empty database. Close it in afterAll.
 */
export async function createTestDatabase(
  options: { asOwner?: boolean; fromScratch?: boolean } = {},
): Promise<DatabaseHandle> {
  const enter = (handle: DatabaseHandle) => (options.asOwner ? undefined : enterApplicationRole(handle));
  if (testBackend === 'pglite') {
    if (!options.fromScratch) {
      const handle = await openPgliteFromTemplate();
      await enter(handle);
      return handle;
    }
    const handle = await openDatabase({ dataDir: null, pgliteThread: 'inline' });
    await migrateToLatest(handle.db);
    await enter(handle);
    return handle;
  }
  const { name, url } = await createPostgresDatabase(options.fromScratch ? undefined : inject('postgresTemplate'));
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  if (options.fromScratch) await migrateToLatest(handle.db);
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
