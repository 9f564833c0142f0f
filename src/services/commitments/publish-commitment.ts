/** Publish an approved commitment (公开): from then on its items are fulfilled and shown publicly. */
import type { Kysely } from 'kysely';
import { updateCommitment } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import type { CommitmentView } from './commitment-view.ts';
import { writeCommitment } from './commitment-write.ts';

/** Publishes approved commitment `id` today (409 in any other state). */
export async function publishCommitment(
  db: Kysely<Database>,
  county: string,
  id: number,
  today: string = chinaDateOf(),
): Promise<CommitmentView> {
  return writeCommitment(db, county, id, { action: 'publish', audit: 'commitment.publish' }, async (tx) => {
    await updateCommitment(tx, county, id, { status: 'published', published_on: today });
  });
}
