/**
 * Rules for a county's early-warning thresholds (预警阈值). The ranges keep the warnings meaningful: fewer than 7
 * days without help is ordinary visiting rhythm, more than a year is no warning at all; an income multiple below
 * 1.0 would flag only households already under the line, above 3.0 nearly everyone. The multiple moves in steps
 * of 0.05 so the stored value and the shown one never differ by a rounding.
 */

import type { WarningConfig } from './early-warning.ts';
import type { FieldProblem } from './errors.ts';

export const WARNING_BOUNDS = {
  noHelpDays: { min: 7, max: 365 },
  incomeMultiple: { min: 1, max: 3, step: 0.05 },
  newIllnessDays: { min: 7, max: 365 },
} as const;

function days(field: 'noHelpDays' | 'newIllnessDays', value: number, name: { zh: string; en: string }) {
  const { min, max } = WARNING_BOUNDS[field];
  if (Number.isInteger(value) && value >= min && value <= max) return [];
  return [
    {
      path: field,
      code: 'out_of_range',
      message: {
        zh: `${name.zh}须为 ${min}–${max} 之间的整数天`,
        en: `${name.en} must be a whole number of days from ${min} to ${max}`,
      },
    },
  ];
}

/** Whether `value` is a whole number of 0.05 steps (tolerating binary floating point). */
function onStep(value: number): boolean {
  return Math.abs(value * 20 - Math.round(value * 20)) < 1e-9;
}

/** Every broken rule of a threshold set, each under its field. */
export function checkWarningConfig(config: WarningConfig): FieldProblem[] {
  const out: FieldProblem[] = [
    ...days('noHelpDays', config.noHelpDays, { zh: '未帮扶预警天数', en: 'Days without help' }),
    ...days('newIllnessDays', config.newIllnessDays, { zh: '新发大病残疾天数', en: 'Days an illness counts as new' }),
  ];
  const { min, max } = WARNING_BOUNDS.incomeMultiple;
  const m = config.incomeMultiple;
  if (!(m >= min && m <= max) || !onStep(m)) {
    out.push({
      path: 'incomeMultiple',
      code: 'out_of_range',
      message: {
        zh: `收入预警倍数须在 ${min.toFixed(2)}–${max.toFixed(2)} 之间，步长 0.05`,
        en: `The income multiple must be from ${min.toFixed(2)} to ${max.toFixed(2)} in steps of 0.05`,
      },
    });
  }
  return out;
}

/** The multiple as stored (two decimals), so 1.1500000001 from a form becomes 1.15. */
export function normalizeWarningConfig(config: WarningConfig): WarningConfig {
  return { ...config, incomeMultiple: Math.round(config.incomeMultiple * 100) / 100 };
}
