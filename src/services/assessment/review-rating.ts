/**
 * The review steps of one member's rating while the year's reviews are open: the member's self-assessment (own
 * stars and comment), the group review by the leader of the member's Party group, and the branch review by the
 * village's Party branch (a village secretary, or a township or county organiser above it). No step may give more
 * stars than the rating's veto allows; the branch's stars become the result unless an objection changes them.
 */
import type { Kysely } from 'kysely';
import { groupLeaderOf, updateRating } from '../../db/repositories/assessment.ts';
import { ratingRow, roundRow } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import { inScope } from '../../domain/access/roles.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import type { ReviewStep } from '../../shared/labels/assessment.ts';
import type { Actor } from '../access/actor.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { assertStage, assertWithinVeto, refuse } from './assessment-rules.ts';

export interface ReviewInput {
  stars: number;
  comment?: string | undefined;
}

const BRANCH_ROLES = new Set(['village_secretary', 'township_admin', 'county_admin']);

/** Whether the actor may give `step` for the member (the member themself, their group's leader, their branch). */
async function mayReview(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  step: ReviewStep,
  memberId: number,
  unit: string,
): Promise<boolean> {
  const grants = actor.grants.filter((g) => g.countyCode === county);
  if (step === 'self') return grants.some((g) => g.memberId === memberId);
  if (step === 'group') {
    const leader = await groupLeaderOf(db, county, memberId);
    return leader !== null && grants.some((g) => g.role === 'group_leader' && g.memberId === leader);
  }
  return grants.some((g) => BRANCH_ROLES.has(g.role) && inScope(unit, [g.orgCode]));
}

const NOT_YOURS: Record<ReviewStep, { zh: string; en: string }> = {
  self: { zh: '只能为自己自评', en: 'A self-assessment is by the member themself' },
  group: {
    zh: '党小组评议须由该党员所在党小组的组长进行',
    en: "The group review is by the leader of the member's group",
  },
  branch: {
    zh: '支部审核须由村党组织（或上级）进行',
    en: "The branch review is by the village's Party branch or above",
  },
};

export async function reviewRating(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  year: number,
  memberId: number,
  step: ReviewStep,
  input: ReviewInput,
  today: string = chinaDateOf(),
): Promise<{ memberId: number; step: ReviewStep; stars: number }> {
  const rating = await ratingRow(db, county, year, memberId);
  if (!rating) throw AppError.notFound({ zh: '星级评定', en: 'Rating' });
  if (!(await mayReview(db, county, actor, step, memberId, rating.natural_village_code))) {
    throw refuse('step', 'not_reviewer', NOT_YOURS[step]);
  }
  assertStage((await roundRow(db, county, year))?.stage, 'review');
  if (rating.exempt_reason !== null) {
    throw refuse('stars', 'exempt', { zh: '该党员已免于评星', en: 'The member is exempt from rating' });
  }
  assertWithinVeto(input.stars, rating.veto_code);
  const comment = input.comment?.trim() || null;
  const by = currentContext().actorId;
  return write(db, county, async (ctx) => {
    const values =
      step === 'self'
        ? { self_stars: input.stars, self_comment: comment, self_on: today }
        : step === 'group'
          ? { group_stars: input.stars, group_comment: comment, group_by: by, group_on: today }
          : { branch_stars: input.stars, branch_comment: comment, branch_by: by, branch_on: today };
    await updateRating(ctx.tx, county, year, memberId, values);
    ctx.audit({
      action:
        step === 'self'
          ? 'assessment.review_self'
          : step === 'group'
            ? 'assessment.review_group'
            : 'assessment.review_branch',
      table: 'star_rating',
      recordId: `${year}-${memberId}`,
      orgCode: rating.natural_village_code,
      diff: { year: [null, year], stars: [null, input.stars], comment: [null, comment] },
    });
    ctx.changed('assessment');
    return { memberId, step, stars: input.stars };
  });
}
