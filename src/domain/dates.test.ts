import { describe, expect, it } from 'vitest';
import { chinaDateOf, daysInMonth, formatIsoDate, isRealDate, parseIsoDate } from './dates.ts';

describe('calendar dates', () => {
  it('knows month lengths including Gregorian leap rules', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it('accepts only real days', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2023, 13, 1)).toBe(false);
    expect(isRealDate(2023, 1, 0)).toBe(false);
  });

  it('parses and formats ISO dates', () => {
    expect(parseIsoDate('2017-03-09')).toEqual({ year: 2017, month: 3, day: 9 });
    expect(parseIsoDate('2017-3-9')).toBeNull();
    expect(parseIsoDate('2017-02-30')).toBeNull();
    expect(formatIsoDate({ year: 987, month: 3, day: 9 })).toBe('0987-03-09');
  });

  it('reads an instant as the Beijing calendar day', () => {
    expect(chinaDateOf(new Date('2020-12-31T15:59:59Z'))).toBe('2020-12-31');
    expect(chinaDateOf(new Date('2020-12-31T16:00:00Z'))).toBe('2021-01-01');
  });
});
