/**
 * Seeds a demo county: real townships from the NBS list, then synthetic villages, natural villages,
 * party members with information cards and poor households with persons, income, needs and status
 * history, grids with staffed Party groups, and a helper for every household needing help, all derived from
 * one seed (same seed → same rows, except the pairings' plaque codes, which are random so that public
 * plaque pages cannot be guessed). Built for speed: rows are generated in
 * memory a township at a time and written in batches of 2,000 rows (see db/repositories/demo-insert.ts), one transaction per
 * township and stage. A seed stopped at any point (killed, crashed) is recognised by its unfinished marker
 * (completion.ts): the server does not serve it and the next seed removes it and starts again.
 */
import type { Kysely } from 'kysely';
import { flagDemoDisputes } from '../db/repositories/demo-history.ts';
import { ColumnTypes, resetIdentity } from '../db/repositories/demo-insert.ts';
import { casesFromDemoEvents, seedDemoMonitoringLines } from '../db/repositories/demo-monitoring.ts';
import { firstUnitAt } from '../db/repositories/org-units.ts';
import { userIdByUsername } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';
import { analyzeTables, refreshStatistics } from '../db/statistics.ts';
import { provinceOf } from '../domain/divisions.ts';
import { AppError } from '../domain/errors.ts';
import { prepareDashboard } from '../services/dashboard/prepare-dashboard.ts';
import { applyPlan } from '../services/grids/apply-plan.ts';
import { proposePlan } from '../services/grids/propose-plan.ts';
import { importDivisions } from '../services/import-divisions.ts';
import { flagHistory } from '../services/record-trust/flag-records.ts';
import { writeDemoAccounts } from './accounts.ts';
import { seedDemoCommitments } from './commitments.ts';
import { clearUnfinishedSeed, markSeedComplete, markSeedStarted } from './completion.ts';
import { staffDemoGroups } from './groups.ts';
import { seedDemoProblems } from './history-problems.ts';
import { seedDemoHelpRecords } from './history-records.ts';
import type { CountyContext } from './households.ts';
import { pairDemoCounty } from './pairings.ts';
import { seedDemoActivities } from './party-activities.ts';
import { seedDemoPoints } from './party-points.ts';
import { IdRegistry } from './people.ts';
import { loadTownships, planCounty } from './plan.ts';
import { Rng } from './random.ts';
import { writeHouseholds, writeMembers, writePlaces } from './stages.ts';

/** The stages reported through `onProgress`, in order. */
export type SeedStage = 'places' | 'members' | 'households' | 'grids' | 'pairings' | 'history';

export interface SeedDemoOptions {
  /** Any number; the same seed always produces the same county. */
  seed: number;
  /** 6-digit county code present in data/divisions (default 340822, 怀宁县). */
  countyCode?: string;
  /** Fraction of the county-scale totals (default 1: ~250 villages, ~21,000 members, ~16,000 households). */
  scale?: number;
  /** Called as rows are written: stage, units done, units in the stage. */
  onProgress?: (stage: SeedStage, done: number, total: number) => void;
  /** Last writes that belong to the seed (the CLI anchors the demo clock), made before it is marked complete. */
  beforeComplete?: (db: Kysely<Database>) => Promise<void>;
}

/** Row counts written by the seed, and how long it took. */
export interface SeedSummary {
  countyCode: string;
  townships: number;
  villages: number;
  naturalVillages: number;
  members: number;
  households: number;
  persons: number;
  incomeRows: number;
  needs: number;
  statusEvents: number;
  grids: number;
  /** Pairings written: every household needing help gets a helper of its township. */
  pairings: number;
  /** Public commitments of the paired members (公开承诺), mostly published. */
  commitments: number;
  /** The demo year's help records of current pairings (帮扶纪实). */
  helpRecords: number;
  /** Help records the anomaly rules flagged (the planted fabrications among them), and disputed ones. */
  flaggedRecords: number;
  /** The demo year's problems (resolved with full trails, some open or overdue) and their trail events. */
  problems: number;
  problemEvents: number;
  /** The demo year's Party group activities (组织生活) and the attendance recorded on the platform. */
  activities: number;
  attendance: number;
  /** Time spent on the help records, problems and activities (ms). */
  historyMs: number;
  ms: number;
}

/** Refuses a county that already has villages: the seed builds the tree below the townships itself. */
async function assertNoVillages(db: Kysely<Database>, countyCode: string): Promise<void> {
  if ((await firstUnitAt(db, countyCode, 'village')) !== undefined) {
    throw new AppError('conflict', {
      zh: `县 ${countyCode} 已有村级单位，不能再生成演示数据`,
      en: `County ${countyCode} already has villages; demo data can only be seeded into an empty county`,
    });
  }
}

/**
 * Splits every village into grids (one Party group each) as the county's plan would, then gives every group a
 * leader, both instructors and an activity centre. Returns the grid count.
 */
async function partitionDemoCounty(db: Kysely<Database>, countyCode: string, rng: Rng): Promise<number> {
  const plan = await proposePlan(db, countyCode, countyCode);
  const applied = await applyPlan(db, countyCode, plan.id);
  await staffDemoGroups(db, countyCode, rng);
  return applied.gridsCreated;
}

/**
 * The demo year's help records, problems and group activities, once pairings and the demo accounts exist (a demo account is the
 * verifier and resolver of record). Analyzed before the problems so their foreign-key checks use indexes.
 */
