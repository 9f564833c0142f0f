/**
 * Queries of prevent-return monitoring: a household's cases (open, cleared, closed — never deleted), the pairings
 * a cleared case ends, the county's "stably" setting and the counts the statistics read.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import type { MonitoringCaseTable } from '../schema-monitoring.ts';

type Db = Kysely<Database>;

const CASE_COLUMNS = [
  'id',
  'household_id',
  'category',
  'risk_types',
  'resolved_risks',
  'sources',
  'opened_on',
  'open_reason',
  'status',
  'closed_on',
  'close_reason',
  'clear_check',
  'helper_member_id',
  'opened_event_id',
  'closed_event_id',
] as const;

/** Every case of a household, oldest first. */
export function casesOfHousehold(db: Db, county: string, householdId: number) {
  return db
    .selectFrom('monitoring_case')
    .select(CASE_COLUMNS)
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .orderBy('opened_on')
    .orderBy('id')
    .execute();
}

export type CaseRow = Awaited<ReturnType<typeof casesOfHousehold>>[number];

/** One case, locked for the rest of the transaction; undefined when the county has none with that id. */
export function lockCase(db: Db, county: string, id: number) {
  return db
    .selectFrom('monitoring_case')
    .select(CASE_COLUMNS)
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** One case without a lock (a read). */
export function findCase(db: Db, county: string, id: number) {
  return db
    .selectFrom('monitoring_case')
    .select(CASE_COLUMNS)
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The household's open case, if any. */
export function openCaseOf(db: Db, county: string, householdId: number) {
  return db
    .selectFrom('monitoring_case')
    .select(CASE_COLUMNS)
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Inserts a case; returns its id. */
export async function insertCase(db: Db, row: Insertable<MonitoringCaseTable>): Promise<number> {
  const { id } = await db.insertInto('monitoring_case').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Marks which of an open case's risk types are resolved. */
export async function setResolvedRisks(db: Db, county: string, id: number, resolved: string[]): Promise<void> {
  await db
    .updateTable('monitoring_case')
    .set({ resolved_risks: resolved, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

/** Clears an open case with the criteria as checked. */
export async function clearCase(
  db: Db,
  county: string,
  id: number,
  change: { on: string; reason: string; check: unknown; by: number | null },
): Promise<void> {
  await db
    .updateTable('monitoring_case')
    .set({
      status: 'cleared',
      closed_on: change.on,
      close_reason: change.reason,
      clear_check: JSON.stringify(change.check),
      closed_by: change.by,
      updated_at: new Date(),
    })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

/** Ends the household's current pairings on `on`, pinned to its cleared case `caseId` (不脱钩 until then). */
export async function endPairingsByClearedCase(
  db: Db,
  county: string,
  householdId: number,
  caseId: number,
  on: string,
): Promise<number> {
  const result = await db
    .updateTable('pairing')
    .set({ ended_on: on, end_reason: 'risk_cleared', cleared_case_id: caseId, cleared_case_status: 'cleared' })
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The latest start of the household's current pairings (a pairing cannot end before it started). */
export async function latestCurrentPairingStart(db: Db, county: string, householdId: number) {
  const row = await db
    .selectFrom('pairing')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('ended_on', 'is', null)
    .select((eb) => eb.fn.max('started_on').as('latest'))
    .executeTakeFirst();
  return row?.latest ? String(row.latest) : null;
}

/** Sets the county's number of stable years. */
export async function setStableYears(db: Db, county: string, years: number, by: number | null): Promise<void> {
  await db
    .insertInto('county_monitoring_setting')
    .values({ county_code: county, stable_years: years, updated_by: by })
    .onConflict((oc) =>
      oc.column('county_code').doUpdateSet({ stable_years: years, updated_by: by, updated_at: new Date() }),
    )
    .execute();
}

/** How many latest income years must be above the line (no row: 1). */
export async function stableYearsOf(db: Db, county: string): Promise<number> {
  const row = await db
    .selectFrom('county_monitoring_setting')
    .select('stable_years')
    .where('county_code', '=', county)
    .executeTakeFirst();
  return row?.stable_years ?? 1;
}

export interface MonitoringCounts {
  open: number;
  cleared: number;
  byCategory: Record<string, number>;
}

/** Open and cleared cases, and open cases by category, of one county or every county. */
export async function monitoringCounts(db: Db, county: string | undefined): Promise<MonitoringCounts> {
  const where = county ? sql`where county_code = ${county}` : sql``;
  const { rows } = await sql<{ status: string; category: string; n: number }>`
    select status, category, count(*)::int as n from monitoring_case ${where} group by status, category`.execute(db);
  const counts: MonitoringCounts = { open: 0, cleared: 0, byCategory: {} };
  for (const r of rows) {
    if (r.status === 'cleared') counts.cleared += r.n;
    if (r.status !== 'open') continue;
    counts.open += r.n;
    counts.byCategory[r.category] = (counts.byCategory[r.category] ?? 0) + r.n;
  }
  return counts;
}

/** The natural village of a household (a case's audit unit). */
export async function householdPlaceOf(db: Db, county: string, householdId: number): Promise<string> {
  const row = await db
    .selectFrom('household')
    .select('natural_village_code')
    .where('county_code', '=', county)
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  return row.natural_village_code;
}
