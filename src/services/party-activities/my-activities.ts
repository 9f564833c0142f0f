/**
 * A member's own view on the phone: the activities of the group they are in now (planned and held, newest first)
 * with their own attendance, and whether a QR sign-in is open. Read from the user's linked member; a user without
 * one (or whose member is in no group) gets an empty list, not an error.
 */
import type { Kysely } from 'kysely';
import { findGroup, groupsOfMembers } from '../../db/repositories/party-activities.ts';
import { memberActivities } from '../../db/repositories/party-activity-list.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import type { MyActivities } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';

/** How many activities the phone list shows (about two years of a group's required activities). */
const SHOWN = 80;

export async function myActivities(db: Kysely<Database>, county: string, actor: Actor): Promise<MyActivities> {
  const today = chinaDateOf();
  const linked = actor.grants.flatMap((g) => (g.countyCode === county && g.memberId !== undefined ? [g.memberId] : []));
  const [mine] = await groupsOfMembers(db, county, linked);
  if (!mine) return { member: null, group: null, today, items: [] };
  const [group, rows] = await Promise.all([
    findGroup(db, county, mine.groupId),
    memberActivities(db, county, mine.groupId, mine.memberId, SHOWN),
  ]);
  return {
    member: { id: mine.memberId, name: mine.name, migrant: mine.migrant },
    group: group ? { id: group.id, name: group.name } : null,
    today,
    items: rows.map((r) => ({ ...r, myRemote: r.myRemote === true })),
  };
}
