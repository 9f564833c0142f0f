import { describe, expect, it } from 'vitest';
import { POVERTY_LINES, type PovertyLineTable, povertyLine } from './poverty-line.ts';

describe('povertyLine', () => {
  it('returns the national values by year', () => {
    expect(povertyLine(2010, '11')).toBe(2300);
    expect(povertyLine(2013, '11')).toBe(2736);
    expect(povertyLine(2014, '11')).toBe(2800);
    expect(povertyLine(2015, '11')).toBe(2855);
    expect(povertyLine(2016, '11')).toBe(2952);
    expect(povertyLine(2017, '11')).toBe(2952);
    expect(povertyLine(2020, '11')).toBe(4000);
  });

  it('gives Anhui the national values', () => {
    for (let year = 2010; year <= 2020; year++) {
      expect(povertyLine(year, '34')).toBe(POVERTY_LINES.national?.[year]);
    }
  });

  it('keeps the latest line in force after the table ends', () => {
    expect(povertyLine(2023, '34')).toBe(4000);
  });

  it('lets a province override single years', () => {
    const table: PovertyLineTable = { ...POVERTY_LINES, '34': { 2017: 3100 } };
    expect(povertyLine(2017, '34', table)).toBe(3100);
    expect(povertyLine(2016, '34', table)).toBe(2952);
    expect(povertyLine(2017, '35', table)).toBe(2952);
  });

  it('has no line before 2010 or for fractional years', () => {
    expect(() => povertyLine(2009, '34')).toThrow(RangeError);
    expect(() => povertyLine(2015.5, '34')).toThrow(RangeError);
  });
});
