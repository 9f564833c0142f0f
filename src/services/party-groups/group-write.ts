/**
 * What every write to a Party group shares, inside the write envelope (services/write.ts): find and lock the
 * group, refuse a retired one, audit the field diff, and say the county's dashboard changed.
 */
import type { Transaction } from 'kysely';
import { currentInstructors, findGroup, type GroupRow, lockGroup } from '../../db/repositories/party-groups.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem, type Localized } from '../../domain/errors.ts';
import { diffOf } from '../audit/audit.ts';
import type { WriteContext } from '../write.ts';
import { PARTY_GROUP } from './group-view.ts';

/** A 422 with one field problem. */
export function refuse(path: string, code: string, message: Localized): AppError {
  const problem: FieldProblem = { path, code, message };
  return AppError.rules([problem]);
}

/** The audited fields of a group: its row, and who instructs it now. */
async function snapshot(tx: Transaction<Database>, county: string, id: number) {
  const group = await findGroup(tx, county, id);
  const instructors = await currentInstructors(tx, county, id);
  return {
    leader_member_id: group?.leader_member_id ?? null,
    leader_since: group?.leader_since ?? null,
    activity_address: group?.activity_address ?? '',
    activity_lat: group?.activity_lat ?? null,
    activity_lng: group?.activity_lng ?? null,
    activity_notes: group?.activity_notes ?? '',
    instructors: instructors.map((i) => `${i.level}:${i.name}:${i.post}:${i.member_id ?? ''}`),
  };
}

/**
 * Runs `step` on the locked, current group `id` of the envelope's county (404 when unknown or of another county,
 * 422 when retired) and audits it as `action` with the field diff. Call it as the step of `write`.
 */
export async function groupStep<T>(
  ctx: WriteContext,
  id: number,
  action: string,
  step: (tx: Transaction<Database>, group: GroupRow) => Promise<T>,
): Promise<T> {
  const { tx, county } = ctx;
  await lockGroup(tx, county, id);
  const group = await findGroup(tx, county, id);
  if (!group) throw AppError.notFound(PARTY_GROUP);
  if (group.retired_at !== null || group.grid_retired_at !== null) {
    throw refuse('id', 'group_retired', {
      zh: `党小组“${group.name}”所在网格已撤销，不能再修改`,
      en: `The grid of Party group "${group.name}" was retired; the group can no longer be changed`,
    });
  }
  const before = await snapshot(tx, county, id);
  const result = await step(tx, group);
  const diff = diffOf(before, await snapshot(tx, county, id));
  ctx.audit({ action, table: 'party_group', recordId: id, orgCode: group.village_code, diff });
  ctx.changed('dashboard');
  // Groups and their members changed: the remembered compliance and activity lists follow.
  ctx.changed('activities');
  return result;
}
