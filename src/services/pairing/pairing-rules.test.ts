import { describe, expect, it } from 'vitest';
import { dateProblem, freeSlot, householdProblem, memberProblem } from './pairing-rules.ts';

const member = {
  id: 1,
  name: '王强',
  status: 'active',
  capacity: 2,
  natural_village_code: '340822100201001',
  join_date: '2005-07-01',
};
const household = {
  id: 9,
  head_name: '张建国',
  status: 'identified',
  natural_village_code: '340822100202003',
  monitored: false,
};

describe('pairing rules', () => {
  it('caps a member at their card (never above 2) and refuses members no longer active', () => {
    expect(memberProblem(member, 1)).toBeNull();
    expect(memberProblem(member, 2)?.code).toBe('capacity_exceeded');
    expect(memberProblem({ ...member, capacity: 1 }, 1)?.code).toBe('capacity_exceeded');
    expect(memberProblem({ ...member, capacity: 5 }, 2)?.code).toBe('capacity_exceeded');
    expect(memberProblem({ ...member, status: 'deceased' }, 0)?.code).toBe('member_inactive');
  });

  it('pairs only households needing help, once per member, within the township', () => {
    expect(householdProblem(household, member, false)).toBeNull();
    // A 脱贫户 under monitoring stays exited and needs a helper while its case is open.
    expect(householdProblem({ ...household, status: 'exited', monitored: true }, member, false)).toBeNull();
    expect(householdProblem({ ...household, status: 'none', monitored: true }, member, false)).toBeNull();
    expect(householdProblem({ ...household, status: 'exited' }, member, false)?.code).toBe(
      'household_not_needing_help',
    );
    expect(householdProblem(household, member, true)?.code).toBe('already_paired');
    const away = { ...household, natural_village_code: '340822101201001' };
    expect(householdProblem(away, member, false)?.code).toBe('other_township');
  });

  it('refuses future dates and dates before the member joined; takes the first free slot', () => {
    expect(dateProblem('2024-01-01', '2024-01-01')).toBeNull();
    expect(dateProblem('2024-01-02', '2024-01-01')?.code).toBe('date_future');
    const joined = { date: '2005-07-01', what: { zh: '入党日期', en: 'joining' } };
    expect(dateProblem('2005-06-30', '2024-01-01', joined)?.message.zh).toBe('日期不能早于入党日期（2005-07-01）');
    expect([freeSlot([]), freeSlot([1]), freeSlot([2])]).toEqual([1, 2, 1]);
  });
});
