/**
 * Party life's assessment on the seeded demo county (issue 15 targets): the recompute of a county-year's points
 * and stars (≤ 2 s on PGlite), a member's points page through the API (p95 ≤ 25 ms) and the star board (p95 ≤
 * 10 ms, a remembered summary), each beside a constant route of the same app in the same run, so a loaded machine
 * shows as a ratio. Requests go through the real app in-process (`app.inject`, signed in as a county admin: the
 * routes pay for authentication, the scope check and the response schema). Prints JSON lines.
 * `node bin/run-ts.js bench/party-life.ts`; BENCH_DATA_DIR reuses a seeded PGlite directory (else a fresh
 * in-memory seed, ~4–7 min); BENCH_DATABASE_URL runs on PostgreSQL; BENCH_RUNS (default 300), BENCH_RECOMPUTES (5).
 */
import { cpus, loadavg } from 'node:os';
import { type Kysely, sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.ts';
import { activeMembers } from '../src/db/repositories/stars.ts';
import type { Database } from '../src/db/schema.ts';
import { seedDemoCounty } from '../src/demo/index.ts';
import { buildApp } from '../src/http/app.ts';
import { recomputeYear } from '../src/services/assessment/recompute-year.ts';
import { announce } from '../src/services/county-memo.ts';
import { benchSession } from './lib/bench-session.ts';
import { onBenchDatabase } from './lib/databases.ts';

const COUNTY = '340822';
const YEAR = 2020;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const RECOMPUTES = Number(process.env.BENCH_RECOMPUTES ?? 5);
const print = (line: Record<string, unknown>) =>
  console.log(JSON.stringify({ ...line, load1: Math.round((loadavg()[0] ?? 0) * 100) / 100, cores: cpus().length }));
const round = (ms: number) => Math.round(ms * 100) / 100;
/**
 * This process's CPU time since `before` (user + system), in ms. PGlite runs in this thread, so it counts the
 * database's work too; unlike wall time it barely moves when other sessions load the machine.
 */
const cpuMs = (before: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50_ms: round(percentile(sorted, 0.5)), p95_ms: round(percentile(sorted, 0.95)) };
}

/**
 * The recompute as in use (the records changed little since the last one: the first run after opening the
 * database is the cold one), then with every member's stored result made stale first (outside the timing), as
 * after a rule change that moves every score: the store then writes all 21,000 rows of both tables.
 */
async function recomputes(db: Kysely<Database>, backend: string): Promise<void> {
  for (const allChanged of [false, true]) {
    const times: number[] = [];
    const cpu: number[] = [];
    let last = null;
    for (let i = 0; i < RECOMPUTES; i++) {
      if (allChanged)
        await sql`update star_rating set score = -1 where county_code = ${COUNTY} and year = ${YEAR}`.execute(db);
      const [started, cpuBefore] = [performance.now(), process.cpuUsage()];
      last = await recomputeYear(db, COUNTY, YEAR);
      times.push(performance.now() - started);
      cpu.push(cpuMs(cpuBefore));
    }
    print({
      name: allChanged ? 'party_life_recompute_county_all_rows_changed' : 'party_life_recompute_county',
      backend,
      members: last?.members,
      rated: last?.rated,
      byStars: last?.byStars,
      first_ms: round(times[0] ?? 0),
      ...stats(times),
      first_cpu_ms: round(cpu[0] ?? 0),
      cpu_p50_ms: stats(cpu).p50_ms,
      target_ms: 2000,
    });
  }
}

async function routes(db: Kysely<Database>, backend: 'pglite' | 'postgres'): Promise<void> {
  const database = { db, backend, location: 'bench', close: async () => {}, enterRole: async () => {} } as const;
  const app = await buildApp({ database, logger: false });
  app.get('/bench/constant', async () => ({ ok: true }));
  await app.ready();
  const session = await benchSession(db, COUNTY);
  const cookies = { [session.name]: session.value };
  const members = (await activeMembers(db, COUNTY)).map((m) => Number(m.id));
  const scopes = [COUNTY, '340822100', '340822101', '340822102'];
  const series: Record<string, number[]> = { constant: [], member_points: [], star_board: [] };
  const cpu: Record<string, number[]> = { constant: [], member_points: [], star_board: [] };
  const timed = async (name: string, url: string) => {
    const [started, cpuBefore] = [performance.now(), process.cpuUsage()];
    const res = await app.inject({ method: 'GET', url, cookies });
    if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    series[name]?.push(performance.now() - started);
    cpu[name]?.push(cpuMs(cpuBefore));
  };
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so the three routes see the same moments of a shared machine.
    await timed('constant', '/bench/constant');
    const member = members[(i * 7919) % members.length];
    await timed('member_points', `/api/counties/${COUNTY}/assessment/members/${member}/points?year=${YEAR}`);
    // Every 50th board read follows an assessment write (a review, a recompute), as in use.
    if (i % 50 === 49) announce(COUNTY, ['assessment']);
    await timed(
      'star_board',
      `/api/counties/${COUNTY}/assessment/board?year=${YEAR}&within=${scopes[i % scopes.length]}`,
    );
  }
  const constant = stats(series.constant ?? []);
  const cpuOf = (name: string) => {
    const c = stats(cpu[name] ?? []);
    return { cpu_p50_ms: c.p50_ms, cpu_p95_ms: c.p95_ms };
  };
  print({ name: 'party_life_constant_route', backend, ...constant, ...cpuOf('constant') });
  for (const [name, target] of [
    ['member_points', 25],
    ['star_board', 10],
  ] as const) {
    const s = stats(series[name] ?? []);
    print({
      name: `party_life_${name}_api`,
      backend,
      ...s,
      ...cpuOf(name),
      ratio_p95: round(s.p95_ms / (constant.p95_ms || 1)),
      target_ms: target,
    });
  }
  await app.close();
}

await onBenchDatabase(async (db, backend) => {
  await migrateToLatest(db);
  const seeded = await db.selectFrom('star_rating').select('member_id').limit(1).executeTakeFirst();
  if (!seeded) {
    const started = performance.now();
    await seedDemoCounty(db, { seed: 20171 });
    print({ name: 'party_life_seed', backend, ms: round(performance.now() - started) });
  }
  await recomputes(db, backend);
  await routes(db, backend);
}, process.env.BENCH_DATA_DIR ?? null);
