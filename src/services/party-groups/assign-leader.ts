/** Assign a Party group's leader (党小组长). */

import type { Kysely } from 'kysely';
import { addGridEvent, currentMembers, setGroupLeader } from '../../db/repositories/party-groups.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { leaderIneligibility } from '../../domain/group-leader.ts';
import { write } from '../write.ts';
import { getPartyGroup } from './get-party-group.ts';
import { toLeaderFacts } from './group-view.ts';
import { groupStep, refuse } from './group-write.ts';

export interface LeaderInput {
  memberId: number;
  /** The day the leader took office (today by default). */
  since?: string | undefined;
}

/**
 * Makes `memberId` the leader of group `id`: the member must belong to the group's grid now and be eligible
 * (formal, resident, active, able), else 422 naming why. Writes `leader_assigned` to the grid's history; assigning
 * the current leader again changes nothing.
 */
export async function assignLeader(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: LeaderInput,
  today: string = chinaDateOf(),
) {
  return write(db, county, (ctx) =>
    groupStep(ctx, id, 'party_group.leader', async (tx, group) => {
      const gridId = Number(group.grid_id);
      const member = (await currentMembers(tx, county, [gridId])).find((m) => Number(m.id) === input.memberId);
      if (!member) {
        throw refuse('memberId', 'not_in_grid', {
          zh: `党员 ${input.memberId} 不是网格“${group.grid_name}”的现有党员，党小组长须从本网格党员中产生`,
          en: `Member ${input.memberId} is not a current member of grid "${group.grid_name}"; the leader must come from the grid's members`,
        });
      }
      const why = leaderIneligibility(toLeaderFacts(member));
      if (why.length > 0) {
        throw refuse('memberId', 'not_eligible', {
          zh: `${member.name}不能担任党小组长：${why.map((w) => w.zh).join('；')}`,
          en: `${member.name} cannot lead the group: ${why.map((w) => w.en).join('; ')}`,
        });
      }
      const since = input.since ?? today;
      if (since > today) {
        throw refuse('since', 'date_future', {
          zh: '任职日期不能晚于今天',
          en: 'The start date cannot be in the future',
        });
      }
      if (since < member.join_date) {
        throw refuse('since', 'before_joining', {
          zh: `任职日期不能早于${member.name}的入党日期 ${member.join_date}`,
          en: `The start date cannot be before ${member.name} joined the Party (${member.join_date})`,
        });
      }
      if (group.leader_member_id === null || Number(group.leader_member_id) !== input.memberId) {
        await setGroupLeader(tx, county, id, input.memberId, since);
        await addGridEvent(tx, county, gridId, 'leader_assigned', {
          groupId: id,
          memberId: input.memberId,
          name: member.name,
          since,
          previousMemberId: group.leader_member_id === null ? null : Number(group.leader_member_id),
        });
      }
      return getPartyGroup(tx, county, id, today);
    }),
  );
}
