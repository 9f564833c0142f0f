/**
 * The seed's writing stages. Each generates its rows in memory a township at a time and writes them in
 * one transaction per township, so memory stays flat and a failure leaves whole townships behind.
 */
import type { Kysely } from 'kysely';
import { analyze, type ColumnTypes, insertBatches, maxId } from '../db/repositories/demo-insert.ts';
import { updateOrgUnit } from '../db/repositories/org-units.ts';
import type { Database } from '../db/schema.ts';
import {
  buildHousehold,
  type CountyContext,
  emptyHouseholdRows,
  type HouseholdRows,
  type IdCursor,
} from './households.ts';
import { buildMembers } from './members.ts';
import { placeRows } from './places.ts';
import type { CountyPlan } from './plan.ts';
import type { Rng } from './random.ts';

/** Row counts of the households stage. */
export interface HouseholdCounts {
  households: number;
  persons: number;
  incomeRows: number;
  needs: number;
  statusEvents: number;
}

/** Writes villages and natural villages, and puts the county and its townships on the map. */
export async function writePlaces(
  db: Kysely<Database>,
  types: ColumnTypes,
  countyCode: string,
  plan: CountyPlan,
): Promise<number> {
  const rows = placeRows(
    countyCode,
    plan.townships.flatMap((t) => t.villages.map((v) => v.village)),
  );
  await db.transaction().execute(async (tx) => {
    await insertBatches(tx, types, 'org_unit', rows);
    await analyze(tx, 'org_unit'); // members and households check their natural village against it
    for (const point of [{ code: countyCode, ...plan.centre }, ...plan.townships]) {
      await updateOrgUnit(tx, countyCode, point.code, { lat: point.lat, lng: point.lng });
    }
  });
  return rows.length;
}

/** Members stage: one transaction per township. */
export async function writeMembers(
  db: Kysely<Database>,
  types: ColumnTypes,
  rng: Rng,
  ctx: CountyContext,
  plan: CountyPlan,
  report: (done: number, total: number) => void,
): Promise<number> {
  const total = plan.townships.reduce((s, t) => s + t.villages.reduce((n, v) => n + v.quota.members, 0), 0);
  let nextId = (await maxId(db, 'party_member')) + 1;
  let done = 0;
  report(0, total);
  for (const township of plan.townships) {
    const rows = township.villages.flatMap(({ village, quota }) => {
      const members = buildMembers(
        rng.fork(`members:${village.code}`),
        village,
        quota.members,
        ctx.ids,
        ctx.countyCode,
        nextId,
      );
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
async function writeHouseholdRows(
  db: Kysely<Database>,
  types: ColumnTypes,
  rows: HouseholdRows,
  analyzeFirst: boolean,
): Promise<void> {
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

/** Households stage: one transaction per township. */
export async function writeHouseholds(
  db: Kysely<Database>,
  types: ColumnTypes,
  rng: Rng,
  ctx: CountyContext,
  plan: CountyPlan,
  report: (done: number, total: number) => void,
): Promise<HouseholdCounts> {
  const total = plan.townships.reduce((s, t) => s + t.villages.reduce((n, v) => n + v.quota.households, 0), 0);
  const cursor: IdCursor = {
    household: (await maxId(db, 'household')) + 1,
    person: (await maxId(db, 'household_person')) + 1,
  };
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
