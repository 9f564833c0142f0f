/** Read one Party group's page: grid, natural villages, members, leader, instructors, activity centre, history. */
import type { Kysely } from 'kysely';
import {
  currentMembers,
  findGroup,
  gridEvents,
  gridNaturalVillages,
  instructorsOf,
} from '../../db/repositories/party-groups.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { iso, PARTY_GROUP, toGroupHead, toGroupMember, toInstructor } from './group-view.ts';

/**
 * Group `id` of `county` (404 for an unknown id or another county's group), phones masked. The history is the
 * grid's event log, newest first.
 * @param today the day member ages are counted on (China date by default)
 */
export async function getPartyGroup(db: Kysely<Database>, county: string, id: number, today: string = chinaDateOf()) {
  const group = await findGroup(db, county, id);
  if (!group) throw AppError.notFound(PARTY_GROUP);
  const gridId = Number(group.grid_id);
  const [naturalVillages, members, instructors, events] = await Promise.all([
    gridNaturalVillages(db, county, gridId),
    currentMembers(db, county, [gridId]),
    instructorsOf(db, county, Number(group.id)),
    gridEvents(db, county, gridId),
  ]);
  const all = instructors.map(toInstructor);
  const current = (level: 'township' | 'village') => all.find((i) => i.level === level && i.endedOn === null) ?? null;
  return {
    ...toGroupHead(group),
    naturalVillages,
    members: members.map((m) => toGroupMember(m, group.leader_member_id, today)),
    instructors: { township: current('township'), village: current('village') },
    instructorHistory: all,
    history: events.map((e) => ({
      id: Number(e.id),
      kind: e.kind,
      detail: e.detail,
      planId: e.plan_id === null ? null : Number(e.plan_id),
      createdAt: iso(e.created_at),
    })),
  };
}
