/** A moderator approves or rejects one public feedback entry; only approved ones reach the public page. */
import type { Kysely } from 'kysely';
import { findFeedback, setFeedbackStatus } from '../../db/repositories/feedback.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { maskPiiInText } from '../../domain/pii-text.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';

const FEEDBACK = { zh: '评价', en: 'feedback' };

/**
 * Sets entry `id` to approved or rejected (a later decision may overturn an earlier one). One transaction,
 * audited; `orgCode` is the unit the access layer resolved (the household's natural village).
 */
export async function moderateFeedback(
  db: Kysely<Database>,
  county: string,
  id: number,
  decision: 'approve' | 'reject',
  orgCode: string,
): Promise<{ id: number; status: 'approved' | 'rejected' }> {
  const status = decision === 'approve' ? 'approved' : 'rejected';
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const current = await findFeedback(tx, county, id);
    if (!current) throw AppError.notFound(FEEDBACK);
    // Entries stored before comments were masked on arrival are masked now, before anything is published.
    const comment = maskPiiInText(current.comment);
    await setFeedbackStatus(tx, county, id, status, currentContext().actorId, comment);
    ctx.audit({
      action: `feedback.${decision}`,
      table: 'public_feedback',
      recordId: id,
      orgCode,
      diff: {
        status: [current.status, status],
        ...(comment === current.comment ? {} : { comment_masked: [false, true] }),
      },
    });
  });
  return { id, status };
}
