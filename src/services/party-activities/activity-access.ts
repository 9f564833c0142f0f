/**
 * Who reaches a group's activities. Reading: the group lies within the request's scope (`within`, already narrowed
 * to the caller's by the access rules; a natural village reaches the group whose grid holds it). Writing
 * (party.write): a grant covering the group's village or one of its natural villages — but where the right comes
 * only from 'group_leader' grants, only for the group their linked member leads (the rule that binds a leader's
 * help verification to their own grid, domain/access/linked-members.ts). Otherwise 404, as if it were not there.
 */
import type { Kysely } from 'kysely';
import { findGroup, type GroupRow } from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { leaderMembersOnly } from '../../domain/access/linked-members.ts';
import { ROLE_PERMISSIONS } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { PARTY_GROUP } from '../../domain/party-life/activities.ts';
import type { Actor } from '../access/actor.ts';

/** Group `groupId` when it lies within `within`; 404 otherwise. */
export async function reachGroup(
  db: Kysely<Database>,
  county: string,
  groupId: number,
  within: string | undefined,
): Promise<GroupRow> {
  const group = await findGroup(db, county, groupId, within);
  if (!group) throw AppError.notFound(PARTY_GROUP);
  return group;
}

/** Whether the actor may run `group`'s activities (see the file's comment). */
export function mayWriteGroup(actor: Actor, county: string, group: GroupRow): boolean {
  const holders = actor.grants.filter((g) => g.countyCode === county && ROLE_PERMISSIONS[g.role].has('party.write'));
  return [group.villageCode, ...group.naturalVillages].some((unit) => {
    const leaders = leaderMembersOnly(holders, unit);
    if (leaders === null) return true;
    return group.leaderMemberId !== null && !group.retired && leaders.includes(group.leaderMemberId);
  });
}

/** 404 unless the actor may run `group`'s activities. */
export function checkWriter(actor: Actor, county: string, group: GroupRow): void {
  if (!mayWriteGroup(actor, county, group)) throw AppError.notFound(PARTY_GROUP);
}
