import { afterEach, describe, expect, it } from 'vitest';
import { businessNowMs, businessToday, businessYear, syncBusinessClock } from './business-clock.ts';

afterEach(() => syncBusinessClock(new Date().toISOString()));

describe("the server's business clock in the browser", () => {
  it("is the device's clock until synced", () => {
    expect(Math.abs(businessNowMs() - Date.now())).toBeLessThan(1_000);
    expect(businessToday()).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  });

  it("follows the server's demo date, in China time, once synced", () => {
    const received = Date.now();
    syncBusinessClock('2020-12-31T01:00:00.000Z', received); // 09:00 in China
    expect(businessToday()).toBe('2020-12-31');
    expect(businessYear()).toBe(2020);
    expect(businessNowMs() - Date.parse('2020-12-31T01:00:00.000Z')).toBeGreaterThanOrEqual(0);
    syncBusinessClock('2020-12-31T16:30:00.000Z', received); // 00:30 on 1 January in China
    expect(businessToday()).toBe('2021-01-01');
  });

  it('ignores a malformed server time', () => {
    syncBusinessClock('2020-12-31T01:00:00.000Z');
    syncBusinessClock('not a time');
    expect(businessToday()).toBe('2020-12-31');
  });
});
