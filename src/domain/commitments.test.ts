import { describe, expect, it } from 'vitest';
import { canDo, commitmentWriters, evaluableFrom, ownMembersOnly, proposableYears, wrongState } from './commitments.ts';

describe('commitment states', () => {
  it('allows each action only in its states', () => {
    expect(canDo('edit', 'returned')).toBe(true);
    expect(canDo('edit', 'approved')).toBe(false);
    expect(canDo('review', 'proposed')).toBe(true);
    expect(canDo('publish', 'proposed')).toBe(false);
    expect(canDo('fulfil', 'published')).toBe(true);
    expect(canDo('evaluate', 'evaluated')).toBe(false);
  });

  it('names the current and the needed state in both languages', () => {
    expect(wrongState('edit', 'published')).toEqual({
      zh: '承诺当前状态为“已公开”，不能修改承诺事项（须为“待审核”或“已退回”）',
      en: 'The commitment is published: cannot edit its items (it must be proposed or returned)',
    });
  });

  it('opens last year to next year for proposals and evaluates from 1 December', () => {
    expect(proposableYears('2026-01-01')).toEqual({ from: 2025, to: 2027 });
    expect(evaluableFrom(2026)).toBe('2026-12-01');
  });
});

describe('own commitments', () => {
  const member = { role: 'member' as const, countyCode: '340822', orgCode: '340822100201001', memberId: 7 };
  const leader = { role: 'group_leader' as const, countyCode: '340822', orgCode: '340822100201' };
  const auditor = { role: 'auditor' as const, countyCode: '340822', orgCode: '340822' };

  it('limits a user whose write right comes only from member grants to the members they are', () => {
    const writers = commitmentWriters([member, auditor], '340822');
    expect(writers).toEqual([member]);
    expect(ownMembersOnly(writers, '340822100201001')).toEqual([7]);
    expect(ownMembersOnly(writers, '340822100201002')).toEqual([]); // not covered: nobody
  });

  it('lets another writing role at the unit write for any member there', () => {
    const writers = commitmentWriters([member, leader], '340822');
    expect(ownMembersOnly(writers, '340822100201001')).toBeNull();
    expect(commitmentWriters([member], '340825')).toEqual([]);
  });
});
