/**
 * A group's yearly plan (年度计划): one slot per required activity and period from the county's rules, each
 * with its state by the business date — held in time, held late, missed, or still due — and the activity that
 * filled it (domain/party-life/activity-plan.ts).
 */
import type { Kysely } from 'kysely';
import { heldInYear } from '../../db/repositories/party-activity-list.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { requiredRules } from '../../domain/party-life/activities.ts';
import { complianceOf, slotOutcomes, yearPlan } from '../../domain/party-life/activity-plan.ts';
import type { GroupPlan } from '../../shared/schemas/party-activity.ts';
import { reachGroup } from './activity-access.ts';
import { rulesInForce } from './activity-rules.ts';

export async function groupPlan(
  db: Kysely<Database>,
  county: string,
  query: { groupId: number; within?: string | undefined; year?: number | undefined },
): Promise<GroupPlan> {
  const group = await reachGroup(db, county, query.groupId, query.within);
  const today = chinaDateOf();
  const year = query.year ?? Number(today.slice(0, 4));
  const [rules, held] = await Promise.all([
    rulesInForce(db, county),
    heldInYear(db, county, year, { groupId: group.id }),
  ]);
  const outcomes = slotOutcomes(yearPlan(requiredRules(rules), year), held, today);
  const heldOn = new Map(held.map((h) => [h.id, h.heldOn]));
  return {
    groupId: group.id,
    groupName: group.name,
    year,
    today,
    slots: outcomes.map((o) => ({ ...o, heldOn: o.activityId === null ? null : (heldOn.get(o.activityId) ?? null) })),
    compliance: complianceOf(outcomes),
  };
}
