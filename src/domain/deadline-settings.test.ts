import { describe, expect, it } from 'vitest';
import { applyDeadlineChanges, checkDeadlineChanges, type DeadlineChange, defaultHours } from './deadline-settings.ts';

const CATEGORIES = ['industry', 'medical'];
const cell = (hours: number | null, over: Partial<DeadlineChange> = {}): DeadlineChange => ({
  category: 'industry',
  urgency: 'normal',
  level: 'grid',
  hours,
  ...over,
});
const check = (changes: DeadlineChange[], overrides = [] as Parameters<typeof checkDeadlineChanges>[1]) =>
  checkDeadlineChanges(CATEGORIES, overrides, changes).map((p) => `${p.path}:${p.code}`);

describe('deadline settings', () => {
  it('knows the code defaults (pressing categories get half)', () => {
    expect(defaultHours('industry', 'normal', 'grid')).toBe(72);
    expect(defaultHours('medical', 'normal', 'village')).toBe(60);
    expect(defaultHours('industry', 'urgent', 'county')).toBe(120);
  });

  it('accepts whole hours within 1–2160 that keep the order, and resets', () => {
    expect(check([cell(48), cell(96, { level: 'village' })])).toEqual([]);
    expect(check([cell(null)])).toEqual([]);
    expect(check([cell(1, { urgency: 'urgent' })])).toEqual([]);
    expect(check([cell(2160, { level: 'county' })])).toEqual([]);
  });

  it('refuses hours out of range or not whole, and a cell twice', () => {
    expect(check([cell(0)])).toEqual(['cells.0.hours:out_of_range']);
    expect(check([cell(2161, { level: 'county' })])).toEqual(['cells.0.hours:out_of_range']);
    expect(check([cell(1.5)])).toEqual(['cells.0.hours:out_of_range']);
    expect(check([cell(48), cell(50)])).toEqual(['cells.1:duplicate_cell']);
  });

  it('refuses a higher level with less time than the level below, under the changed cell', () => {
    // village default 120: a grid of 130 passes it
    const problems = checkDeadlineChanges(CATEGORIES, [], [cell(130)]);
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual(['cells.0.hours:level_order']);
    expect(problems[0]?.message.zh).toBe('村级时限 120 小时短于网格 130 小时：上级的时限不得短于下级');
    // both changed: reported under both
    expect(check([cell(100, { level: 'township' }), cell(110, { level: 'village' })])).toEqual([
      'cells.1.hours:level_order',
      'cells.0.hours:level_order',
    ]);
  });

  it('refuses an urgent deadline longer than the normal one at the same level', () => {
    const problems = checkDeadlineChanges(CATEGORIES, [], [cell(30, { urgency: 'urgent', level: 'grid' }), cell(25)]);
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      'cells.0.hours:urgency_order',
      'cells.1.hours:urgency_order',
    ]);
    expect(problems[0]?.message.en).toBe(
      'The urgent deadline (30 h) is longer than the normal one (25 h): urgent may not have more time',
    );
  });

  it('checks a reset against the county rows that stay, and ignores old breaks of untouched cells', () => {
    const own = [
      { category: 'industry', urgency: 'normal' as const, level: 'grid' as const, hours: 200 },
      { category: 'industry', urgency: 'normal' as const, level: 'village' as const, hours: 300 },
    ];
    // resetting the village to 120 leaves the grid's 200 above it
    expect(check([cell(null, { level: 'village' })], own)).toEqual(['cells.0.hours:level_order']);
    // an old break elsewhere (medical grid above its village) does not block this edit
    const broken = [...own, { category: 'medical', urgency: 'normal' as const, level: 'grid' as const, hours: 500 }];
    expect(check([cell(250)], broken)).toEqual([]);
    expect(applyDeadlineChanges(own, [cell(null, { level: 'village' }), cell(100, { urgency: 'urgent' })])).toEqual([
      own[0],
      { category: 'industry', urgency: 'urgent', level: 'grid', hours: 100 },
    ]);
  });
});
