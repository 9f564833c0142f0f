import { describe, expect, it } from 'vitest';
import {
  canDoActivity,
  complianceByGroup,
  complianceRate,
  heldDateProblems,
  markProblems,
  openSignInProblem,
  plannedDateProblems,
  requiredRules,
  rulesOf,
  signInProblem,
  wrongActivityState,
} from './activities.ts';
import { DEFAULT_ACTIVITY_RULES } from './activity-plan.ts';

const dates = { since: '2019-12-01', today: '2020-12-31' };

describe('rules in force', () => {
  it('are the defaults, all active, for a county without rows, else its rows; the plan uses the active ones', () => {
    expect(rulesOf([]).map((r) => [r.kind, r.active])).toEqual(DEFAULT_ACTIVITY_RULES.map((r) => [r.kind, true]));
    const own = [{ kind: 'study' as const, frequency: 'yearly' as const, countsForPoints: false, active: false }];
    expect(rulesOf(own)).toEqual(own);
    expect(requiredRules(own)).toEqual([]);
  });
});

describe('steps by status', () => {
  it('holds and cancels only what is planned, marks attendance only when held', () => {
    expect(canDoActivity('hold', 'planned')).toBe(true);
    expect(canDoActivity('hold', 'held')).toBe(false);
    expect(canDoActivity('cancel', 'held')).toBe(false);
    expect(canDoActivity('attendance', 'planned')).toBe(false);
    expect(canDoActivity('attendance', 'held')).toBe(true);
    expect(canDoActivity('edit', 'cancelled')).toBe(false);
    expect(wrongActivityState('cancel', 'held')).toEqual({
      zh: '该活动当前为“已开展”，不能取消',
      en: 'The activity is held and cannot be cancelled',
    });
  });
});

describe('dates', () => {
  it('refuses a held date after today or before the group, and a planned date too far ahead', () => {
    expect(heldDateProblems('heldOn', '2020-12-31', dates)).toEqual([]);
    expect(heldDateProblems('heldOn', '2021-01-01', dates).map((p) => p.code)).toEqual(['future']);
    expect(heldDateProblems('heldOn', '2019-11-30', dates).map((p) => p.code)).toEqual(['before_group']);
    expect(plannedDateProblems('plannedOn', '2021-12-31', dates)).toEqual([]);
    expect(plannedDateProblems('plannedOn', '2022-01-01', dates).map((p) => p.code)).toEqual(['too_far']);
  });
});

describe('attendance marks', () => {
  const roster = {
    members: new Map([
      [1, { migrant: false }],
      [2, { migrant: true }],
    ]),
  };
  it('accepts the group’s members, a migrant remote, an excused member with a reason', () => {
    expect(
      markProblems(
        [
          { memberId: 1, status: 'excused', reason: '生病' },
          { memberId: 2, status: 'present', remote: true },
        ],
        roster,
      ),
    ).toEqual([]);
  });
  it('names every broken mark by its path', () => {
    const problems = markProblems(
      [
        { memberId: 9, status: 'present' },
        { memberId: 1, status: 'excused', reason: '  ' },
        { memberId: 1, status: 'present', remote: true },
        { memberId: 2, status: 'absent', remote: true },
      ],
      roster,
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['marks/0/memberId', 'not_in_group'],
      ['marks/1/reason', 'required'],
      ['marks/2/memberId', 'duplicate'],
      ['marks/2/remote', 'not_migrant'],
      ['marks/3/remote', 'remote_not_present'],
    ]);
  });
});

describe('QR sign-in', () => {
  const open = { status: 'held' as const, heldOn: '2020-12-31', secret: 'h', until: 2_000 };
  it('opens only for an activity held today', () => {
    expect(openSignInProblem('held', '2020-12-31', '2020-12-31')).toBeNull();
    expect(openSignInProblem('held', '2020-12-30', '2020-12-31')?.en).toBe(
      'QR sign-in opens only for an activity held today',
    );
    expect(openSignInProblem('planned', null, '2020-12-31')).not.toBeNull();
  });
  it('takes a matching token while open, today, before its end', () => {
    expect(signInProblem(open, true, '2020-12-31', 1_000)).toBeNull();
    expect(signInProblem(open, false, '2020-12-31', 1_000)?.en).toBe('The QR code is not valid: scan it again');
    expect(signInProblem(open, true, '2020-12-31', 2_000)?.en).toMatch(/closed/);
    expect(signInProblem(open, true, '2021-01-01', 1_000)?.en).toMatch(/closed/);
    expect(signInProblem({ ...open, secret: null, until: null }, true, '2020-12-31', 1_000)?.en).toMatch(/closed/);
  });
});

describe('compliance of many groups', () => {
  const rules = [{ kind: 'group_meeting' as const, frequency: 'quarterly' as const, countsForPoints: true }];
  it('computes each group from its own activities and gives idle groups the empty outcome', () => {
    const held = [
      { groupId: 1, id: 10, kind: 'group_meeting' as const, plannedOn: '2020-02-01', heldOn: '2020-02-01' },
      { groupId: 1, id: 11, kind: 'group_meeting' as const, plannedOn: '2020-05-01', heldOn: '2020-07-10' },
    ];
    const byGroup = complianceByGroup(rules, 2020, '2020-08-01', [1, 2], held);
    expect(byGroup.get(1)).toEqual({ required: 4, held: 1, late: 1, missed: 0, due: 2 });
    expect(byGroup.get(2)).toEqual({ required: 4, held: 0, late: 0, missed: 2, due: 2 });
    expect(complianceRate(byGroup.get(1) as never)).toBe(0.5);
    expect(complianceRate({ required: 4, held: 0, late: 0, missed: 0, due: 4 })).toBe(0);
  });
});
