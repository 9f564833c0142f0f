/**
 * Grid bookkeeping when the registries change under the grids: a member who leaves the branch (transferred out,
 * deceased) or moves to another village leaves their grid, the membership kept as history, and steps down as
 * leader; a household that moves out of a split natural village loses its explicit place there. Called inside
 * the registry write's transaction.
 */
import type { Transaction } from 'kysely';
import { clearDepartedLeaders, endMembership, unplaceHouseholds } from '../../db/repositories/grid-writes.ts';
import type { Database } from '../../db/schema.ts';
import type { WriteContext } from '../write.ts';

type Trx = Transaction<Database>;

/** Ends member `id`'s current grid membership when the change takes them out of their village's grids. */
export async function memberMoved(
  ctx: WriteContext,
  id: number,
  before: { status: string; natural_village_code: string },
  after: { status?: string | undefined; naturalVillageCode?: string | undefined },
): Promise<void> {
  const { tx: trx, county } = ctx;
  const status = after.status ?? before.status;
  const village = (after.naturalVillageCode ?? before.natural_village_code).slice(0, 12);
  const reason = status !== 'active' ? status : village !== before.natural_village_code.slice(0, 12) ? 'moved' : null;
  if (reason === null) return;
  const left = await endMembership(trx, county, id, reason);
  if (left.length === 0) return;
  await clearDepartedLeaders(trx, county, left);
  ctx.changed('dashboard');
  // Groups and their members changed: the remembered compliance and activity lists follow.
  ctx.changed('activities');
}

/** A household moved to another natural village no longer holds a place in a split one. */
export async function householdMoved(trx: Trx, county: string, id: number, from: string, to: string | undefined) {
  if (to === undefined || to === from) return;
  await unplaceHouseholds(trx, county, [id]);
}
