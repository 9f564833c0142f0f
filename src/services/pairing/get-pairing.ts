/** One pairing with its chain: the pairing it took over from, the one that took it over, and the household's history. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/pairings.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { PAIRING, toPairingItem } from './pairing-view.ts';

export async function getPairing(db: Kysely<Database>, county: string, id: number) {
  const [self] = await repo.pairingRows(db, county, { ids: [id] });
  if (!self) throw AppError.notFound(PAIRING);
  const history = await repo.pairingRows(db, county, { householdId: self.household_id });
  const predecessor = history.find((p) => p.successor_id === id) ?? null;
  const successor = self.successor_id === null ? null : (history.find((p) => p.id === self.successor_id) ?? null);
  return {
    ...toPairingItem(self),
    endNote: self.end_note,
    exitId: self.exit_id,
    predecessor: predecessor && toPairingItem(predecessor),
    successor: successor && toPairingItem(successor),
    history: history.map(toPairingItem),
  };
}
