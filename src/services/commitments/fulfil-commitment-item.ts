/** Record that one item of a published commitment was fulfilled, with evidence (兑现). */

import type { Kysely } from 'kysely';
import { findItem, fulfilItem } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import type { CommitmentView } from './commitment-view.ts';
import { commitmentStep, refuse } from './commitment-write.ts';

export interface FulfilInput {
  on: string;
  evidence: string;
}

/**
 * Marks item `itemId` of published commitment `id` fulfilled on `on` with `evidence`. 404 for an item of another
 * commitment; 409 when the commitment is not published or the item is already fulfilled; 422 for a future date,
 * a date before the commitment's year, or blank evidence.
 */
export async function fulfilCommitmentItem(
  db: Kysely<Database>,
  county: string,
  id: number,
  itemId: number,
  actor: Actor,
  input: FulfilInput,
  today: string = chinaDateOf(),
): Promise<CommitmentView> {
  const options = { action: 'fulfil' as const, audit: 'commitment.fulfil', actor };
  return write(db, county, (ctx) =>
    commitmentStep(ctx, id, options, async (tx, row) => {
      const item = await findItem(tx, county, id, itemId);
      if (!item) throw AppError.notFound({ zh: '承诺事项', en: 'commitment item' });
      if (item.fulfilled_on !== null) {
        throw new AppError('conflict', {
          zh: `第 ${item.position} 项已于 ${item.fulfilled_on} 登记兑现`,
          en: `Item ${item.position} was already fulfilled on ${item.fulfilled_on}`,
        });
      }
      if (input.on > today) {
        throw refuse('on', 'future_date', {
          zh: '兑现日期不能晚于今天',
          en: 'The fulfilment date cannot be in the future',
        });
      }
      if (input.on < `${row.year}-01-01`) {
        throw refuse('on', 'before_year', {
          zh: `兑现日期不能早于 ${row.year} 年`,
          en: `The fulfilment date cannot be before ${row.year}`,
        });
      }
      const evidence = input.evidence.trim();
      if (evidence === '') {
        throw refuse('evidence', 'blank', { zh: '兑现佐证不能只有空格', en: 'The evidence cannot be only spaces' });
      }
      await fulfilItem(tx, county, itemId, input.on, evidence);
    }),
  );
}
