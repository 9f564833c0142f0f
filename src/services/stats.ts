/** Headline counts of the registries, for one county or the whole database. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { businessNow } from '../domain/clock.ts';

export interface RegistryStats {
  townships: number;
  villages: number;
  naturalVillages: number;
  grids: number;
  partyGroups: number;
  members: number;
  households: number;
  householdsPoor: number;
  householdsExited: number;
  householdsMonitored: number;
  persons: number;
  /** Current pairings (not ended). */
  pairings: number;
  /** Help records (帮扶纪实) of any status. */
  helpRecords: number;
  /** Problems resolved or closed; still being handled; of those, past their level's deadline. */
  problemsResolved: number;
  problemsOpen: number;
  problemsOverdue: number;
}

/**
 * One round trip of sub-selects; `county` undefined counts every county in the database. Current grids only.
 * Overdue is judged at `now` (business time).
 */
export async function registryStats(
  db: Kysely<Database>,
  county?: string,
  now: Date = businessNow(),
): Promise<RegistryStats> {
  const where = county ? sql`where county_code = ${county}` : sql``;
  const and = county ? sql`and county_code = ${county}` : sql``;
  const { rows } = await sql<Record<keyof RegistryStats, number>>`
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
      (select count(*) from household where status = 'monitored' ${and})::int as "householdsMonitored",
      (select count(*) from household_person where removed_on is null ${and})::int as "persons",
      (select count(*) from pairing where ended_on is null ${and})::int as "pairings",
      (select count(*) from assistance_record ${where})::int as "helpRecords",
      (select count(*) from problem where status in ('resolved', 'closed') ${and})::int as "problemsResolved",
      (select count(*) from problem where status not in ('resolved', 'closed') ${and})::int as "problemsOpen",
      (select count(*) from problem where status not in ('resolved', 'closed') and due_at < ${now.toISOString()}::timestamptz ${and})::int
        as "problemsOverdue"
  `.execute(db);
  return rows[0] as RegistryStats;
}
