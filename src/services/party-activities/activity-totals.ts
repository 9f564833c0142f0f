/**
 * A county's activity figures for a year — required, held in time, late, missed, still due — for the star
 * statistics (`lianxin stars`) and the dashboard. Fast by construction: one query for the county's held
 * activities of the year and one for how many groups there are; the rest is the pure plan rules, and every group
 * without a held activity shares one computed outcome.
 */
import type { Kysely } from 'kysely';
import { countGroups, heldInYear } from '../../db/repositories/party-activity-list.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { addCompliance, complianceByGroup, NO_COMPLIANCE, requiredRules } from '../../domain/party-life/activities.ts';
import type { Compliance } from '../../domain/party-life/activity-plan.ts';
import { rulesInForce } from './activity-rules.ts';

export type ActivityTotals = Compliance;

/** The county's figures for `year` as of the business date (`today` for a fixed day, e.g. in tests). */
export async function activityTotals(
  db: Kysely<Database>,
  county: string,
  year: number,
  today: string = chinaDateOf(),
): Promise<ActivityTotals> {
  const [rules, held, groups] = await Promise.all([
    rulesInForce(db, county),
    heldInYear(db, county, year, {}),
    countGroups(db, county),
  ]);
  const active = [...new Set(held.map((h) => h.groupId))];
  const byGroup = complianceByGroup(requiredRules(rules), year, today, [...active, 0], held);
  const totals = NO_COMPLIANCE();
  for (const id of active) addCompliance(totals, byGroup.get(id) as Compliance);
  // Group 0 stands for every group that held nothing this year: the same outcome, counted that many times.
  const idle = byGroup.get(0) as Compliance;
  const idleGroups = Math.max(0, groups - active.length);
  return addCompliance(totals, {
    required: idle.required * idleGroups,
    held: idle.held * idleGroups,
    late: idle.late * idleGroups,
    missed: idle.missed * idleGroups,
    due: idle.due * idleGroups,
  });
}