async function seedDemoHistory(db: Kysely<Database>, countyCode: string, rng: Rng, scale: number) {
  const started = performance.now();
  const userId = (await userIdByUsername(db, 'demo_county_admin')) ?? 0;
  const helpRecords = await seedDemoHelpRecords(db, countyCode, rng.fork('help'), scale, userId);
  // The household disputes open reviews, and the anomaly rules flag the year (the planted patterns among it).
  await flagDemoDisputes(db, countyCode);
  const flags = await flagHistory(db, countyCode, { audited: false });
  const problems = await seedDemoProblems(db, countyCode, rng.fork('problems'), scale, userId);
  const activities = await seedDemoActivities(db, countyCode, rng.fork('activities'));
  return {
    helpRecords,
    flaggedRecords: flags.flagged,
    problems: problems.problems,
    problemEvents: problems.events,
    ...activities,
    historyMs: Math.round(performance.now() - started),
  };
}

/** Largest supported scale: the village-name syllables give about 1,000 distinct names per county. */
export const MAX_SCALE = 2;

function validateOptions(options: SeedDemoOptions): { countyCode: string; scale: number } {
  const scale = options.scale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= MAX_SCALE) || !Number.isFinite(options.seed)) {
    throw new AppError('validation_failed', {
      zh: `种子须为数字，规模须在 (0, ${MAX_SCALE}] 之间`,
      en: `seed must be a number and scale in (0, ${MAX_SCALE}]`,
    });
  }
  return { countyCode: options.countyCode ?? '340822', scale };
}

/**
 * Seeds the demo county described in DESIGN.md §6 into a migrated database (PGlite or PostgreSQL).
 * Creates the county and its townships (importDivisions) if needed; the county must have no villages yet.
 * Explicit ids continue after the largest existing ones, and identity sequences are moved past them.
 * A seed of the county that stopped before completing is removed first (every row of the county) and redone.
 * @throws AppError 'validation_failed' for a bad code or scale, 'not_found' for an unknown county,
 *   'conflict' when the county already has villages (a finished seed, or registries entered by hand).
 */
export async function seedDemoCounty(db: Kysely<Database>, options: SeedDemoOptions): Promise<SeedSummary> {
  const started = performance.now();
  const { countyCode, scale } = validateOptions(options);
  const progress = options.onProgress ?? (() => {});
  // A seed of this county that stopped half-way is removed first; a finished county is refused below.
  await clearUnfinishedSeed(db, countyCode);
  await assertNoVillages(db, countyCode);
  await markSeedStarted(db, countyCode, options.seed, scale);
  const { county } = await importDivisions(db, countyCode);
  const townships = await loadTownships(db, countyCode);
  const rng = new Rng(options.seed, `seed-demo:${countyCode}`);
  const plan = planCounty(rng.fork('places'), countyCode, townships, scale);
  const villages = plan.townships.reduce((n, t) => n + t.villages.length, 0);
  progress('places', 0, villages);
  const types = new ColumnTypes();
  const placeCount = await writePlaces(db, types, countyCode, plan);
  progress('places', villages, villages);
  const ctx: CountyContext = {
    countyCode,
    countyName: county.name,
    provinceCode: provinceOf(countyCode),
    ids: new IdRegistry(countyCode),
  };
  const members = await writeMembers(db, types, rng, ctx, plan, (d, t) => progress('members', d, t));
  const counts = await writeHouseholds(db, types, rng, ctx, plan, (d, t) => progress('households', d, t));
  for (const table of ['party_member', 'household', 'household_person'] as const) await resetIdentity(db, table);
  // Before the pairings: a household with an open case needs a helper.
  await casesFromDemoEvents(db, countyCode);
  await seedDemoMonitoringLines(db, ctx.provinceCode);
  await prepareDashboard(db, countyCode);
  // Statistics before the grid stage: its foreign-key checks must not be planned as scans of empty tables.
  await refreshStatistics(db);
  progress('grids', 0, 1);
  const grids = await partitionDemoCounty(db, countyCode, rng.fork('groups'));
  progress('grids', 1, 1);
  progress('pairings', 0, 1);
  const paired = await pairDemoCounty(db, countyCode, rng.fork('pairings'));
  const committed = await seedDemoCommitments(db, countyCode, rng.fork('commitments'));
  progress('pairings', 1, 1);
  await writeDemoAccounts(db, countyCode);
  progress('history', 0, 1);
  const history = await seedDemoHistory(db, countyCode, rng.fork('history'), scale);
  progress('history', 1, 1);
  // Fresh statistics for the planner, and a visibility map so counts use index-only scans (PGlite has no
  // autovacuum). Measured on PGlite: a county-wide count fell from 8.3 to 3.6 ms.
  await refreshStatistics(db, { vacuum: true });
  // Points and stars are computed from everything above; their own tables then get statistics (the member's page
  // reads a rating by key, planned as a scan of the county's year without them).
  await seedDemoPoints(db, countyCode, rng.fork('points'));
  await db.transaction().execute((tx) => analyzeTables(tx, ['member_points', 'star_rating', 'exemplary_member']));
  await options.beforeComplete?.(db);
  await markSeedComplete(db, countyCode);
  return {
    countyCode,
    townships: townships.length,
    villages,
    naturalVillages: placeCount - villages,
    members,
    ...counts,
    grids,
    pairings: paired.pairings,
    commitments: committed.commitments,
    ...history,
    ms: Math.round(performance.now() - started),
  };
}
