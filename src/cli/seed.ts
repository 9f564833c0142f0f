import cliProgress from 'cli-progress';
import type { DatabaseHandle } from '../db/kysely.ts';
import { hasOrgUnits } from '../db/repositories/org-units.ts';
import { unfinishedSeed, unfinishedSeeds } from '../demo/completion.ts';
import { DEMO_CLOCK_START } from '../demo/dates.ts';
import { seedDemoCounty } from '../demo/index.ts';
import { anchorDemoClock, readDemoClock } from '../services/clock/business-clock.ts';
import { withJobDatabase } from './job-database.ts';

interface SeedOptions {
  demo?: boolean;
  seed: number;
  county: string;
  scale: number;
  ifEmpty?: boolean;
  /** Anchor the demo clock (default; `--no-clock` keeps real time, e.g. for browser journeys dated by the real clock). */
  clock: boolean;
}

/** A progress bar per stage on a terminal; one line per stage otherwise (CI logs). */
function progressReporter() {
  if (!process.stderr.isTTY) {
    let last = '';
    return {
      update: (stage: string, done: number, total: number) => {
        if (stage !== last || done === total) console.error(`  ${stage}: ${done}/${total}`);
        last = stage;
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: '  {stage} [{bar}] {value}/{total}', hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  return {
    update: (stage: string, done: number, total: number) => {
      if (stage !== current) {
        if (current) bar.stop();
        bar.start(total, done, { stage: stage.padEnd(10) });
        current = stage;
      } else bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

/** Seeds one county with the progress shown, then anchors the demo clock and marks the seed complete. */
async function seedOne(database: DatabaseHandle, options: SeedOptions): Promise<void> {
  const { db, location } = database;
  const stopped = await unfinishedSeed(db, options.county);
  if (stopped) {
    console.error(
      `The demo seed of county ${options.county} started ${stopped.since} stopped before it finished: ` +
        'removing what it wrote and seeding again.',
    );
  }
  console.error(`Seeding the demo county ${options.county} into ${location} (seed ${options.seed}) …`);
  const progress = progressReporter();
  try {
    const summary = await seedDemoCounty(db, {
      seed: options.seed,
      countyCode: options.county,
      scale: options.scale,
      onProgress: progress.update,
      // Part of the seed: a demo without its clock would show 2020's registry on today's date.
      beforeComplete: async (tx) => {
        progress.stop();
        // The generator never reads the clock; only this row records when the seeding happened in real time.
        // An existing anchor is kept: moving it back would put what the app wrote since into the future.
        if (options.clock && (await readDemoClock(tx)) === null) {
          await anchorDemoClock(tx, DEMO_CLOCK_START);
          console.error(`Demo clock anchored: the business date is now ${DEMO_CLOCK_START.slice(0, 10)} (China time).`);
        }
      },
    });
    console.error(`Seeded in ${(summary.ms / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
  } finally {
    progress.stop();
  }
}

/**
 * `--if-empty` (what `serve` runs first): redo every seed that stopped half-way, with the options it was started
 * with, or seed when the database has no org units, or do nothing.
 */
async function seedIfEmpty(database: DatabaseHandle, options: SeedOptions): Promise<void> {
  const stopped = await unfinishedSeeds(database.db);
  for (const { countyCode, marker } of stopped) {
    await seedOne(database, { ...options, county: countyCode, seed: marker.seed, scale: marker.scale });
  }
  if (stopped.length > 0) return;
  if (!(await hasOrgUnits(database.db))) await seedOne(database, options);
}

/** `lianxin seed --demo [--seed N] [--county C] [--scale X] [--if-empty] [--no-clock]`. */
export async function seedCommand(options: SeedOptions): Promise<void> {
  if (!options.demo) throw new Error('say what to seed: --demo (the synthetic demo county)');
  await withJobDatabase((database) => (options.ifEmpty ? seedIfEmpty(database, options) : seedOne(database, options)));
}
