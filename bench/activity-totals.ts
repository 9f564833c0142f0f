/**
 * Organisational life on the seeded demo county (issue 15): `activityTotals` for the county's year (what
 * `lianxin stars` and the dashboard call) and the compliance view by township and by group, right after an
 * activity write (recomputed) and remembered, BENCH_RUNS times each (p50/p95), plus the seed's activity rows. Seeds the county into an in-memory PGlite (or a fresh
 * PostgreSQL database with BENCH_DATABASE_URL); BENCH_DATA_DIR keeps the PGlite database there and reuses it when
 * already seeded. Prints JSON lines. `node bin/run-ts.js bench/activity-totals.ts`; BENCH_SCALE (default 1).
 */
import { type Kysely, sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { seedDemoCounty } from '../src/demo/index.ts';
import { announce } from '../src/services/county-memo.ts';
import { activityTotals } from '../src/services/party-activities/activity-totals.ts';
import { complianceByScope } from '../src/services/party-activities/compliance.ts';
import { onBenchDatabase } from './lib/databases.ts';

const COUNTY = '340822';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TODAY = '2020-12-31';
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const round = (ms: number) => Math.round(ms * 100) / 100;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, round(performance.now() - started)];
}

/**
 * `work` after an activity write (the county's figures recomputed: `cold`, and p50/p95 of RUNS reads that each
 * follow a write) and remembered (p50/p95 of RUNS reads with nothing written between).
 */
async function series(name: string, backend: string, work: () => Promise<unknown>): Promise<void> {
  const stats = async (written: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (written) announce(COUNTY, ['activities']);
      times.push((await timed(work))[1]);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
    return { p50_ms: at(0.5), p95_ms: at(0.95) };
  };
  announce(COUNTY, ['activities']);
  const [, coldMs] = await timed(work);
  print({ name: `${name}_after_write`, backend, n: RUNS, cold_ms: coldMs, ...(await stats(true)) });
  print({ name: `${name}_remembered`, backend, n: RUNS, ...(await stats(false)) });
}

async function run(db: Kysely<Database>, backend: string): Promise<void> {
  await migrateToLatest(db);
  const { rows: seededBefore } = await sql`select 1 from org_unit where level = 'village' limit 1`.execute(db);
  if (seededBefore.length === 0) {
    const [seeded, seedMs] = await timed(() => seedDemoCounty(db, { seed: 20171, scale: SCALE }));
    print({
      name: 'activities_seed_demo',
      backend,
      activities: seeded.activities,
      attendance: seeded.attendance,
      ms: Math.round(seedMs),
    });
  }
  const totals = await activityTotals(db, COUNTY, 2020, TODAY);
  print({ name: 'activity_totals_2020', backend, ...totals });
  await series('activity_totals_county', backend, () => activityTotals(db, COUNTY, 2020, TODAY));
  await series('compliance_by_township', backend, () => complianceByScope(db, COUNTY, { year: 2020, by: 'township' }));
  await series('compliance_by_group', backend, () => complianceByScope(db, COUNTY, { year: 2020, by: 'group' }));
}

await onBenchDatabase(run, process.env.BENCH_DATA_DIR ?? null);
