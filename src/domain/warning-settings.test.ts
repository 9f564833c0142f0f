import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_CONFIG } from './early-warning.ts';
import { checkWarningConfig, normalizeWarningConfig } from './warning-settings.ts';

const paths = (c: Partial<typeof DEFAULT_WARNING_CONFIG>) =>
  checkWarningConfig({ ...DEFAULT_WARNING_CONFIG, ...c }).map((p) => p.path);

describe('warning thresholds', () => {
  it('accepts the defaults and the range ends', () => {
    expect(paths({})).toEqual([]);
    expect(paths({ noHelpDays: 7, incomeMultiple: 1, newIllnessDays: 365 })).toEqual([]);
    expect(paths({ noHelpDays: 365, incomeMultiple: 3, newIllnessDays: 7 })).toEqual([]);
    expect(paths({ incomeMultiple: 1.15 })).toEqual([]);
    expect(paths({ incomeMultiple: 2.35 })).toEqual([]);
  });

  it('refuses days outside 7–365 or not whole, each under its field with zh and en', () => {
    expect(paths({ noHelpDays: 6 })).toEqual(['noHelpDays']);
    expect(paths({ noHelpDays: 366 })).toEqual(['noHelpDays']);
    expect(paths({ newIllnessDays: 30.5 })).toEqual(['newIllnessDays']);
    const [problem] = checkWarningConfig({ ...DEFAULT_WARNING_CONFIG, noHelpDays: 0 });
    expect(problem).toEqual({
      path: 'noHelpDays',
      code: 'out_of_range',
      message: {
        zh: '未帮扶预警天数须为 7–365 之间的整数天',
        en: 'Days without help must be a whole number of days from 7 to 365',
      },
    });
  });

  it('refuses a multiple outside 1.00–3.00 or off the 0.05 step, and lists every broken field', () => {
    expect(paths({ incomeMultiple: 0.95 })).toEqual(['incomeMultiple']);
    expect(paths({ incomeMultiple: 3.05 })).toEqual(['incomeMultiple']);
    expect(paths({ incomeMultiple: 1.52 })).toEqual(['incomeMultiple']);
    expect(paths({ incomeMultiple: Number.NaN })).toEqual(['incomeMultiple']);
    expect(paths({ noHelpDays: 1, incomeMultiple: 5, newIllnessDays: 1000 })).toEqual([
      'noHelpDays',
      'newIllnessDays',
      'incomeMultiple',
    ]);
  });

  it('stores the multiple with two decimals', () => {
    expect(
      normalizeWarningConfig({ ...DEFAULT_WARNING_CONFIG, incomeMultiple: 1.1500000000000001 }).incomeMultiple,
    ).toBe(1.15);
  });
});
