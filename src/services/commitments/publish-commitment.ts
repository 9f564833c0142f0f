/** Publish an approved commitment (公开): from then on its items are fulfilled and shown publicly. */

import type { Kysely } from 'kysely';
import { updateCommitment } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { write } from '../write.ts';
import type { CommitmentView } from './commitment-view.ts';
import { commitmentStep } from './commitment-write.ts';

/** Publishes approved commitment `id` today (409 in any other state). */
export async function publishCommitment(
  db: Kysely<Database>,
  county: string,
  id: number,
  today: string = chinaDateOf(),
): Promise<CommitmentView> {
  return write(db, county, (ctx) =>
    commitmentStep(ctx, id, { action: 'publish', audit: 'commitment.publish' }, async (tx) => {
      await updateCommitment(tx, county, id, { status: 'published', published_on: today });
    }),
  );
}
