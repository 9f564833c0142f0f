import { describe, expect, it } from 'vitest';
import {
  type ActivityRule,
  complianceOf,
  DEFAULT_ACTIVITY_RULES,
  type HeldActivity,
  slotOutcomes,
  yearPlan,
} from './activity-plan.ts';

const monthly: ActivityRule = { kind: 'group_meeting', frequency: 'monthly', countsForPoints: true };
const quarterly: ActivityRule = { kind: 'party_lecture', frequency: 'quarterly', countsForPoints: true };

function meeting(id: number, heldOn: string, plannedOn: string | null = null): HeldActivity {
  return { id, kind: 'group_meeting', plannedOn, heldOn };
}

describe('yearPlan', () => {
  it('gives one slot per period, covering the whole year without gaps', () => {
    const plan = yearPlan([monthly, quarterly], 2024);
    expect(plan).toHaveLength(16);
    expect(plan[1]).toEqual({ kind: 'group_meeting', period: 2, from: '2024-02-01', to: '2024-02-29' });
    expect(plan.filter((s) => s.kind === 'party_lecture').map((s) => [s.from, s.to])).toEqual([
      ['2024-01-01', '2024-03-31'],
      ['2024-04-01', '2024-06-30'],
      ['2024-07-01', '2024-09-30'],
      ['2024-10-01', '2024-12-31'],
    ]);
  });

  it('makes the defaults 12 + 12 + 4 + 4 + 2 = 34 required activities a year', () => {
    expect(yearPlan(DEFAULT_ACTIVITY_RULES, 2021)).toHaveLength(34);
  });
});

describe('slotOutcomes', () => {
  const plan = yearPlan([monthly], 2021);

  it('fills each month by its own meeting and calls past empty months missed, future ones due', () => {
    const out = slotOutcomes(plan, [meeting(1, '2021-01-15'), meeting(2, '2021-03-02')], '2021-04-10');
    expect(out.slice(0, 5).map((o) => [o.state, o.activityId])).toEqual([
      ['held', 1],
      ['missed', null],
      ['held', 2],
      ['due', null],
      ['due', null],
    ]);
  });

  it('counts a meeting planned for a month but held after it as late for that month', () => {
    const out = slotOutcomes(plan, [meeting(7, '2021-02-03', '2021-01-28')], '2021-03-01');
    expect(out[0]).toMatchObject({ state: 'late', activityId: 7 });
    expect(out[1]).toMatchObject({ state: 'missed', activityId: null });
  });

  it('lets a second meeting in a month make up an earlier missed month, never a later one', () => {
    const held = [meeting(1, '2021-03-05'), meeting(2, '2021-03-20'), meeting(3, '2021-03-25')];
    const out = slotOutcomes(plan, held, '2021-12-31');
    expect(out.slice(0, 4).map((o) => [o.state, o.activityId])).toEqual([
      ['late', 2],
      ['late', 3],
      ['held', 1],
      ['missed', null],
    ]);
  });

  it('ignores an extra meeting when no earlier month is open, and other kinds entirely', () => {
    const lecture: HeldActivity = { id: 9, kind: 'party_lecture', plannedOn: null, heldOn: '2021-01-09' };
    const out = slotOutcomes(plan, [meeting(1, '2021-01-05'), meeting(2, '2021-01-20'), lecture], '2021-01-31');
    expect(out.filter((o) => o.activityId !== null).map((o) => o.activityId)).toEqual([1]);
  });

  it('is the same whatever order the activities arrive in', () => {
    const held = [meeting(3, '2021-05-01'), meeting(1, '2021-02-11'), meeting(2, '2021-02-12')];
    const a = slotOutcomes(plan, held, '2021-06-30');
    const b = slotOutcomes(plan, [...held].reverse(), '2021-06-30');
    expect(a).toEqual(b);
    expect(complianceOf(a)).toEqual({ required: 12, held: 2, late: 1, missed: 2, due: 7 });
  });
});
