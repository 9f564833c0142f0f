/** The one way a write takes hold of a current pairing: locked for the transaction, 404 / 422 otherwise. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/pairings.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { problemAt } from './pairing-rules.ts';
import { PAIRING } from './pairing-view.ts';

/** Locks pairing `id`; 404 when unknown, 422 `pairing_ended` when it has ended. */
export async function lockCurrentPairing(tx: Kysely<Database>, county: string, id: number) {
  const pairing = await repo.lockPairing(tx, county, id);
  if (!pairing) throw AppError.notFound(PAIRING);
  if (pairing.ended_on !== null) {
    throw AppError.rules([
      problemAt('id', {
        code: 'pairing_ended',
        message: { zh: '该结对已结束', en: 'The pairing has already ended' },
      }),
    ]);
  }
  return pairing;
}
