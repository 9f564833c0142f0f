/**
 * Every current group's compliance for a year as of a business date, remembered per county until an activity write
 * of the county is announced ('activities': rules, activities, their status) or for a minute (a write by another
 * process, a grid re-plan). The county's totals and every compliance view read it, so the plan rules run for the
 * whole county once: two queries (the groups, the year's held activities packed one row per group), then the rules.
 */
import type { Kysely } from 'kysely';
import { groupsForCompliance, heldInYear } from '../../db/repositories/party-activity-list.ts';
import type { Database } from '../../db/schema.ts';
import { complianceByGroup, requiredRules } from '../../domain/party-life/activities.ts';
import type { Compliance } from '../../domain/party-life/activity-plan.ts';
import { CountyMemo, follow } from '../county-memo.ts';
import { rulesInForce } from './activity-rules.ts';

const memo = follow(new CountyMemo<Map<number, Compliance>>(60_000, 100), 'activities');

/** Group id → its compliance in `year` on `today`, for the county's current groups. */
export function groupCompliance(
  db: Kysely<Database>,
  county: string,
  year: number,
  today: string,
): Promise<Map<number, Compliance>> {
  return memo.get(county, `${year}|${today}`, async () => {
    const [rules, groups, held] = await Promise.all([
      rulesInForce(db, county),
      groupsForCompliance(db, county, undefined),
      heldInYear(db, county, year, {}),
    ]);
    return complianceByGroup(
      requiredRules(rules),
      year,
      today,
      groups.map((g) => g.id),
      held,
    );
  });
}
