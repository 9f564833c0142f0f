/**
 * The business clock's setting: the demo seed anchors it (`demo_clock` in `app_setting`) so the demo county is
 * seen on the day its registry describes; the server and the CLI load it at start; `lianxin clock --real` removes
 * it. Without the row the business clock is the real clock (domain/clock.ts).
 */
import type { Kysely } from 'kysely';
import { readSetting, removeSetting, writeSetting } from '../../db/repositories/app-settings.ts';
import { countyCodes } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { type ClockAnchor, isDemoClock, setClockAnchor } from '../../domain/clock.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { audit } from '../audit/audit.ts';

export const DEMO_CLOCK_KEY = 'demo_clock';

/** What `lianxin clock` and the web show. */
export interface ClockStatus {
  /** The business date (China), YYYY-MM-DD. */
  today: string;
  /** Whether the demo anchor moves the business clock. */
  demoClock: boolean;
}

function isAnchor(value: unknown): value is ClockAnchor {
  const v = value as Partial<ClockAnchor> | null;
  return (
    typeof v?.realAt === 'string' &&
    typeof v.businessAt === 'string' &&
    Number.isFinite(Date.parse(v.realAt)) &&
    Number.isFinite(Date.parse(v.businessAt))
  );
}

/** The stored anchor, or null (none, or malformed — then the real clock is the safe reading). */
export async function readDemoClock(db: Kysely<Database>): Promise<ClockAnchor | null> {
  const value = await readSetting(db, DEMO_CLOCK_KEY);
  return isAnchor(value) ? { realAt: value.realAt, businessAt: value.businessAt } : null;
}

/** Sets this process's business clock from the database; call once at start (server, CLI jobs). */
export async function loadBusinessClock(db: Kysely<Database>): Promise<ClockStatus> {
  setClockAnchor(await readDemoClock(db));
  return clockStatus();
}

/** The business date now and whether the demo clock is on, in this process. */
export function clockStatus(): ClockStatus {
  return { today: chinaDateOf(), demoClock: isDemoClock() };
}

/**
 * Anchors the demo clock: at real instant `realNow` the business instant is `businessAt`, advancing with real
 * time afterwards. Written by the demo seed (not audited, like the rest of the seed); takes effect in a process
 * when it loads the clock.
 */
export async function anchorDemoClock(db: Kysely<Database>, businessAt: string, realNow: Date = new Date()) {
  const anchor: ClockAnchor = { realAt: realNow.toISOString(), businessAt: new Date(businessAt).toISOString() };
  await writeSetting(db, DEMO_CLOCK_KEY, anchor);
  return anchor;
}

/** One entry per county's audit chain: the setting is global, so every county's business time changed. */
async function auditEveryCounty(tx: Kysely<Database>, action: string, before: unknown, after: unknown) {
  for (const county of await countyCodes(tx)) {
    await audit(tx, {
      county,
      action,
      table: 'app_setting',
      recordId: DEMO_CLOCK_KEY,
      orgCode: county,
      diff: { [DEMO_CLOCK_KEY]: [before, after] },
    });
  }
}

/**
 * Removes the demo anchor so business time is real time again (for every county: the setting is global), with an
 * entry in each county's audit chain in the same transaction. Running servers keep their clock until restarted.
 * Returns the removed anchor, or null when there was none.
 */
export async function removeDemoClock(db: Kysely<Database>): Promise<ClockAnchor | null> {
  return db.transaction().execute(async (tx) => {
    const anchor = await readDemoClock(tx);
    if (!(await removeSetting(tx, DEMO_CLOCK_KEY))) return null;
    await auditEveryCounty(tx, 'clock.real', anchor, null);
    return anchor;
  });
}

/**
 * Anchors the demo clock by hand (`lianxin clock --demo`, e.g. for a demo database seeded before the clock existed),
 * audited in every county's chain. Rows the app wrote since the seed keep their business times.
 */
export async function restartDemoClock(db: Kysely<Database>, businessAt: string): Promise<ClockAnchor> {
  return db.transaction().execute(async (tx) => {
    const before = await readDemoClock(tx);
    const anchor = await anchorDemoClock(tx, businessAt);
    await auditEveryCounty(tx, 'clock.demo', before, anchor);
    return anchor;
  });
}
