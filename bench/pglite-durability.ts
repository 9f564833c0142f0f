/**
 * What durability costs on PGlite: BENCH_INSERTS (default 2,000) single-row inserts, each in its own transaction
 * (as the API writes), into a fresh PGlite directory under each configuration side by side — the shipped options
 * (relaxed durability), PGlite's strict durability, and strict durability with PostgreSQL's fsync and
 * synchronous_commit explicitly on. Prints one JSON line per configuration: ms, inserts/s, and the `fsync` setting
 * PostgreSQL reports. Run it under `strace -f -c -e trace=fsync,fdatasync,sync_file_range,msync` to see whether
 * anything reaches the disk's cache flush at all (PGlite 0.5's Node file system has no fsync: none does).
 * `node bin/run-ts.js bench/pglite-durability.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pgliteOptions } from '../src/db/pglite-options.ts';

const INSERTS = Number(process.env.BENCH_INSERTS ?? 2_000);

const CONFIGS: { name: string; options: (dir: string) => PGliteOptions }[] = [
  { name: 'shipped_relaxed', options: (dir) => pgliteOptions(dir) },
  { name: 'strict_durability', options: (dir) => ({ ...pgliteOptions(dir), relaxedDurability: false }) },
  {
    name: 'strict_fsync_on',
    options: (dir) => ({
      ...pgliteOptions(dir),
      relaxedDurability: false,
      postgresqlconf: ['shared_buffers=32MB', 'fsync=on', 'synchronous_commit=on', 'full_page_writes=on'],
    }),
  },
];

async function measure(name: string, options: PGliteOptions) {
  const pg = await PGlite.create(options);
  await pg.exec('create table bench_row (id serial primary key, note text not null)');
  const started = performance.now();
  for (let i = 0; i < INSERTS; i++) {
    await pg.transaction(async (tx) => {
      await tx.query('insert into bench_row (note) values ($1)', [`row ${i}`]);
    });
  }
  const ms = performance.now() - started;
  const fsync = (await pg.query<{ fsync: string }>('show fsync')).rows[0]?.fsync;
  const sync = (await pg.query<{ synchronous_commit: string }>('show synchronous_commit')).rows[0]?.synchronous_commit;
  await pg.close();
  return { name, inserts: INSERTS, ms: Math.round(ms), per_s: Math.round(INSERTS / (ms / 1000)), fsync, sync };
}

for (const config of CONFIGS) {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-durability-'));
  try {
    console.log(JSON.stringify(await measure(config.name, config.options(dir))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
