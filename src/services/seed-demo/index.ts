/**
 * Seeds a demo county: real townships from the NBS list, then synthetic villages, natural villages,
 * party members with information cards and poor households with persons, income, needs and status
 * history, all derived from one seed (same seed → same rows). Built for speed: rows are generated in
 * memory a township at a time and written with multi-row inserts, one transaction per township and stage.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { provinceOf } from '../../domain/divisions.ts';
import { importDivisions } from '../import-divisions.ts';
import { type CountyContext, emptyHouseholdRows, type HouseholdRows, buildHousehold, type IdCursor } from './households.ts';
import { analyze, ColumnTypes, insertBatches, maxId, resetIdentity } from './insert.ts';
import { buildMembers } from './members.ts';
import { IdRegistry } from './people.ts';
import { placeRows } from './places.ts';
import { type CountyPlan, loadTownships, planCounty } from './plan.ts';
import { Rng } from './random.ts';

/** The stages reported through `onProgress`, in order. */
export type SeedStage = 'places' | 'members' | 'households';

export interface SeedDemoOptions {
  /** Any number; the same seed always produces the same county. */
  seed: number;
  /** 6-digit county code present in data/divisions (default 340822, 怀宁县). */
  countyCode?: string;
  /** Fraction of the county-scale totals (default 1: ~250 villages, ~21,000 members, ~16,000 households). */
  scale?: number;
  /** Called as rows are written: stage, units done, units in the stage. */
  onProgress?: (stage: SeedStage, done: number, total: number) => void;
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
  ms: number;
}

/** Refuses a county that already has villages: the seed builds the tree below the townships itself. */
async function assertNoVillages(db: Kysely<Database>, countyCode: string): Promise<void> {
  const row = await db
    .selectFrom('org_unit')
    .select('code')
    .where('county_code', '=', countyCode)
    .where('level', '=', 'village')
    .limit(1)
    .executeTakeFirst();
  if (row) {
    throw new AppError('conflict', {
      zh: `县 ${countyCode} 已有村级单位，不能再生成演示数据`,
      en: `County ${countyCode} already has villages; demo data can only be seeded into an empty county`,
    });
  }
}

/** Writes villages and natural villages, and puts the county and its townships on the map. */
async function writePlaces(db: Kysely<Database>, types: ColumnTypes, countyCode: string, plan: CountyPlan): Promise<number> {
  const rows = placeRows(countyCode, plan.townships.flatMap((t) => t.villages.map((v) => v.village)));
  await db.transaction().execute(async (tx) => {
    await insertBatches(tx, types, 'org_unit', rows);
    await analyze(tx, 'org_unit'); // members and households check their natural village against it
    for (const point of [{ code: countyCode, ...plan.centre }, ...plan.townships]) {
      await tx.updateTable('org_unit').set({ lat: point.lat, lng: point.lng }).where('county_code', '=', countyCode).where('code', '=', point.code).execute();
    }
  });
  return rows.length;
}

/** Members stage: one transaction per township. */
async function writeMembers(db: Kysely<Database>, types: ColumnTypes, rng: Rng, ctx: CountyContext, plan: CountyPlan, report: (done: number, total: number) => void): Promise<number> {
  const total = plan.townships.reduce((s, t) => s + t.villages.reduce((n, v) => n + v.quota.members, 0), 0);
  let nextId = (await maxId(db, 'party_member')) + 1;
  let done = 0;
  report(0, total);
  for (const township of plan.townships) {
    const rows = township.villages.flatMap(({ village, quota }) => {
      const members = buildMembers(rng.fork(`members:${village.code}`), village, quota.members, ctx.ids, ctx.countyCode, nextId);
      nextId += members.length;
      return members;
    });
    await db.transaction().execute((tx) => insertBatches(tx, types, 'party_member', rows));
    done += rows.length;
    report(done, total);
  }
  return done;
}

/**
 * Inserts one township's households and their dependent rows, parents first. `analyzeFirst` refreshes
 * the household statistics before the children are checked against it (see analyze()). Once is enough,
 * as long as the table is no longer tiny (on a page or two a sequential scan would be planned and kept):
 * the replanned foreign-key checks then stay index lookups as the table grows, and ANALYZE of the full
 * table would cost ~300 ms a time on PGlite.
 */
