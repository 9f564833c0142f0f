import { describe, expect, it } from 'vitest';
import { leaderMembersOnly, namesMember, reachOf } from './linked-members.ts';

const VILLAGE = '340822100201';
const NV = '340822100201001';

describe('grants naming a member', () => {
  it('are required for member and group leader grants only', () => {
    expect(namesMember('member')).toBe(true);
    expect(namesMember('group_leader')).toBe(true);
    expect(namesMember('village_secretary')).toBe(false);
    expect(namesMember('instructor')).toBe(false);
  });

  it("bound a right that comes only from group leader grants to those grants' members", () => {
    const leader = { role: 'group_leader', orgCode: VILLAGE, memberId: 7 };
    expect(leaderMembersOnly([leader], NV)).toEqual([7]);
    expect(leaderMembersOnly([leader, { role: 'group_leader', orgCode: NV, memberId: 9 }], NV)).toEqual([7, 9]);
    // A legacy grant naming no member reaches no grid (fails closed).
    expect(leaderMembersOnly([{ role: 'group_leader', orgCode: VILLAGE }], NV)).toEqual([]);
    // Another role covering the unit lifts the bound; one elsewhere does not.
    expect(leaderMembersOnly([leader, { role: 'village_secretary', orgCode: VILLAGE }], NV)).toBeNull();
    expect(leaderMembersOnly([leader, { role: 'village_secretary', orgCode: '340822101201' }], NV)).toEqual([7]);
  });

  it('give lists the same reach: open units, and led units with their member', () => {
    const reach = reachOf([
      { role: 'village_secretary', orgCode: '340822101201' },
      { role: 'group_leader', orgCode: VILLAGE, memberId: 7 },
      { role: 'group_leader', orgCode: '340822102201' },
    ]);
    expect(reach).toEqual({ open: ['340822101201'], led: [{ orgCode: VILLAGE, memberId: 7 }] });
  });
});
