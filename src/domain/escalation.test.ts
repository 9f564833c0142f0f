import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, deadlineHours, dueAt, hoursLate, isOverdue } from './deadlines.ts';
import {
  type ActionInput,
  allowedActions,
  apply,
  holderCode,
  isRefusal,
  LEVELS,
  nextLevel,
  type ProblemActor,
  type ProblemLevel,
  type ProblemState,
  type ProblemStatus,
  STATUSES,
} from './escalation.ts';

const NV = '340822100201001';
const leader: ProblemActor = {
  userId: null,
  grants: [{ countyCode: '340822', role: 'group_leader', orgCode: NV, memberId: 5 }],
  isHelper: false,
  gridLeaders: [5],
};
const secretary: ProblemActor = {
  userId: null,
  grants: [{ countyCode: '340822', role: 'village_secretary', orgCode: '340822100201' }],
  isHelper: false,
  gridLeaders: [],
};
const township: ProblemActor = {
  userId: null,
  grants: [{ countyCode: '340822', role: 'township_admin', orgCode: '340822100' }],
  isHelper: false,
  gridLeaders: [],
};
const county: ProblemActor = {
  userId: null,
  grants: [{ countyCode: '340822', role: 'county_admin', orgCode: '340822' }],
  isHelper: false,
  gridLeaders: [],
};
const helper: ProblemActor = {
  userId: null,
  grants: [{ countyCode: '340822', role: 'member', orgCode: NV }],
  isHelper: true,
  gridLeaders: [],
};
const stranger: ProblemActor = {
  userId: null,
  grants: [{ countyCode: '340822', role: 'township_admin', orgCode: '340822101' }],
  isHelper: false,
  gridLeaders: [],
};
const HANDLER: Record<ProblemLevel, ProblemActor> = { grid: leader, village: secretary, township, county };

const state = (level: ProblemLevel, status: ProblemStatus): ProblemState => ({ level, status, naturalVillageCode: NV });

function ok(s: ProblemState, actor: ProblemActor, input: ActionInput) {
  const result = apply(s, actor, input);
  if (isRefusal(result)) throw new Error(`refused: ${result.message.en}`);
  return result;
}
function refused(s: ProblemState, actor: ProblemActor, input: ActionInput) {
  const result = apply(s, actor, input);
  if (!isRefusal(result)) throw new Error('allowed');
  return result;
}

describe('escalation levels', () => {
  it('go grid → village → township → county and no further', () => {
    expect(nextLevel('grid')).toBe('village');
    expect(nextLevel('village')).toBe('township');
    expect(nextLevel('township')).toBe('county');
    expect(nextLevel('county')).toBeNull();
  });
  it('cut the household unit to the holder of each level', () => {
    expect(holderCode('grid', NV)).toBe(NV);
    expect(holderCode('village', NV)).toBe('340822100201');
    expect(holderCode('township', NV)).toBe('340822100');
    expect(holderCode('county', NV)).toBe('340822');
  });
});

describe('transitions', () => {
  for (const level of ['grid', 'village', 'township', 'county'] as const) {
    const actor = HANDLER[level];
    it(`at the ${level}: accept, hand to a department, resolve`, () => {
      expect(ok(state(level, 'open'), actor, { action: 'accept' })).toEqual({
        level,
        status: 'accepted',
        enteredLevel: false,
      });
      expect(ok(state(level, 'reopened'), actor, { action: 'accept' }).status).toBe('accepted');
      expect(ok(state(level, 'accepted'), actor, { action: 'hand_to_department', department: '县卫健委' }).status).toBe(
        'with_department',
      );
      for (const from of ['open', 'accepted', 'with_department', 'reopened'] as const) {
        expect(ok(state(level, from), actor, { action: 'resolve', resolution: '已解决' }).status).toBe('resolved');
      }
    });
  }
  it('escalates one level up into open with a new deadline, from every handling status', () => {
    for (const from of ['open', 'accepted', 'with_department', 'reopened'] as const) {
      expect(ok(state('grid', from), leader, { action: 'escalate', reason: '无法解决' })).toEqual({
        level: 'village',
        status: 'open',
        enteredLevel: true,
      });
    }
    expect(ok(state('village', 'open'), secretary, { action: 'escalate', reason: 'x' }).level).toBe('township');
    expect(ok(state('township', 'open'), township, { action: 'escalate', reason: 'x' }).level).toBe('county');
  });
  it('closes on confirmation by the helper or a verifier, and reopens at the same level', () => {
    expect(ok(state('county', 'resolved'), helper, { action: 'confirm' }).status).toBe('closed');
    expect(ok(state('county', 'resolved'), leader, { action: 'confirm' }).status).toBe('closed');
    expect(ok(state('county', 'resolved'), secretary, { action: 'confirm' }).status).toBe('closed');
    expect(ok(state('township', 'closed'), helper, { action: 'reopen', reason: '又坏了' })).toEqual({
      level: 'township',
      status: 'reopened',
      enteredLevel: true,
    });
    expect(ok(state('grid', 'resolved'), leader, { action: 'reopen', reason: '没解决' }).status).toBe('reopened');
  });
});