async function writeHouseholdRows(db: Kysely<Database>, types: ColumnTypes, rows: HouseholdRows, analyzeFirst: boolean): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await insertBatches(tx, types, 'household', rows.household);
    if (analyzeFirst) await analyze(tx, 'household');
    await insertBatches(tx, types, 'household_person', rows.household_person);
    await insertBatches(tx, types, 'household_income', rows.household_income);
    await insertBatches(tx, types, 'household_need', rows.household_need);
    await insertBatches(tx, types, 'household_status_event', rows.household_status_event);
  });
}

/** Household rows after which the table's statistics are refreshed (once). */
const ANALYZE_AFTER_ROWS = 500;

type HouseholdCounts = Omit<SeedSummary, 'countyCode' | 'townships' | 'villages' | 'naturalVillages' | 'members' | 'ms'>;

/** Households stage: one transaction per township. */
async function writeHouseholds(db: Kysely<Database>, types: ColumnTypes, rng: Rng, ctx: CountyContext, plan: CountyPlan, report: (done: number, total: number) => void): Promise<HouseholdCounts> {
  const total = plan.townships.reduce((s, t) => s + t.villages.reduce((n, v) => n + v.quota.households, 0), 0);
  const cursor: IdCursor = { household: (await maxId(db, 'household')) + 1, person: (await maxId(db, 'household_person')) + 1 };
  const counts: HouseholdCounts = { households: 0, persons: 0, incomeRows: 0, needs: 0, statusEvents: 0 };
  let analyzed = false;
  report(0, total);
  for (const township of plan.townships) {
    const rows = emptyHouseholdRows();
    for (const { village, quota } of township.villages) {
      const villageRng = rng.fork(`households:${village.code}`);
      for (let i = 0; i < quota.households; i++) buildHousehold(villageRng, ctx, village, cursor, rows);
    }
    const analyzeNow: boolean = !analyzed && counts.households + rows.household.length >= ANALYZE_AFTER_ROWS;
    analyzed ||= analyzeNow;
    await writeHouseholdRows(db, types, rows, analyzeNow);
    counts.households += rows.household.length;
    counts.persons += rows.household_person.length;
    counts.incomeRows += rows.household_income.length;
    counts.needs += rows.household_need.length;
    counts.statusEvents += rows.household_status_event.length;
    report(counts.households, total);
  }
  return counts;
}

/**
 * Seeds the demo county described in DESIGN.md §6 into a migrated database (PGlite or PostgreSQL).
 * Creates the county and its townships (importDivisions) if needed; the county must have no villages yet.
 * Explicit ids continue after the largest existing ones, and identity sequences are moved past them.
 * @throws AppError 'validation_failed' for a bad code or scale, 'not_found' for an unknown county,
 *   'conflict' when the county already has villages.
 */
export async function seedDemoCounty(db: Kysely<Database>, options: SeedDemoOptions): Promise<SeedSummary> {
  const started = performance.now();
  const countyCode = options.countyCode ?? '340822';
  const scale = options.scale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 4) || !Number.isFinite(options.seed)) {
    throw new AppError('validation_failed', { zh: '种子须为数字，规模须在 (0, 4] 之间', en: 'seed must be a number and scale in (0, 4]' });
  }
  const progress = options.onProgress ?? (() => {});
  const { county } = await importDivisions(db, countyCode);
  await assertNoVillages(db, countyCode);
  const townships = await loadTownships(db, countyCode);
  const rng = new Rng(options.seed, `seed-demo:${countyCode}`);
  const plan = planCounty(rng.fork('places'), countyCode, townships, scale);
  const villages = plan.townships.reduce((n, t) => n + t.villages.length, 0);
  progress('places', 0, villages);
  const types = new ColumnTypes();
  const placeCount = await writePlaces(db, types, countyCode, plan);
  progress('places', villages, villages);
  const ctx: CountyContext = { countyCode, countyName: county.name, provinceCode: provinceOf(countyCode), ids: new IdRegistry(countyCode) };
  const members = await writeMembers(db, types, rng, ctx, plan, (d, t) => progress('members', d, t));
  const counts = await writeHouseholds(db, types, rng, ctx, plan, (d, t) => progress('households', d, t));
  for (const table of ['party_member', 'household', 'household_person'] as const) await resetIdentity(db, table);
  return { countyCode, townships: townships.length, villages, naturalVillages: placeCount - villages, members, ...counts, ms: Math.round(performance.now() - started) };
}
