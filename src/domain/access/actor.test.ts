import { describe, expect, it } from 'vitest';
import { type Actor, holdersOf, leaderIdsOf, memberIdsOf, rootsOf, SYSTEM_ACTOR } from './actor.ts';

const actor: Actor = {
  userId: 7,
  grants: [
    { role: 'member', countyCode: '340822', orgCode: '340822100201001', memberId: 11 },
    { role: 'group_leader', countyCode: '340822', orgCode: '340822100201002', memberId: 11 },
    { role: 'group_leader', countyCode: '340822', orgCode: '340822100202', memberId: 12 },
    { role: 'village_secretary', countyCode: '340822', orgCode: '340822100203' },
    { role: 'member', countyCode: '340823', orgCode: '340823100201001', memberId: 31 },
  ],
};

describe('the one actor', () => {
  it('gives the roots of a permission per county, nested ones removed', () => {
    expect(rootsOf(actor, 'help.verify', '340822')).toEqual(['340822100202', '340822100203', '340822100201002']);
    expect(rootsOf(actor, 'household.write', '340822')).toEqual(['340822100203']);
    expect(rootsOf(actor, 'help.write', '340823')).toEqual(['340823100201001']);
    expect(rootsOf(actor, 'user.admin')).toEqual([]);
  });

  it('keeps the grants of a county whose role holds the permission, with the members they name', () => {
    expect(holdersOf(actor, 'help.verify', '340822').map((g) => [g.role, g.memberId])).toEqual([
      ['group_leader', 11],
      ['group_leader', 12],
      ['village_secretary', undefined],
    ]);
    expect(holdersOf(actor, 'help.verify', '340823')).toEqual([]);
  });

  it('names the members the user is and the leaders they are, per county, once each', () => {
    expect(memberIdsOf(actor, '340822')).toEqual([11]);
    expect(memberIdsOf(actor, '340823')).toEqual([31]);
    expect(leaderIdsOf(actor, '340822')).toEqual([11, 12]);
    expect(leaderIdsOf(actor, '340823')).toEqual([]);
  });

  it('is nobody for the system', () => {
    expect(rootsOf(SYSTEM_ACTOR, 'household.read')).toEqual([]);
    expect(memberIdsOf(SYSTEM_ACTOR, '340822')).toEqual([]);
  });
});
