/**
 * The assessment's lists by scope and year: ratings (a page, best first), pending and decided requests (manual
 * items and vetoes), objections, and the exemplary shortlist with its stage.
 */
import type { Kysely } from 'kysely';
import { listExemplary, listObjections, listRatings, listRequests } from '../../db/repositories/assessment.ts';
import { roundRow } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';

export const listRatingsOf = listRatings;

export async function listAssessmentRequests(
  db: Kysely<Database>,
  county: string,
  filter: { within?: string | undefined; year?: number | undefined; status?: string | undefined },
) {
  return { items: await listRequests(db, county, { ...filter, within: filter.within ?? county }) };
}

export async function listAssessmentObjections(db: Kysely<Database>, county: string, year: number, within: string) {
  return { items: await listObjections(db, county, year, within) };
}

export async function listExemplaryMembers(db: Kysely<Database>, county: string, year: number, within: string) {
  const round = await roundRow(db, county, year);
  return { year, stage: round?.exemplary_stage ?? null, items: await listExemplary(db, county, year, within) };
}
