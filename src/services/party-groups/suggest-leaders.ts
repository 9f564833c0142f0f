/** Suggest a leader (党小组长) for a Party group from the members of its grid, with reasons. */
import type { Kysely } from 'kysely';
import { currentMembers, findGroup } from '../../db/repositories/party-groups.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError, type Localized } from '../../domain/errors.ts';
import { rankGroupLeaders } from '../../domain/group-leader.ts';
import { listDictionary } from '../dictionary.ts';
import { PARTY_GROUP, toLeaderFacts } from './group-view.ts';

/** Expertise codes → their dictionary labels (the code itself for a retired code). */
export async function expertiseLabels(db: Kysely<Database>): Promise<(code: string) => Localized> {
  const entries = await listDictionary(db, 'expertise');
  const labels = new Map(entries.map((e) => [e.code, { zh: e.zh, en: e.en }]));
  return (code) => labels.get(code) ?? { zh: code, en: code };
}

/**
 * The current members of the group's grid ranked as leaders (404 for an unknown group).
 * @param today the day years in the Party and ages are counted on
 */
export async function suggestLeaders(db: Kysely<Database>, county: string, id: number, today: string = chinaDateOf()) {
  const group = await findGroup(db, county, id);
  if (!group) throw AppError.notFound(PARTY_GROUP);
  const [members, label] = await Promise.all([
    currentMembers(db, county, [Number(group.grid_id)]),
    expertiseLabels(db),
  ]);
  const ranking = rankGroupLeaders(members.map(toLeaderFacts), today, label);
  return {
    groupId: Number(group.id),
    currentLeaderId: group.leader_member_id === null ? null : Number(group.leader_member_id),
    ...ranking,
  };
}
