/** Year-end evaluation of a published commitment (年终评价): a grade and the reasons. */

import type { Kysely } from 'kysely';
import { updateCommitment } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { type EvaluationGrade, evaluableFrom } from '../../domain/commitments.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import type { CommitmentView } from './commitment-view.ts';
import { commitmentStep, refuse } from './commitment-write.ts';

export interface EvaluateInput {
  grade: EvaluationGrade;
  evaluation: string;
}

/**
 * Evaluates published commitment `id` (409 in any other state). The evaluation is a year-end act: 422 before
 * 1 December of the commitment's year, and for blank words.
 */
export async function evaluateCommitment(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: EvaluateInput,
  today: string = chinaDateOf(),
): Promise<CommitmentView> {
  return write(db, county, (ctx) =>
    commitmentStep(ctx, id, { action: 'evaluate', audit: 'commitment.evaluate' }, async (tx, row) => {
      const from = evaluableFrom(Number(row.year));
      if (today < from) {
        throw refuse('grade', 'too_early', {
          zh: `${row.year} 年的承诺须在年终评价，${from} 起方可评价`,
          en: `Commitments of ${row.year} are evaluated at year end, from ${from}`,
        });
      }
      const evaluation = input.evaluation.trim();
      if (evaluation === '') {
        throw refuse('evaluation', 'blank', { zh: '评价内容不能只有空格', en: 'The evaluation cannot be only spaces' });
      }
      await updateCommitment(tx, county, id, {
        status: 'evaluated',
        evaluation_grade: input.grade,
        evaluation,
        evaluated_on: today,
        evaluated_by: currentContext().actorId,
      });
    }),
  );
}
