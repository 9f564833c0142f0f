/**
 * `npm run bench`: for PGlite and PostgreSQL (when reachable) — seed the demo county into a fresh database,
 * then load the API. One JSON object per line on stdout; progress on stderr.
 * Then the web budgets, the county partition, the matching, the overdue sweep, the things-done figures and the
 * help-record ingest and the mixed load (see each script). BENCH_SECONDS sets each load's duration (default 10);
 * BENCH_BACKENDS=pglite limits the backends.
 */
import { spawnSync } from 'node:child_process';
import { benchApi } from './api.ts';
import { freshDatabase, PG_URL, postgresAvailable } from './lib/databases.ts';
import { timeSeed } from './seed.ts';

const wanted = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',');
const backends = (['pglite', 'postgres'] as const).filter((b) => wanted.includes(b));

for (const backend of backends) {
  if (backend === 'postgres' && !(await postgresAvailable())) {
    console.error('PostgreSQL is not reachable: skipping its benchmarks');
    continue;
  }
  const database = await freshDatabase(backend);
  try {
    console.error(`[${backend}] seeding the demo county …`);
    console.log(JSON.stringify(await timeSeed(database)));
    console.error(`[${backend}] loading the API …`);
    for (const result of await benchApi(database)) console.log(JSON.stringify(result));
  } finally {
    await database.drop();
  }
}

/** Runs a benchmark script in its own process (each builds its own demo county; no memory shared). */
function runScript(script: string, env: NodeJS.ProcessEnv = {}): void {
  console.error(`[${script}] …`);
  spawnSync(process.execPath, ['bin/run-ts.js', script], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_BACKENDS: backends.join(','), ...env },
  });
}

// The web budgets (bundle size, first dashboard render in Chromium), the county partition and the matching.
for (const script of ['bench/web-budgets.ts', 'bench/partition.ts', 'bench/matching.ts']) runScript(script);
// Help records and problems (issue 7): the sweep and the things-done figures on each backend (PGlite in process,
// PostgreSQL through BENCH_DATABASE_URL); the API ingest and timeline on PostgreSQL.
const postgres = backends.includes('postgres') && (await postgresAvailable());
for (const script of ['bench/escalation-sweep.ts', 'bench/things-done.ts']) {
  if (backends.includes('pglite')) runScript(script, { BENCH_DATABASE_URL: '' });
  if (postgres) runScript(script, { BENCH_DATABASE_URL: PG_URL });
}
if (postgres) runScript('bench/help-ingest.ts');
// Reads and writes together (issue 14 item 7), on each backend in its own process.
runScript('bench/mixed-load.ts');
