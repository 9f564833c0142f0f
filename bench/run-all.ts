/**
 * `npm run bench`: for PGlite and PostgreSQL (when reachable) — seed the demo county into a fresh database,
 * then load the API. One JSON object per line on stdout; progress on stderr.
 * Then the web budgets, the county partition and the matching. BENCH_SECONDS sets each load's duration (default 10);
 * BENCH_BACKENDS=pglite limits the backends.
 */
import { spawnSync } from 'node:child_process';
import { benchApi } from './api.ts';
import { freshDatabase, postgresAvailable } from './lib/databases.ts';
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

// The web budgets (bundle size, first dashboard render in Chromium) and the county partition run as their own
// processes: each builds its own demo county and must not share memory with the runs above.
for (const script of ['bench/web-budgets.ts', 'bench/partition.ts', 'bench/matching.ts']) {
  console.error(`[${script}] …`);
  spawnSync(process.execPath, ['bin/run-ts.js', script], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_BACKENDS: backends.join(',') },
  });
}
