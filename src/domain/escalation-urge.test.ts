import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  apply,
  isRefusal,
  type ProblemActor,
  type ProblemState,
  refusal,
  STATUSES,
  urgingUnit,
} from './escalation.ts';

const NV = '340822100201001';
const actor = (role: ProblemActor['grants'][number]['role'], orgCode: string, memberId?: number): ProblemActor => ({
  userId: null,
  grants: [{ countyCode: '340822', role, orgCode, memberId }],
  isHelper: false,
  gridLeaders: memberId === undefined ? [] : [memberId],
});
const leader = actor('group_leader', NV, 5);
const secretary = actor('village_secretary', '340822100201');
const township = actor('township_admin', '340822100');
const county = actor('county_admin', '340822');
const otherTownship = actor('township_admin', '340822101');
const helper: ProblemActor = {
  userId: null,
  grants: [{ countyCode: '340822', role: 'member', orgCode: NV }],
  isHelper: true,
  gridLeaders: [],
};

const late = (over: Partial<ProblemState> = {}): ProblemState => ({
  level: 'township',
  status: 'accepted',
  naturalVillageCode: NV,
  overdue: true,
  urgedTodayBy: [],
  ...over,
});

describe('urging (督办) an overdue problem', () => {
  it('is offered to a level above the holder, by the widest unit it handles at', () => {
    expect(allowedActions(county, late())).toEqual(['urge']);
    expect(urgingUnit(county, late())).toBe('340822');
    expect(urgingUnit(township, late({ level: 'village' }))).toBe('340822100');
    expect(urgingUnit(county, late({ level: 'grid' }))).toBe('340822');
    // A user with a township and a county grant urges as the county.
    const both: ProblemActor = { ...county, grants: [...township.grants, ...county.grants] };
    expect(urgingUnit(both, late({ level: 'village' }))).toBe('340822');
  });

  it('is refused to the handler itself, to the same level, to units below or elsewhere, and to helpers', () => {
    expect(refusal(township, late(), 'urge')).toMatchObject({
      kind: 'actor',
      message: { zh: '该问题由您办理，不能督办' },
    });
    expect(refusal(county, late({ level: 'county' }), 'urge')?.kind).toBe('actor');
    // The village secretary stands in for the grid: they handle a grid problem, they do not urge it.
    expect(refusal(secretary, late({ level: 'grid' }), 'urge')?.kind).toBe('actor');
    for (const who of [leader, secretary, otherTownship, helper]) {
      expect(refusal(who, late(), 'urge')).toMatchObject({ kind: 'actor' });
      expect(allowedActions(who, late())).not.toContain('urge');
    }
  });

  it('is refused when the problem is not overdue, or solved', () => {
    expect(refusal(county, late({ overdue: false }), 'urge')).toMatchObject({
      kind: 'state',
      message: { zh: '问题尚未超期，不能督办' },
    });
    expect(refusal(county, late({ overdue: undefined }), 'urge')?.kind).toBe('state');
    for (const status of STATUSES) {
      const allowed = refusal(county, late({ status }), 'urge') === null;
      expect(allowed, status).toBe(!['resolved', 'closed'].includes(status));
    }
  });

  it('is refused a second time on the same business day by the same unit, not by another', () => {
    expect(refusal(county, late({ urgedTodayBy: ['340822'] }), 'urge')).toMatchObject({
      kind: 'state',
      message: { zh: '本单位今天已督办过该问题' },
    });
    expect(refusal(county, late({ level: 'village', urgedTodayBy: ['340822100'] }), 'urge')).toBeNull();
    expect(allowedActions(county, late({ urgedTodayBy: ['340822'] }))).toEqual([]);
  });

  it('leaves the problem where and as it is', () => {
    const next = apply(late(), county, { action: 'urge', comment: '请本周内解决' });
    expect(isRefusal(next)).toBe(false);
    expect(next).toEqual({ level: 'township', status: 'accepted', enteredLevel: false });
  });

  it('does not change what the handler may do', () => {
    expect(allowedActions(township, late())).toEqual(['hand_to_department', 'resolve', 'escalate']);
  });
});
