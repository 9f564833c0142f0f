/** Pairings of a scope, one page: current first, filters by member, household, grid, status or handover need. */
import type { Kysely } from 'kysely';
import { type PairingFilter, listPairings as queryPairings } from '../../db/repositories/pairings.ts';
import type { Database } from '../../db/schema.ts';
import { toPairingItem } from './pairing-view.ts';

export async function listPairings(db: Kysely<Database>, county: string, filter: PairingFilter) {
  const { rows, total } = await queryPairings(db, county, filter);
  return { items: rows.map(toPairingItem), total, page: filter.page ?? 1, pageSize: filter.pageSize ?? 20 };
}
