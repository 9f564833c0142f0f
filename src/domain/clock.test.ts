import { afterEach, describe, expect, it } from 'vitest';
import { anchorOffsetMs, businessNow, businessTimeOf, clockOffsetMs, isDemoClock, setClockAnchor } from './clock.ts';
import { chinaDateOf } from './dates.ts';

const ANCHOR = { realAt: '2026-11-29T09:30:00.000Z', businessAt: '2020-12-31T01:00:00.000Z' };
const REAL_SEEDING = Date.parse(ANCHOR.realAt);

afterEach(() => setClockAnchor(null));

describe('business clock', () => {
  it('is the real clock when no anchor is set (production and tests)', () => {
    const before = Date.now();
    const now = businessNow().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(clockOffsetMs()).toBe(0);
    expect(isDemoClock()).toBe(false);
    expect(businessTimeOf(new Date(REAL_SEEDING))).toEqual(new Date(REAL_SEEDING));
  });

  it('shows the anchored instant at the anchor and advances with real time', () => {
    setClockAnchor(ANCHOR);
    expect(isDemoClock()).toBe(true);
    expect(businessNow(REAL_SEEDING).toISOString()).toBe('2020-12-31T01:00:00.000Z');
    expect(chinaDateOf(businessNow(REAL_SEEDING))).toBe('2020-12-31');
    // 15 hours later it is past midnight in China: 1 January 2021.
    const later = REAL_SEEDING + 15 * 3_600_000;
    expect(businessNow(later).toISOString()).toBe('2020-12-31T16:00:00.000Z');
    expect(chinaDateOf(businessNow(later))).toBe('2021-01-01');
  });

  it('makes chinaDateOf() default to the business date', () => {
    setClockAnchor({ realAt: new Date().toISOString(), businessAt: '2020-12-31T01:00:00.000Z' });
    expect(chinaDateOf()).toBe('2020-12-31');
    setClockAnchor(null);
    expect(chinaDateOf()).toBe(chinaDateOf(new Date()));
  });

  it('keeps seed-era timestamps and moves later bookkeeping timestamps back by the offset', () => {
    setClockAnchor(ANCHOR);
    const seeded = new Date('2020-06-30T04:00:00.000Z');
    expect(businessTimeOf(seeded)).toEqual(seeded);
    expect(businessTimeOf(new Date('2026-11-30T09:30:00.000Z')).toISOString()).toBe('2021-01-01T01:00:00.000Z');
  });

  it('refuses a malformed anchor', () => {
    expect(() => anchorOffsetMs({ realAt: 'yesterday', businessAt: ANCHOR.businessAt })).toThrow(RangeError);
    expect(anchorOffsetMs(ANCHOR)).toBe(REAL_SEEDING - Date.parse(ANCHOR.businessAt));
  });
});
