/** Sets a pairing's help measures (帮扶措施, ≤ 500 characters), audited with the change. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/pairings.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';
import { getPairing } from './get-pairing.ts';
import { PAIRING } from './pairing-view.ts';

export async function updateMeasures(db: Kysely<Database>, county: string, id: number, measures: string) {
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const old = await repo.lockPairing(tx, county, id);
    if (!old) throw AppError.notFound(PAIRING);
    const [h] = await repo.householdsByIds(tx, county, [old.household_id]);
    await repo.setMeasures(tx, county, id, measures);
    const diff = diffOf(old, { measures });
    ctx.audit({
      action: 'pairing.measures',
      table: 'pairing',
      recordId: id,
      orgCode: h!.natural_village_code,
      diff,
    });
  });
  return getPairing(db, county, id);
}
