/**
 * The one place that chooses the database: a PostgreSQL server when DATABASE_URL is set, otherwise embedded
 * PGlite stored under ./data/db (LIANXIN_DATA_DIR overrides). The server runs PGlite in a worker thread;
 * batch jobs and tests may run it inline (on their own thread) since nothing else waits on them.
 */
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PoolRole, setSessionRole } from './app-role.ts';
import { withAuditSeal } from './audit-seal-dialect.ts';
import { type PGliteLike, pgliteSessionDialect } from './pglite-driver.ts';
import { lockDataDir } from './pglite-lock.ts';
import { openFailure, prepareDataDir } from './pglite-open.ts';
import { pgliteOptions, TYPE_PARSERS } from './pglite-options.ts';
import { PGliteWorkerClient } from './pglite-worker-client.ts';
import { preparedPool } from './prepared-pool.ts';
import type { Database } from './schema.ts';

export type Backend = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  backend: Backend;
  /** Where the data lives, for messages: the PostgreSQL URL without password, or the PGlite directory. */
  location: string;
  close(): Promise<void>;
  /** Runs every later query as `role` (see app-role.ts: call enterApplicationRole after migrating). */
  enterRole(role: string): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `null` keeps the database in memory (tests). */
  dataDir?: string | null;
  /** 'worker' (server) keeps PGlite off the calling thread; 'inline' runs it here (jobs, tests). */
  pgliteThread?: 'worker' | 'inline';
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/** Reads the database choice from the environment (DATABASE_POOL_SIZE: PostgreSQL connections, 1–100). */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  const poolSize = Number(env.DATABASE_POOL_SIZE);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.LIANXIN_DATA_DIR || 'data/db'),
    ...(Number.isInteger(poolSize) && poolSize >= 1 && poolSize <= 100 ? { poolSize } : {}),
  };
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = TYPE_PARSERS[oid];
    return parser ?? pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Longest wait for a new PostgreSQL connection before the request fails as 'database unavailable'. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * Longest wait for a free connection (a full backlog answers 503). pg's pool allowed 5 s for each of a request's
 * 3–4 checkouts; with the oldest request served first (checkout-order.ts) a request does its queueing at its
 * first checkout, so it gets the same total at once.
 */
const CHECKOUT_WAIT_MS = 15_000;

/** Opens the chosen database. Migrations are not applied here (see migrate.ts). */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const size = options.poolSize ?? 10;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: size,
      types: pgTypes,
      // A server that does not answer (down host, full backlog) fails the request with 503 instead of holding it.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle connection the server closes (restart, admin termination) must not crash the process: the pool
    // drops it and opens a new one on the next query.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`));
    const role = new PoolRole();
    const dialect = withAuditSeal(
      new PostgresDialect({ pool: preparedPool(pool, role.apply, size, CHECKOUT_WAIT_MS) }),
    );
    const db = new Kysely<Database>({ dialect });
    const location = options.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return { db, backend: 'postgres', location, close: () => db.destroy(), enterRole: async (r) => role.use(r) };
  }
  const dataDir = options.dataDir ?? undefined;
  if (!dataDir) return openPglite(undefined, options.pgliteThread);
  prepareDataDir(dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    const handle = await openPglite(dataDir, options.pgliteThread);
    return { ...handle, close: () => handle.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw openFailure(dataDir, error);
  }
}

/** PGlite in memory (no directory) or in a checked, locked directory. */
async function openPglite(dataDir: string | undefined, thread: OpenOptions['pgliteThread']): Promise<DatabaseHandle> {
  const pglite = thread === 'worker' ? new PGliteWorkerClient(dataDir) : new PGlite(pgliteOptions(dataDir));
  try {
    await pglite.waitReady;
  } catch (error) {
    await pglite.close().catch(() => {});
    throw error;
  }
  return pgliteHandle(pglite, dataDir ?? 'memory');
}

/** The handle over a started PGlite (in a worker or inline), sealing audit entries after each commit. */
export function pgliteHandle(pglite: PGliteLike, location: string): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: withAuditSeal(pgliteSessionDialect(pglite)) });
  const enterRole = (role: string) => setSessionRole(db, role);
  return { db, backend: 'pglite', location, close: () => db.destroy(), enterRole };
}
