/** The registries' headline counts in one round trip of sub-selects, for one county or every county. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export type RegistryCountName =
  | 'townships'
  | 'villages'
  | 'naturalVillages'
  | 'grids'
  | 'partyGroups'
  | 'members'
  | 'households'
  | 'householdsPoor'
  | 'householdsExited'
  | 'householdsMonitored'
  | 'persons'
  | 'pairings'
  | 'helpRecords'
  | 'problemsResolved'
  | 'problemsOpen'
  | 'problemsOverdue';

/**
 * Counts of current rows (grids and groups not retired, members active, persons not removed, pairings not ended);
 * `county` undefined counts every county. A problem is overdue when still open with `due_at` before `now` (ISO).
 */
export async function registryCounts(
  db: Kysely<Database>,
  county: string | undefined,
  now: string,
): Promise<Record<RegistryCountName, number>> {
  const where = county ? sql`where county_code = ${county}` : sql``;
  const and = county ? sql`and county_code = ${county}` : sql``;
  const { rows } = await sql<Record<RegistryCountName, number>>`
    select
      (select count(*) from org_unit where level = 'township' ${and})::int as "townships",
      (select count(*) from org_unit where level = 'village' ${and})::int as "villages",
      (select count(*) from org_unit where level = 'natural_village' ${and})::int as "naturalVillages",
      (select count(*) from grid where retired_at is null ${and})::int as "grids",
      (select count(*) from party_group where retired_at is null ${and})::int as "partyGroups",
      (select count(*) from party_member where status = 'active' ${and})::int as "members",
      (select count(*) from household ${where})::int as "households",
      (select count(*) from household where status in ('identified', 'returned') ${and})::int as "householdsPoor",
      (select count(*) from household where status = 'exited' ${and})::int as "householdsExited",
      (select count(*) from monitoring_case where status = 'open' ${and})::int as "householdsMonitored",
      (select count(*) from household_person where removed_on is null ${and})::int as "persons",
      (select count(*) from pairing where ended_on is null ${and})::int as "pairings",
      (select count(*) from assistance_record ${where})::int as "helpRecords",
      (select count(*) from problem where status in ('resolved', 'closed') ${and})::int as "problemsResolved",
      (select count(*) from problem where status not in ('resolved', 'closed') ${and})::int as "problemsOpen",
      (select count(*) from problem where status not in ('resolved', 'closed') and due_at < ${now}::timestamptz ${and})::int
        as "problemsOverdue"
  `.execute(db);
  return rows[0] as Record<RegistryCountName, number>;
}
