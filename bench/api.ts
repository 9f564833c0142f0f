/**
 * API throughput and latency on a seeded demo county: the full household list and record routes beside bare
 * routes running the same SQL through the same driver, and a constant route, all on one server in one run.
 * Also the constant route's latency while the list route is saturated, and the server's memory.
 */
import type { BenchDatabase } from './lib/databases.ts';
import { type LoadResult, runLoad } from './lib/load.ts';
import { startServerProcess } from './lib/server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const county = '340822';

type Line = Record<string, unknown>;

function line(name: string, backend: string, r: LoadResult, extra: Line = {}): Line {
  return {
    name,
    backend,
    n: r.requests,
    rps: r.rps,
    p50_ms: r.p50_ms,
    p95_ms: r.p95_ms,
    p99_ms: r.p99_ms,
    errors: r.errors + r.non2xx,
    ...extra,
  };
}

/** Merges two runs of the same load: summed requests, the worse of each percentile. */
function merge(a: LoadResult, b: LoadResult): LoadResult {
  const worst = (k: 'p50_ms' | 'p95_ms' | 'p99_ms') => Math.max(a[k], b[k]);
  return {
    requests: a.requests + b.requests,
    rps: Math.round((a.rps + b.rps) / 2),
    p50_ms: worst('p50_ms'),
    p95_ms: worst('p95_ms'),
    p99_ms: worst('p99_ms'),
    errors: a.errors + b.errors,
    non2xx: a.non2xx + b.non2xx,
  };
}

/**
 * Runs a reference and a subject as A B B A, so drift in the machine's load (shared, noisy) falls on both
 * alike; each result merges its two runs.
 */
async function alternate(
  a: () => Promise<LoadResult>,
  b: () => Promise<LoadResult>,
): Promise<[LoadResult, LoadResult]> {
  const a1 = await a();
  const b1 = await b();
  const b2 = await b();
  const a2 = await a();
  return [merge(a1, a2), merge(b1, b2)];
}

const ratio = (a: LoadResult, b: LoadResult) => Math.round((a.rps / b.rps) * 100) / 100;

/** Runs every API measurement against an already seeded database; returns JSON lines. */
export async function benchApi(database: BenchDatabase): Promise<Line[]> {
  const server = await startServerProcess(database.env);
  const { backend } = database;
  try {
    const url = server.url;
    const pages = Array.from({ length: 20 }, (_, i) => i + 1);
    const ids = Array.from({ length: 200 }, (_, i) => 1 + i * 79);
    const lists = pages.map((p) => `${url}/api/counties/${county}/households?page=${p}&pageSize=20`);
    const bareLists = pages.map((p) => `${url}/bench/bare/households?page=${p}`);
    const records = ids.map((id) => `${url}/api/counties/${county}/households/${id}`);
    const bareRecords = ids.map((id) => `${url}/bench/bare/households/${id}`);
    const headers = { cookie: server.cookie };
    const load = (urls: string[], connections = CONNECTIONS) =>
      runLoad({ urls, connections, seconds: SECONDS, headers });

    await load(lists.slice(0, 2), 10); // warm-up: JIT, caches, prepared plans
    const constant = await load([`${url}/bench/constant`]);
    const [bareList, list] = await alternate(
      () => load(bareLists),
      () => load(lists),
    );
    const [bareRecord, record] = await alternate(
      () => load(bareRecords),
      () => load(records),
    );
    const [saturated, constantUnderLoad] = await Promise.all([load(lists), load([`${url}/bench/constant`], 1)]);
    const rss = server.rssMb();
    return [
      line('constant_route', backend, constant),
      line('household_list_bare', backend, bareList, { ratio_to_constant: ratio(bareList, constant) }),
      line('household_list_api', backend, list, { ratio: ratio(list, bareList), ratio_to: 'household_list_bare' }),
      line('household_record_bare', backend, bareRecord),
      line('household_record_api', backend, record, {
        ratio: ratio(record, bareRecord),
        ratio_to: 'household_record_bare',
      }),
      line('constant_while_list_saturated', backend, constantUnderLoad, {
        list_rps_meanwhile: saturated.rps,
        ratio_p99_to_idle: Math.round((constantUnderLoad.p99_ms / constant.p99_ms) * 100) / 100,
      }),
      { name: 'server_rss_after_load', backend, rss_mb: rss },
    ];
  } finally {
    await server.stop();
  }
}
