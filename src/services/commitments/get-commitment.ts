/** Read one public commitment with its items. */
import type { Kysely } from 'kysely';
import { findCommitment, itemsOf } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { COMMITMENT, type CommitmentView, toDetail } from './commitment-view.ts';

/** Commitment `id` of `county` with its items in order (404 for an unknown id or another county's). */
export async function getCommitment(db: Kysely<Database>, county: string, id: number): Promise<CommitmentView> {
  const [row, items] = await Promise.all([findCommitment(db, county, id), itemsOf(db, county, id)]);
  if (!row) throw AppError.notFound(COMMITMENT);
  return toDetail(row, items);
}
