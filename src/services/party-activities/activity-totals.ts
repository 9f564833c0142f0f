/**
 * A county's activity figures for a year — required, held in time, late, missed, still due — for the star
 * statistics (`lianxin stars`) and the dashboard: the sum of every current group's compliance, computed once per
 * county and remembered until an activity write (group-compliance.ts).
 */
import type { Kysely } from 'kysely';
import { groupsForCompliance } from '../../db/repositories/party-activity-list.ts';
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

/** The same figures for the current groups of a scope (a unit code; a natural village: the grids touching it). */
export async function scopeActivityTotals(
  db: Kysely<Database>,
  county: string,
  scope: string,
  year: number,
  today: string = chinaDateOf(),
): Promise<ActivityTotals> {
  if (scope === county) return activityTotals(db, county, year, today);
  const [groups, byGroup] = await Promise.all([
    groupsForCompliance(db, county, scope),
    groupCompliance(db, county, year, today),
  ]);
  const totals = NO_COMPLIANCE();
  // A group set up within the last minute is not in the remembered figures yet: it counts nothing.
  for (const group of groups) addCompliance(totals, byGroup.get(group.id) ?? NO_COMPLIANCE());
  return totals;
}
