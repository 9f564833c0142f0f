/**
 * A county's activity figures for a year — required, held in time, late, missed, still due — for the star
 * statistics (`lianxin stars`) and the dashboard: the sum of every current group's compliance, computed once per
 * county and remembered until an activity write (group-compliance.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { addCompliance, NO_COMPLIANCE } from '../../domain/party-life/activities.ts';
import type { Compliance } from '../../domain/party-life/activity-plan.ts';
import { groupCompliance } from './group-compliance.ts';

export type ActivityTotals = Compliance;

/** The county's figures for `year` as of the business date (`today` for a fixed day, e.g. in tests). */
export async function activityTotals(
  db: Kysely<Database>,
  county: string,
  year: number,
  today: string = chinaDateOf(),
): Promise<ActivityTotals> {
  const byGroup = await groupCompliance(db, county, year, today);
  const totals = NO_COMPLIANCE();
  for (const counts of byGroup.values()) addCompliance(totals, counts);
  return totals;
}
