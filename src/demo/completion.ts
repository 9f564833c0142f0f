/**
 * Whether a county's demo seed finished. The seed writes `demo_seed_<county>` = seeding before its first row and
 * = complete after its last (app_setting), so a seed killed at any moment (Ctrl-C, power cut during `npm start`'s
 * first run) is recognised: the server refuses to serve it and the next seed removes it and starts again.
 * Counties without the setting (seeded before it existed, or never seeded) count as finished.
 */
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { readSetting, writeSetting } from '../db/repositories/app-settings.ts';
import { wipeCounty } from '../db/repositories/county-wipe.ts';
import { countyCodes } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';

/** What a seed in progress records: enough to resume it with the same options, and who runs it. */
export interface SeedInProgress {
  state: 'seeding';
  seed: number;
  scale: number;
  pid: number;
  host: string;
  since: string;
}

const key = (countyCode: string) => `demo_seed_${countyCode}`;

function isSeeding(value: unknown): value is SeedInProgress {
  return (value as Partial<SeedInProgress> | null)?.state === 'seeding';
}

/** A seed run by a process still alive on this host has not stopped: it is not to be wiped. */
function stillRunning(marker: SeedInProgress): boolean {
  if (marker.host !== hostname() || marker.pid === process.pid) return false;
  try {
    process.kill(marker.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Records that the county's seed has started (before it writes anything of the county). */
export async function markSeedStarted(db: Kysely<Database>, countyCode: string, seed: number, scale: number) {
  const marker: SeedInProgress = {
    state: 'seeding',
    seed,
    scale,
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
  };
  await writeSetting(db, key(countyCode), marker);
}

/** Records that the county's seed wrote its last row. */
export async function markSeedComplete(db: Kysely<Database>, countyCode: string): Promise<void> {
  await writeSetting(db, key(countyCode), { state: 'complete', at: new Date().toISOString() });
}

/** The county's seed that started and never completed, or null. */
export async function unfinishedSeed(db: Kysely<Database>, countyCode: string): Promise<SeedInProgress | null> {
  const value = await readSetting(db, key(countyCode));
  return isSeeding(value) ? value : null;
}

/** Every county of the database whose demo seed started and never completed: code and marker. */
export async function unfinishedSeeds(db: Kysely<Database>) {
  const found: { countyCode: string; marker: SeedInProgress }[] = [];
  for (const code of await countyCodes(db)) {
    const marker = await unfinishedSeed(db, code);
    if (marker) found.push({ countyCode: code, marker });
  }
  return found;
}

/**
 * Removes what a stopped seed of the county left (every row of the county: demo data is synthetic), so it can
 * be seeded again. Returns false, removing nothing, when there is no unfinished seed.
 * @throws Error when the seed that started it is still running on this host.
 */
export async function clearUnfinishedSeed(db: Kysely<Database>, countyCode: string): Promise<boolean> {
  const marker = await unfinishedSeed(db, countyCode);
  if (!marker) return false;
  if (stillRunning(marker)) {
    throw new Error(`county ${countyCode} is being seeded right now by process ${marker.pid} (since ${marker.since})`);
  }
  await wipeCounty(db, countyCode);
  return true;
}
