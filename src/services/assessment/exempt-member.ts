/**
 * Exempts a member from a year's rating (elderly, ill, or at their own request, with a note) while reviews are
 * open, or lifts the exemption; the year is recomputed so quotas count only those rated.
 */
import type { Kysely } from 'kysely';
import { updateRating } from '../../db/repositories/assessment.ts';
import { ratingRow, roundRow } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { ExemptReasonCode } from '../../shared/labels/assessment.ts';
import { write } from '../write.ts';
import { assertStage } from './assessment-rules.ts';
import { recomputeYear } from './recompute-year.ts';

export async function exemptMember(
  db: Kysely<Database>,
  county: string,
  year: number,
  memberId: number,
  input: { reason: ExemptReasonCode | null; note?: string | undefined },
): Promise<{ memberId: number; exemptReason: ExemptReasonCode | null }> {
  const rating = await ratingRow(db, county, year, memberId);
  if (!rating) throw AppError.notFound({ zh: '星级评定', en: 'Rating' });
  assertStage((await roundRow(db, county, year))?.stage, 'review');
  const note = input.note?.trim() || null;
  await write(db, county, async (ctx) => {
    // The CHECK pairs an exemption with no computed stars; the recompute below re-rates a member whose exemption ends.
    await updateRating(ctx.tx, county, year, memberId, {
      exempt_reason: input.reason,
      exempt_note: input.reason ? note : null,
      computed_stars: input.reason ? null : (rating.by_score ?? 1),
      lowered: null,
      veto_code: input.reason ? null : rating.veto_code,
    });
    ctx.audit({
      action: 'assessment.exempt',
      table: 'star_rating',
      recordId: `${year}-${memberId}`,
      orgCode: rating.natural_village_code,
      diff: { reason: [rating.exempt_reason, input.reason], note: [rating.exempt_note, note] },
    });
  });
  await recomputeYear(db, county, year);
  return { memberId, exemptReason: input.reason };
}
