/**
 * Things done (办实事) and early warning on the seeded demo county (issue 7 target: things-done p95 ≤ 10 ms): seeds
 * the county with its year of help records and problems into an in-memory PGlite (or a fresh PostgreSQL database
 * with BENCH_DATABASE_URL), then times the county's things-done figures — the first read (grouped queries) and
 * BENCH_RUNS reads over the county, townships and villages (p50/p95) — and the county's early-warning list, cold
 * and remembered. Prints JSON lines. `node bin/run-ts.js bench/things-done.ts`; BENCH_SCALE (default 1);
 * BENCH_WRITE_EVERY (default 50; 0 = none) drops the remembered figures as a county write does;
 * BENCH_DATA_DIR keeps the PGlite database there and reuses it when already seeded (skips the ~1-2 min seed).
 */
import { type Kysely, sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.ts';
import * as repo from '../src/db/repositories/things-done.ts';
import type { Database } from '../src/db/schema.ts';
import { seedDemoCounty } from '../src/demo/index.ts';
import { announce } from '../src/services/county-memo.ts';
import { getThingsDone } from '../src/services/things-done/get-things-done.ts';
import { listWarnings } from '../src/services/warnings/list-warnings.ts';
import { onBenchDatabase } from './lib/databases.ts';

const COUNTY = '340822';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
/** A county write (verification, resolution) every this many reads; 0 for none. */
const WRITE_EVERY = Number(process.env.BENCH_WRITE_EVERY ?? 50);
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const round = (ms: number) => Math.round(ms * 100) / 100;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, round(performance.now() - started)];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function thingsDone(db: Kysely<Database>, backend: string, scopes: string[]): Promise<void> {
  announce(COUNTY, ['thingsDone']);
  const [first, coldMs] = await timed(() => getThingsDone(db, COUNTY, { year: 2020 }));
  print({ name: 'things_done_county_cold', backend, total: first.total, ms: coldMs });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Every 50th read follows a write of the county, as when verifications come in between dashboard views.
    if (WRITE_EVERY > 0 && i % WRITE_EVERY === WRITE_EVERY - 1) announce(COUNTY, ['thingsDone']);
    const within = scopes[i % scopes.length];
    times.push((await timed(() => getThingsDone(db, COUNTY, { within, year: 2020 })))[1]);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 0.95);
  print({
    name: 'things_done_p95',
    backend,
    n: RUNS,
    write_every: WRITE_EVERY,
    p50_ms: percentile(times, 0.5),
    p95_ms: p95,
    target_ms: 10,
  });
}

async function warnings(db: Kysely<Database>, backend: string): Promise<void> {
  announce(COUNTY, ['warnings']);
  const now = new Date('2021-01-01T02:00:00Z'); // the demo's next morning, so 'no help for 60 days' means something
  const [cold, coldMs] = await timed(() => listWarnings(db, COUNTY, {}, 'zh', now));
  print({ name: 'warnings_county_cold', backend, flagged: cold.total, byKind: cold.byKind, ms: coldMs });
  const [, warmMs] = await timed(() => listWarnings(db, COUNTY, { kind: 'low_income', page: 2 }, 'zh', now));
  print({ name: 'warnings_county_remembered', backend, ms: warmMs });
}

/** Each grouped query of the county alone (what a first read after a write costs). */
async function queries(db: Kysely<Database>, backend: string): Promise<void> {
  const list: Array<[string, () => Promise<unknown[]>]> = [
    ['help', () => repo.helpRecordsDone(db, COUNTY, 2020)],
    ['problems', () => repo.problemsDone(db, COUNTY, 2020)],
    ['tallies', () => repo.problemTallies(db, COUNTY)],
  ];
  for (const [name, query] of list) {
    const [rows, ms] = await timed(query);
    print({ name: `things_done_query_${name}`, backend, rows: rows.length, ms });
  }
}

async function run(db: Kysely<Database>, backend: string): Promise<void> {
  await migrateToLatest(db);
  const { rows: seededBefore } = await sql`select 1 from org_unit where level = 'village' limit 1`.execute(db);
  if (seededBefore.length === 0) {
    const [seeded, seedMs] = await timed(() => seedDemoCounty(db, { seed: 20171, scale: SCALE }));
    print({
      name: 'things_done_seed_demo',
      backend,
      helpRecords: seeded.helpRecords,
      problems: seeded.problems,
      problemEvents: seeded.problemEvents,
      history_ms: seeded.historyMs,
      ms: Math.round(seedMs),
    });
  }
  await queries(db, backend);
  const { rows } = await sql<{ code: string }>`
    select code from org_unit where county_code = ${COUNTY} and level in ('county', 'township', 'village')
    order by code limit 40`.execute(db);
  await thingsDone(
    db,
    backend,
    rows.map((r) => r.code),
  );
  await warnings(db, backend);
}

await onBenchDatabase(run, process.env.BENCH_DATA_DIR ?? null);
