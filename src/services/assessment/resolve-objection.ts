/**
 * Resolves an objection (party.review where the member is): dismissed, or upheld — for a rating, with the
 * stars the review now gives (within the veto's cap, becoming the branch's stars); for the exemplary shortlist,
 * the member leaves it.
 */
import type { Kysely } from 'kysely';
import {
  lockObjection,
  resolveObjectionRow,
  setExemplaryStatus,
  updateRating,
} from '../../db/repositories/assessment.ts';
import { ratingRow } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { assertWithinVeto, refuse } from './assessment-rules.ts';

export interface ResolveInput {
  decision: 'upheld' | 'dismissed';
  resolution: string;
  stars?: number | undefined;
}

export async function resolveObjection(
  db: Kysely<Database>,
  county: string,
  id: number,
  /** Whether the objection's member is the one the route was allowed for. */
  belongs: (memberId: number) => boolean,
  input: ResolveInput,
  today: string = chinaDateOf(),
): Promise<{ id: number; status: 'upheld' | 'dismissed' }> {
  const resolution = input.resolution.trim();
  if (resolution === '') throw refuse('resolution', 'blank', { zh: '须写明处理意见', en: 'A resolution is required' });
  const by = currentContext().actorId;
  return write(db, county, async (ctx) => {
    const row = await lockObjection(ctx.tx, county, id);
    const rating = row ? await ratingRow(ctx.tx, county, Number(row.year), Number(row.member_id)) : undefined;
    if (!row || !rating || !belongs(Number(row.member_id))) {
      throw AppError.notFound({ zh: '异议', en: 'Objection' });
    }
    if (row.status !== 'open') throw refuse('decision', 'resolved', { zh: '该异议已处理', en: 'Already resolved' });
    const year = Number(row.year);
    const memberId = Number(row.member_id);
    if (input.decision === 'upheld' && row.target === 'rating') {
      if (input.stars === undefined) {
        throw refuse('stars', 'required', {
          zh: '异议成立须给出调整后的星级',
          en: 'An upheld objection gives the new stars',
        });
      }
      assertWithinVeto(input.stars, rating.veto_code);
      await updateRating(ctx.tx, county, year, memberId, {
        branch_stars: input.stars,
        branch_comment: resolution,
        branch_by: by,
        branch_on: today,
      });
    }
    if (input.decision === 'upheld' && row.target === 'exemplary') {
      await setExemplaryStatus(ctx.tx, county, year, memberId, 'shortlisted', 'removed');
    }
    await resolveObjectionRow(ctx.tx, county, id, {
      status: input.decision,
      resolution,
      resolved_by: by,
      resolved_on: today,
    });
    ctx.audit({
      action: 'assessment.objection_resolve',
      table: 'assessment_objection',
      recordId: id,
      orgCode: rating.natural_village_code,
      diff: { status: ['open', input.decision], decision: [null, resolution] },
    });
    ctx.changed('assessment');
    return { id, status: input.decision };
  });
}
