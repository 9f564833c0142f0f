/** The branch reviews a proposed commitment: approve it, or return it with a comment (审核). */

import type { Kysely } from 'kysely';
import { updateCommitment } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import type { CommitmentView } from './commitment-view.ts';
import { commitmentStep, refuse } from './commitment-write.ts';

export interface ReviewInput {
  decision: 'approve' | 'return';
  comment?: string | undefined;
}

/**
 * Approves or returns proposed commitment `id` (409 in any other state). Returning needs a comment that tells
 * the member what to change (422 without one); approving may carry one.
 */
export async function reviewCommitment(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: ReviewInput,
  today: string = chinaDateOf(),
): Promise<CommitmentView> {
  return write(db, county, (ctx) =>
    commitmentStep(ctx, id, { action: 'review', audit: 'commitment.review' }, async (tx) => {
      const comment = input.comment?.trim() ?? '';
      if (input.decision === 'return' && comment === '') {
        throw refuse('comment', 'comment_required', {
          zh: '退回时须填写审核意见，说明需要修改什么',
          en: 'Returning needs a comment saying what to change',
        });
      }
      await updateCommitment(tx, county, id, {
        status: input.decision === 'approve' ? 'approved' : 'returned',
        review_comment: comment === '' ? null : comment,
        reviewed_on: today,
        reviewed_by: currentContext().actorId,
      });
    }),
  );
}
