/**
 * The dashboard's Party life section (党组织生活与星级评定) of a scope and year: the scope's required activities
 * held, late, missed and due (from the county's remembered compliance, activity-totals.ts) and its members by
 * stars (from the remembered star board). Both are remembered per county until their topic's write, so the
 * section costs one query for the scope's groups.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { complianceRate } from '../../domain/party-life/activities.ts';
import type { PartyLifeFigures } from '../../shared/schemas/dashboard-party-life.ts';
import { getStarBoard } from '../assessment/star-board.ts';
import { scopeActivityTotals } from '../party-activities/activity-totals.ts';

/** Activities held against required and the stars distribution of `scope` in `year` (the business year if none). */
export async function partyLifeFigures(
  db: Kysely<Database>,
  county: string,
  scope: string,
  year?: number,
): Promise<PartyLifeFigures> {
  const today = chinaDateOf();
  const asked = year ?? Number(today.slice(0, 4));
  const [activities, board] = await Promise.all([
    scopeActivityTotals(db, county, scope, asked, today),
    getStarBoard(db, county, asked, scope),
  ]);
  const { stage, computedAt, members, rated, exempt, unrated, vetoed, byStars } = board;
  return {
    scope,
    year: asked,
    activities: { ...activities, rate: Math.round(complianceRate(activities) * 1000) / 1000 },
    stars: { stage, computedAt, members, rated, exempt, unrated, vetoed, byStars },
  };
}
