/**
 * The only file that listens. Opens the database (PGlite in a worker thread, or PostgreSQL), applies
 * migrations, seeds the demo county in a child process when the database is empty, then serves the API.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { enterApplicationRole } from './db/app-role.ts';
import { type DatabaseHandle, databaseOptionsFromEnv, openDatabase } from './db/kysely.ts';
import { migrateToLatest } from './db/migrate.ts';
import { unfinishedSeeds } from './demo/completion.ts';
import { buildApp } from './http/app.ts';
import { loadBusinessClock } from './services/clock/business-clock.ts';
import { sweepMinutesFromEnv } from './services/problems/sweep-scheduler.ts';

export interface ServeOptions {
  port: number;
  host: string;
  /** Seed the demo county when the database has no org units (default true). */
  seedDemo: boolean;
  /** Fastify logger: false, true, or pino options. */
  logger?: boolean | Record<string, unknown>;
}

const CLI = fileURLToPath(new URL('../bin/lianxin.js', import.meta.url));

/**
 * Seeding runs in its own process: PGlite's WASM memory never shrinks, so a server that seeded in-process
 * would keep the seed's peak memory for good (DESIGN.md §7), and the HTTP thread would stall meanwhile.
 */
function seedInChildProcess(): void {
  const run = spawnSync(process.execPath, [CLI, 'seed', '--demo', '--if-empty'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the demo seed step failed (exit ${run.status}; see above): not serving`);
}

/**
 * A demo seed that stopped half-way (killed during the first `npm start`) left a county without accounts,
 * grids or pairings: serving it would look like a broken product. `serve` (with seeding) redoes it first; this
 * catches `--no-seed`, a seed that is still running, and a seed that failed again.
 */
async function refuseUnfinishedSeeds(database: DatabaseHandle): Promise<void> {
  const stopped = await unfinishedSeeds(database.db);
  if (stopped.length === 0) return;
  await database.close();
  const counties = stopped.map((s) => `${s.countyCode} (started ${s.marker.since} by process ${s.marker.pid})`);
  throw new Error(
    `the demo seed of county ${counties.join(', ')} has not finished: a half-seeded demo is not served. ` +
      'Run `lianxin seed --demo` (or `lianxin serve` without --no-seed) to remove it and seed it again.',
  );
}

export async function startServer(options: ServeOptions) {
  if (options.seedDemo) seedInChildProcess();
  const database = await openDatabase({ ...databaseOptionsFromEnv(), pgliteThread: 'worker' });
  await migrateToLatest(database.db);
  await refuseUnfinishedSeeds(database);
  await enterApplicationRole(database); // no DELETE of append-only rows, even by raw SQL (app-role.ts)
  // Before any route or the sweep runs: the demo county's business clock (real time when not anchored).
  const clock = await loadBusinessClock(database.db);
  if (clock.demoClock) console.error(`Demo clock on: business date ${clock.today} (lianxin clock --real turns it off)`);
  const app = await buildApp({ database, logger: options.logger ?? true, sweepMinutes: sweepMinutesFromEnv() });
  const close = async () => {
    await app.close();
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      close().finally(() => process.exit(0));
    });
  }
  const address = await app.listen({ port: options.port, host: options.host });
  return { app, database, address, close };
}
