/**
 * Seed time of the demo county, on PGlite and on PostgreSQL, each in a fresh database and its own process
 * (as `npm start` does). Prints one JSON line per backend; leaves the seeded databases for api.ts when asked.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchDatabase } from './lib/databases.ts';
import { rssMbOf } from './lib/server-process.ts';

const CLI = fileURLToPath(new URL('../bin/lianxin.js', import.meta.url));

/** Runs `lianxin seed --demo` and returns wall time, rows written and the process's peak RSS. */
export async function timeSeed(database: BenchDatabase): Promise<Record<string, unknown>> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'seed', '--demo'], {
    env: { ...process.env, ...database.env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  let peakRss = 0;
  const sampler = setInterval(() => {
    try {
      const rss = rssMbOf(child.pid as number);
      if (Number.isFinite(rss)) peakRss = Math.max(peakRss, rss);
    } catch {
      // the process has just exited
    }
  }, 200);
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`seed failed on ${database.backend}: ${stderr.slice(-2000)}`);
  const summary = JSON.parse(/Seeded in [\d.]+ s: (\{.*\})/.exec(stderr)?.[1] ?? '{}');
  const rows = [
    'townships',
    'villages',
    'naturalVillages',
    'members',
    'households',
    'persons',
    'incomeRows',
    'needs',
    'statusEvents',
  ]
    .map((k) => Number(summary[k] ?? 0))
    .reduce((a, b) => a + b, 0);
  const ms = Math.round(performance.now() - started);
  return {
    name: `seed_demo_${database.backend}`,
    n: rows,
    ms,
    seed_ms: summary.ms,
    rows_per_s: Math.round(rows / (ms / 1000)),
    peak_rss_mb: peakRss,
    members: summary.members,
    households: summary.households,
  };
}
