import { describe, expect, it } from 'vitest';
import { formatIndicator, INDICATOR_KEYS, indicatorValue } from './indicators.ts';

const child = {
  code: '340822100',
  name: '高河镇',
  level: 'township' as const,
  households: 200,
  poor: 50,
  exited: 140,
  members: 300,
  perCapitaMean: 5234,
};
const empty = { ...child, households: 0, poor: 0, exited: 0, members: 4, perCapitaMean: null };

describe('map indicators', () => {
  it('compute each indicator from a child row', () => {
    expect(INDICATOR_KEYS.map((k) => indicatorValue(child, k))).toEqual([0.25, 50, 5234, 1.5]);
  });

  it('leave units without households blank instead of zero', () => {
    expect(INDICATOR_KEYS.map((k) => indicatorValue(empty, k))).toEqual([null, 0, null, null]);
  });

  it('format values per indicator and language', () => {
    expect(formatIndicator('povertyRate', 0.25, 'zh')).toBe('25.0%');
    expect(formatIndicator('poor', 1234, 'zh')).toBe('1,234');
    expect(formatIndicator('income', 5234.4, 'zh')).toBe('5,234 元');
    expect(formatIndicator('income', 5234.4, 'en')).toBe('CNY 5,234');
    expect(formatIndicator('membersPerHousehold', 1.5, 'en')).toBe('1.50');
  });
});
