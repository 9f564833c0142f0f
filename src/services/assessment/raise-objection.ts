/**
 * An objection (异议) to a member's rating while the ratings are on notice, or to their place on the exemplary
 * shortlist while it is on notice: anyone signed in whose scope holds the member may raise one.
 */
import type { Kysely } from 'kysely';
import { insertObjection, onShortlist } from '../../db/repositories/assessment.ts';
import { ratingRow, roundRow } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { refuse } from './assessment-rules.ts';

export async function raiseObjection(
  db: Kysely<Database>,
  county: string,
  year: number,
  memberId: number,
  input: { target: 'rating' | 'exemplary'; content: string },
  today: string = chinaDateOf(),
): Promise<{ id: number }> {
  const rating = await ratingRow(db, county, year, memberId);
  if (!rating) throw AppError.notFound({ zh: '星级评定', en: 'Rating' });
  const round = await roundRow(db, county, year);
  const open =
    input.target === 'rating'
      ? round?.stage === 'notice'
      : round?.exemplary_stage === 'notice' && (await onShortlist(db, county, year, memberId));
  if (!open) {
    throw refuse('target', 'not_on_notice', {
      zh: input.target === 'rating' ? '星级评定未在公示期' : '该党员不在公示中的评先评优名单上',
      en: input.target === 'rating' ? 'The ratings are not on notice' : 'The member is not on a shortlist on notice',
    });
  }
  const content = input.content.trim();
  if (content === '') throw refuse('content', 'blank', { zh: '须写明异议内容', en: 'Say what the objection is' });
  return write(db, county, async (ctx) => {
    const id = await insertObjection(ctx.tx, {
      county_code: county,
      year,
      member_id: memberId,
      target: input.target,
      content,
      raised_by: currentContext().actorId,
      raised_on: today,
    });
    ctx.audit({
      action: 'assessment.objection',
      table: 'assessment_objection',
      recordId: id,
      orgCode: rating.natural_village_code,
      diff: { memberId: [null, memberId], content: [null, content] },
    });
    ctx.changed('assessment');
    return { id };
  });
}
