/**
 * Imports the demo county's size from files on PGlite, end to end through the CLI, each step in its own process
 * (as a clerk's `lianxin import` runs): seed the demo into database A; export its org units, members and households
 * (`export_*`: wall time, rows, file size); into an empty database B (after `import-divisions`), dry-run and import
 * each file (`import_dry_run_*`, `import_apply_*`: wall time and the process's peak RSS, sampled); `import_end_to_end`
 * sums the applying runs; `import_again_*` imports the same files a second time (must change nothing); `round_trip`
 * compares `lianxin stats` of A and B. `BENCH_SCALE` (1) sizes the demo. Every line carries the load average.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rssMbOf } from './lib/server-process.ts';

const CLI = fileURLToPath(new URL('../bin/lianxin.js', import.meta.url));
const SCALE = process.env.BENCH_SCALE ?? '1';
const KINDS = ['org-units', 'members', 'households'] as const;

/** Runs `lianxin …` on the data directory; answers stdout, wall time and peak RSS (sampled every 100 ms). */
async function lianxin(dir: string, args: string[]) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, LIANXIN_DATA_DIR: dir, DATABASE_URL: '' },
  });
  let stdout = '';
  let stderr = '';
  let peak = 0;
  const sampler = setInterval(() => {
    const rss = rssMbOf(child.pid as number);
    if (Number.isFinite(rss)) peak = Math.max(peak, rss);
  }, 100);
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`lianxin ${args.join(' ')} failed: ${stderr.slice(-1500)}`);
  return { stdout, ms: Math.round(performance.now() - started), rss_mb: Math.round(peak) };
}

const line = (fields: Record<string, unknown>) => console.log(JSON.stringify({ ...fields, load1: loadavg()[0] }));

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lianxin-bench-io-'));
  const [a, b] = [join(work, 'a'), join(work, 'b')];
  try {
    await lianxin(a, ['seed', '--demo', '--scale', SCALE]);
    for (const kind of KINDS) {
      const file = join(work, `${kind}.xlsx`);
      const run = await lianxin(a, ['export', '--kind', kind, '--org', '340822', '--out', file]);
      const rows = Number(/: (\d+) rows/.exec(run.stdout)?.[1]);
      line({
        name: `export_${kind}`,
        n: rows,
        p50_ms: run.ms,
        p95_ms: run.ms,
        rss_mb: run.rss_mb,
        file_mb: +(statSync(file).size / 1048576).toFixed(1),
      });
    }
    await lianxin(b, ['import-divisions', '--county', '340822']);
    let total = 0;
    let peak = 0;
    for (const kind of KINDS) {
      const file = join(work, `${kind}.xlsx`);
      const dry = await lianxin(b, ['import', '--kind', kind, '--file', file, '--dry-run', '--json']);
      line({
        name: `import_dry_run_${kind}`,
        n: JSON.parse(dry.stdout).rows,
        p50_ms: dry.ms,
        p95_ms: dry.ms,
        rss_mb: dry.rss_mb,
      });
      const run = await lianxin(b, ['import', '--kind', kind, '--file', file, '--json']);
      const out = JSON.parse(run.stdout);
      total += run.ms;
      peak = Math.max(peak, run.rss_mb);
      line({
        name: `import_apply_${kind}`,
        n: out.rows,
        p50_ms: run.ms,
        p95_ms: run.ms,
        rss_mb: run.rss_mb,
        created: out.created,
        invalid: out.invalid,
        check_ms: out.checkMs,
        apply_ms: out.applyMs,
      });
    }
    line({ name: 'import_end_to_end', n: 3, p50_ms: total, p95_ms: total, rss_mb: peak });
    for (const kind of KINDS) {
      const again = await lianxin(b, ['import', '--kind', kind, '--file', join(work, `${kind}.xlsx`), '--json']);
      const out = JSON.parse(again.stdout);
      line({
        name: `import_again_${kind}`,
        n: out.rows,
        p50_ms: again.ms,
        p95_ms: again.ms,
        rss_mb: again.rss_mb,
        unchanged: out.unchanged,
        created: out.created,
        updated: out.updated,
      });
    }
    const stats = async (dir: string) =>
      JSON.parse((await lianxin(dir, ['stats', '--json', '--county', '340822'])).stdout);
    const [sa, sb] = [await stats(a), await stats(b)];
    const keys = ['villages', 'naturalVillages', 'members', 'households', 'persons'];
    line({
      name: 'round_trip',
      n: sa.households,
      same: keys.every((k) => sa[k] === sb[k]),
      a: keys.map((k) => sa[k]),
      b: keys.map((k) => sb[k]),
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
