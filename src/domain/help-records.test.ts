import { describe, expect, it } from 'vitest';
import { canDoHelp, helpWriters, visitDateProblem } from './help-records.ts';

describe('help record rules', () => {
  it('edits while submitted or returned, verifies only submitted records', () => {
    expect(canDoHelp('edit', 'submitted')).toBe(true);
    expect(canDoHelp('edit', 'returned')).toBe(true);
    expect(canDoHelp('edit', 'verified')).toBe(false);
    expect(canDoHelp('verify', 'submitted')).toBe(true);
    expect(canDoHelp('verify', 'returned')).toBe(false);
  });

  it('refuses visits in the future or before 2013', () => {
    expect(visitDateProblem('2026-11-29', '2026-11-29')).toBeNull();
    expect(visitDateProblem('2026-11-30', '2026-11-29')?.en).toMatch(/future/);
    expect(visitDateProblem('2012-12-31', '2026-11-29')?.en).toMatch(/2013/);
  });

  it('counts as writers only the grants of the county whose role holds help.write', () => {
    const grants = [
      { role: 'member' as const, countyCode: '340822', orgCode: '340822100201001', memberId: 7 },
      { role: 'instructor' as const, countyCode: '340822', orgCode: '340822100' },
      { role: 'group_leader' as const, countyCode: '340823', orgCode: '340823100201' },
    ];
    expect(helpWriters(grants, '340822')).toEqual([grants[0]]);
  });
});
