import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { syncBusinessClock } from '../auth/business-clock.ts';
import { openOnBusinessToday, untilBusinessToday } from './date-field.ts';

afterEach(() => syncBusinessClock(new Date().toISOString()));

describe('date pickers follow the business clock, not the device', () => {
  it("open on the server's demo date and refuse days after it", () => {
    syncBusinessClock('2020-12-31T01:00:00.000Z'); // 09:00 on 31 December in China
    const until = untilBusinessToday();
    expect(until.defaultPickerValue.format('YYYY-MM-DD')).toBe('2020-12-31');
    expect(until.disabledDate(dayjs('2020-12-31'))).toBe(false);
    expect(until.disabledDate(dayjs('2021-01-01'))).toBe(true);
    expect(until.disabledDate(dayjs())).toBe(true); // the device's real today lies after the demo's
    expect(openOnBusinessToday().defaultPickerValue.format('YYYY-MM-DD')).toBe('2020-12-31');
  });
});
