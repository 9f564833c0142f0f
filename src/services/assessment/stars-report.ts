/**
 * What `lianxin stars` prints: a county-year recomputed (points and stars from the records) beside its groups'
 * activities required and held (`activityTotals`), so one command shows the assessment and the organisational
 * life behind it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { activityTotals } from '../party-activities/activity-totals.ts';
import { type RecomputeSummary, recomputeYear } from './recompute-year.ts';

export interface StarsReport extends RecomputeSummary {
  county: string;
  activitiesRequired: number;
  activitiesHeld: number;
  activitiesLate: number;
  activitiesMissed: number;
}

export async function starsReport(db: Kysely<Database>, county: string, year: number): Promise<StarsReport> {
  const summary = await recomputeYear(db, county, year);
  const activities = await activityTotals(db, county, year);
  return {
    county,
    ...summary,
    activitiesRequired: activities.required,
    activitiesHeld: activities.held,
    activitiesLate: activities.late,
    activitiesMissed: activities.missed,
  };
}
