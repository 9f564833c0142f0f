/** Edit a commitment's items while it is proposed or returned (a returned one becomes proposed again). */

import type { Kysely } from 'kysely';
import { replaceItems, updateCommitment } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { checkItems, type ItemInput } from './commitment-items.ts';
import type { CommitmentView } from './commitment-view.ts';
import { commitmentStep } from './commitment-write.ts';

/**
 * Replaces the items of commitment `id` (1–3, households among the member's current pairings). Allowed while
 * proposed or returned (else 409 naming the state); a returned commitment goes back to review as proposed.
 */
export async function editCommitmentItems(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  items: ItemInput[],
): Promise<CommitmentView> {
  return write(db, county, (ctx) =>
    commitmentStep(ctx, id, { action: 'edit', audit: 'commitment.edit', actor }, async (tx, row) => {
      const values = await checkItems(tx, county, Number(row.member_id), Number(row.year), items);
      await replaceItems(tx, county, id, values);
      await updateCommitment(tx, county, id, { status: 'proposed' });
    }),
  );
}