describe('refusals', () => {
  it('refuse escalation from the county', () => {
    expect(refused(state('county', 'accepted'), county, { action: 'escalate', reason: 'x' }).kind).toBe('state');
  });
  it('refuse a role not of the level, or outside the holder unit', () => {
    expect(refused(state('village', 'open'), leader, { action: 'accept' }).kind).toBe('actor');
    expect(refused(state('grid', 'open'), county, { action: 'accept' }).kind).toBe('actor');
    expect(refused(state('township', 'open'), secretary, { action: 'resolve', resolution: 'x' }).kind).toBe('actor');
    expect(refused(state('township', 'open'), stranger, { action: 'accept' }).kind).toBe('actor');
    expect(refused(state('grid', 'open'), helper, { action: 'accept' }).kind).toBe('actor');
    expect(refused(state('grid', 'resolved'), stranger, { action: 'confirm' }).kind).toBe('actor');
  });
  it('refuse actions from the wrong status', () => {
    expect(refused(state('grid', 'accepted'), leader, { action: 'accept' }).kind).toBe('state');
    expect(refused(state('grid', 'open'), leader, { action: 'confirm' }).kind).toBe('state');
    expect(refused(state('grid', 'open'), leader, { action: 'reopen', reason: 'x' }).kind).toBe('state');
    expect(refused(state('grid', 'resolved'), leader, { action: 'resolve', resolution: 'x' }).kind).toBe('state');
    expect(refused(state('grid', 'closed'), leader, { action: 'escalate', reason: 'x' }).kind).toBe('state');
    expect(refused(state('grid', 'resolved'), leader, { action: 'hand_to_department', department: 'x' }).kind).toBe(
      'state',
    );
  });
  it('refuse blank resolution, reason or department, naming the field', () => {
    expect(refused(state('grid', 'open'), leader, { action: 'resolve', resolution: '  ' })).toMatchObject({
      kind: 'field',
      field: 'resolution',
    });
    expect(refused(state('grid', 'open'), leader, { action: 'escalate', reason: '' })).toMatchObject({
      kind: 'field',
      field: 'reason',
    });
    expect(refused(state('grid', 'open'), leader, { action: 'hand_to_department', department: ' ' })).toMatchObject({
      field: 'department',
    });
    expect(refused(state('grid', 'closed'), helper, { action: 'reopen', reason: '' })).toMatchObject({
      field: 'reason',
    });
  });
});

describe('allowed actions', () => {
  it('lists what the actor may do now', () => {
    expect(allowedActions(leader, state('grid', 'open'))).toEqual([
      'accept',
      'hand_to_department',
      'resolve',
      'escalate',
    ]);
    expect(allowedActions(county, state('county', 'accepted'))).toEqual(['hand_to_department', 'resolve']);
    expect(allowedActions(helper, state('village', 'resolved'))).toEqual(['confirm', 'reopen']);
    expect(allowedActions(helper, state('village', 'open'))).toEqual([]);
  });
  it('are exactly the actions apply does not refuse, for every actor, level and status', () => {
    const inputs: ActionInput[] = [
      { action: 'accept' },
      { action: 'hand_to_department', department: '县民政局' },
      { action: 'resolve', resolution: '已解决' },
      { action: 'escalate', reason: '需上级协调' },
      { action: 'confirm' },
      { action: 'reopen', reason: '未解决' },
    ];
    const actors = [leader, secretary, township, county, helper, stranger];
    for (const actor of actors)
      for (const level of LEVELS)
        for (const status of STATUSES) {
          const accepted = inputs.filter((i) => !isRefusal(apply(state(level, status), actor, i))).map((i) => i.action);
          expect(allowedActions(actor, state(level, status))).toEqual(accepted);
        }
  });
  it("give grid handling to a group leader only while the grant's member leads the household's grid", () => {
    const otherGrid: ProblemActor = { ...leader, gridLeaders: [] };
    const unlinked: ProblemActor = {
      userId: null,
      grants: [{ countyCode: '340822', role: 'group_leader', orgCode: NV }],
      isHelper: false,
      gridLeaders: [],
    };
    for (const actor of [otherGrid, unlinked]) {
      expect(allowedActions(actor, state('grid', 'open'))).toEqual([]);
      expect(allowedActions(actor, state('grid', 'resolved'))).toEqual([]);
      expect(refused(state('grid', 'open'), actor, { action: 'accept' }).kind).toBe('actor');
    }
    expect(allowedActions(leader, state('grid', 'resolved'))).toEqual(['confirm', 'reopen']);
    // The village secretary stands in for any grid of the village, linked or not.
    expect(allowedActions(secretary, state('grid', 'open'))).toContain('accept');
  });
});

describe('deadlines', () => {
  it('take the county override, else the default (halved for pressing categories)', () => {
    const overrides = [{ category: 'industry', urgency: 'normal' as const, level: 'grid' as const, hours: 10 }];
    expect(deadlineHours(overrides, 'industry', 'normal', 'grid')).toBe(10);
    expect(deadlineHours(overrides, 'industry', 'urgent', 'grid')).toBe(DEFAULT_HOURS.urgent.grid);
    expect(deadlineHours([], 'other', 'normal', 'county')).toBe(480);
    expect(deadlineHours([], 'medical', 'normal', 'village')).toBe(60);
    expect(deadlineHours([], 'water', 'urgent', 'grid')).toBe(12);
  });
  it('are overdue past due while unsolved only', () => {
    const entered = new Date('2026-01-01T00:00:00Z');
    const due = dueAt(entered, 24);
    expect(due.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    const later = new Date('2026-01-02T05:30:00Z');
    expect(isOverdue('open', due, later)).toBe(true);
    expect(isOverdue('with_department', due, later)).toBe(true);
    expect(isOverdue('resolved', due, later)).toBe(false);
    expect(isOverdue('closed', due, later)).toBe(false);
    expect(isOverdue('open', due, entered)).toBe(false);
    expect(hoursLate(due, later)).toBe(5);
    expect(hoursLate(due, entered)).toBe(0);
  });
});
