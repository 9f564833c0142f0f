/**
 * Grid partition of the whole demo county (issue #5, 组织设置无缝隙): seeds the county into an in-memory
 * PGlite, loads every village as the plan service does (active members, households needing help), partitions each village
 * and prints JSON lines: the time for the county, the grids it gives, and the breaches by code.
 * `node bin/run-ts.js bench/partition.ts`; BENCH_RUNS (default 5) timed runs after one warm-up;
 * BENCH_TARGETS (default 10,12,14) also reports the grid count for other target group sizes.
 */
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { seedDemoCounty } from '../src/demo/index.ts';
import {
  type PartitionOptions,
  type PartitionResult,
  partitionVillage,
  type VillageInput,
} from '../src/domain/partition/index.ts';
import { computePlan } from '../src/services/grids/propose-plan.ts';
import { loadVillageStates, partitionInput } from '../src/services/grids/village-state.ts';

const COUNTY = '340822';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGETS = (process.env.BENCH_TARGETS ?? '10,12,14').split(',').map(Number);
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Every village of the county as the plan service loads it (active members, households needing help). */
async function loadVillages(db: Kysely<Database>): Promise<VillageInput[]> {
  return (await loadVillageStates(db, COUNTY, COUNTY)).map(partitionInput);
}

/** Partitions every village once; wall time of the county and of each village. */
function partitionCounty(villages: readonly VillageInput[], options: PartitionOptions) {
  const perVillage: number[] = [];
  const results: PartitionResult[] = [];
  const started = performance.now();
  for (const village of villages) {
    const t = performance.now();
    results.push(partitionVillage(village, options));
    perVillage.push(performance.now() - t);
  }
  return { ms: performance.now() - started, perVillage: perVillage.sort((a, b) => a - b), results };
}

/** Grid sizes, bounds, breaches and leaders of one county run. */
function describe(villages: readonly VillageInput[], results: readonly PartitionResult[], options: PartitionOptions) {
  const [min, max] = [options.minMembers ?? 3, options.maxMembers ?? 15];
  const sizes = results.flatMap((r) => r.grids.map((g) => g.members.length)).sort((a, b) => a - b);
  const byCode: Record<string, number> = {};
  const gridsByCode: Record<string, number> = {};
  let leaderlessWhereVillageHadOne = 0;
  results.forEach((r, i) => {
    for (const code of new Set(r.breaches.map((b) => b.code))) byCode[code] = (byCode[code] ?? 0) + 1;
    for (const b of r.breaches) gridsByCode[b.code] = (gridsByCode[b.code] ?? 0) + 1;
    const villageHasLeader = villages[i]!.naturalVillages.some((nv) => nv.members.some((m) => m.eligibleToLead));
    if (villageHasLeader) leaderlessWhereVillageHadOne += r.grids.filter((g) => g.leaderCandidates.length === 0).length;
  });
  return {
    grids: sizes.length,
    members: sizes.reduce((a, b) => a + b, 0),
    members_per_grid: { min: sizes[0] ?? 0, median: quantile(sizes, 0.5), max: sizes.at(-1) ?? 0 },
    within_bounds_share: round2(sizes.filter((s) => s >= min && s <= max).length / Math.max(1, sizes.length)),
    split_natural_villages: new Set(results.flatMap((r) => r.grids.flatMap((g) => g.parts ?? []).map((p) => p.code)))
      .size,
    exact_villages: results.filter((r) => r.score.method === 'exact').length,
    breaches: {
      villages_with_breaches: results.filter((r) => r.breaches.length > 0).length,
      villages_by_code: byCode,
      grids_by_code: gridsByCode,
      leaderless_grids_where_village_had_a_leader: leaderlessWhereVillageHadOne,
    },
  };
}

/** Seeds the county and loads its villages, printing how long each took. */
async function prepare(db: Kysely<Database>): Promise<VillageInput[]> {
  await migrateToLatest(db);
  const seeded = await seedDemoCounty(db, { seed: 20171 });
  print({ name: 'partition_seed_demo', n: seeded.members, ms: Math.round(seeded.ms), villages: seeded.villages });
  const started = performance.now();
  const villages = await loadVillages(db);
  const naturalVillages = villages.reduce((s, v) => s + v.naturalVillages.length, 0);
  print({ name: 'partition_load', n: villages.length, ms: Math.round(performance.now() - started), naturalVillages });
  return villages;
}

/** The county with the default options: time (median of RUNS after a cold run), grids, breaches. */
function reportDefault(villages: readonly VillageInput[]): void {
  const cold = partitionCounty(villages, {}); // also pays for compiling the code
  const runs = Array.from({ length: RUNS }, () => partitionCounty(villages, {}));
  const totals = runs.map((r) => r.ms).sort((a, b) => a - b);
  const last = runs.at(-1)!;
  print({
    name: 'partition_county',
    n: villages.length,
    ms: round2(quantile(totals, 0.5)),
    p50_ms: round2(quantile(totals, 0.5)),
    p95_ms: round2(quantile(totals, 0.95)),
    cold_ms: round2(cold.ms),
    village_p50_ms: round2(quantile(last.perVillage, 0.5)),
    village_p95_ms: round2(quantile(last.perVillage, 0.95)),
    village_max_ms: round2(last.perVillage.at(-1) ?? 0),
    runs: RUNS,
    rss_mb: rssMb(),
  });
  const { breaches, ...grids } = describe(villages, last.results, {});
  print({ name: 'partition_county_grids', n: villages.length, ...grids });
  print({ name: 'partition_county_breaches', n: villages.length, ...breaches });
}

/** Grid counts the county gets when groups aim at other sizes. */
function reportTargets(villages: readonly VillageInput[]): void {
  for (const targetMembers of TARGETS) {
    const run = partitionCounty(villages, { targetMembers });
    const { grids, members_per_grid, within_bounds_share } = describe(villages, run.results, { targetMembers });
    print({
      name: `partition_target_${targetMembers}`,
      n: villages.length,
      ms: round2(run.ms),
      grids,
      members_per_grid,
      within_bounds_share,
    });
  }
}

const handle = await openDatabase({ dataDir: null, pgliteThread: 'inline' });
try {
  const villages = await prepare(handle.db);
  reportDefault(villages);
  reportTargets(villages);
  // The whole use case behind "propose a plan for the county": load, partition, diff against current grids.
  const started = performance.now();
  const plan = await computePlan(handle.db, COUNTY, COUNTY);
  print({
    name: 'partition_plan_county',
    n: plan.summary.villages,
    ms: Math.round(performance.now() - started),
    ...plan.summary,
  });
} finally {
  await handle.close();
}
