/** What every write to a Party group shares: find and lock the group, one transaction, announce the change. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem, type Localized } from '../../domain/errors.ts';
import { dashboardMemo } from '../dashboard/dashboard-memo.ts';
import { PARTY_GROUP } from './group-view.ts';
import { findGroup, type GroupRow, lockGroup } from './queries.ts';

/** A 422 with one field problem. */
export function refuse(path: string, code: string, message: Localized): AppError {
  const problem: FieldProblem = { path, code, message };
  return AppError.rules([problem]);
}

/**
 * Runs `write` in one transaction on the locked, current group `id` of `county` (404 when unknown or of another
 * county, 422 when retired), then tells the county's remembered reads that groups changed.
 */
export async function writeGroup<T>(
  db: Kysely<Database>,
  county: string,
  id: number,
  write: (tx: Transaction<Database>, group: GroupRow) => Promise<T>,
): Promise<T> {
  const result = await db.transaction().execute(async (tx) => {
    await lockGroup(tx, county, id);
    const group = await findGroup(tx, county, id);
    if (!group) throw AppError.notFound(PARTY_GROUP);
    if (group.retired_at !== null || group.grid_retired_at !== null) {
      throw refuse('id', 'group_retired', {
        zh: `党小组“${group.name}”所在网格已撤销，不能再修改`,
        en: `The grid of Party group "${group.name}" was retired; the group can no longer be changed`,
      });
    }
    return write(tx, group);
  });
  dashboardMemo.changed(county);
  return result;
}
