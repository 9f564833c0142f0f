/**
 * The line an income year is measured against: the poverty line (贫困标准) for the campaign's years up to 2020,
 * and from 2021 the monitoring line (防止返贫监测范围) the province set for that year, read from the
 * `monitoring_line` table. A year after 2020 without a line has no figure: the answer says the line is missing and
 * what to do — the code never carries 2020's line forward or invents one.
 */
import type { Localized } from './errors.ts';
import { povertyLine } from './poverty-line.ts';

/** The last year of the poverty line; later years are measured against the monitoring line. */
export const LAST_POVERTY_LINE_YEAR = 2020;

/** One province's monitoring lines: year → yuan per person per year. */
export type MonitoringLines = ReadonlyMap<number, number>;

export type YearLine =
  | { known: true; yuan: number; kind: 'poverty' | 'monitoring' }
  | { known: false; message: Localized };

/** The message for a year whose monitoring line nobody entered. */
export function lineMissingMessage(year: number, provinceCode: string): Localized {
  return {
    zh: `缺少 ${year} 年本省（${provinceCode}）的防止返贫监测范围，无法按收入判断；请县级管理员在“设置 → 监测范围”中录入该年标准及其来源`,
    en: `The ${year} monitoring line of province ${provinceCode} is missing, so income cannot be judged; a county admin enters it with its source under Settings → Monitoring line`,
  };
}

/** The line of `year` for `provinceCode`: the poverty line up to 2020, the province's monitoring line after. */
export function lineOfYear(year: number, provinceCode: string, lines: MonitoringLines): YearLine {
  if (year <= LAST_POVERTY_LINE_YEAR) return { known: true, yuan: povertyLine(year, provinceCode), kind: 'poverty' };
  const yuan = lines.get(year);
  if (yuan === undefined) return { known: false, message: lineMissingMessage(year, provinceCode) };
  return { known: true, yuan, kind: 'monitoring' };
}
