/** Fresh benchmark databases: a temporary PGlite directory, or a new database on the PostgreSQL server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/kysely.ts';
import type { Database } from '../../src/db/schema.ts';

export const PG_URL =
  process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  backend: 'pglite' | 'postgres';
  /** Environment that points lianxin at this database. */
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/** True when the PostgreSQL server answers. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await admin('select 1');
    return true;
  } catch {
    return false;
  }
}

export async function freshDatabase(backend: 'pglite' | 'postgres'): Promise<BenchDatabase> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-'));
    return {
      backend,
      env: { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `lianxin_bench_${process.pid}`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    backend,
    env: { DATABASE_URL: url.toString() },
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/**
 * Runs `run` on a fresh PostgreSQL database when BENCH_DATABASE_URL is set (dropped afterwards), else on an
 * in-process PGlite (in memory, or `pgliteDataDir`).
 */
export async function onBenchDatabase(
  run: (db: Kysely<Database>, backend: 'pglite' | 'postgres') => Promise<void>,
  pgliteDataDir: string | null = null,
): Promise<void> {
  const fresh = process.env.BENCH_DATABASE_URL ? await freshDatabase('postgres') : null;
  const handle = fresh
    ? await openDatabase({ databaseUrl: fresh.env.DATABASE_URL as string, pgliteThread: 'inline' })
    : await openDatabase({ dataDir: pgliteDataDir, pgliteThread: 'inline' });
  try {
    await run(handle.db, fresh ? 'postgres' : 'pglite');
  } finally {
    await handle.close();
    await fresh?.drop();
  }
}
