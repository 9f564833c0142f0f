/**
 * The poverty line (贫困标准): per person per year, CNY at current prices, as a year × province
 * table. The national line is 2,300 CNY at 2010 prices, re-priced every year; provinces (and in
 * practice counties) set their own higher lines, so the table lets any province override any year.
 */

/** Province code ('34') or 'national' → year → CNY per person per year. */
export type PovertyLineTable = Readonly<Record<string, Readonly<Record<number, number>>>>;

/** The national line by year (current prices). */
const NATIONAL: Readonly<Record<number, number>> = {
  2010: 2300,
  2011: 2536,
  2012: 2625,
  2013: 2736,
  2014: 2800,
  2015: 2855,
  2016: 2952,
  2017: 2952,
  2018: 2995,
  2019: 3218,
  2020: 4000,
};

/**
 * The poverty lines in force. Data is (local): counties override — a deployment replaces or extends
 * this table from configuration rather than editing code.
 */
export const POVERTY_LINES: PovertyLineTable = {
  national: NATIONAL,
  // Anhui (安徽, 34) applied the national line in every year on record; kept as its own row so a
  // provincial value can be entered for one year without touching the others.
  '34': { ...NATIONAL },
};

/** The first year of the national line; earlier years have no line in this system. */
export const FIRST_POVERTY_LINE_YEAR = 2010;

function latestYearAtOrBefore(table: Readonly<Record<number, number>>, year: number): number | undefined {
  const years = Object.keys(table)
    .map(Number)
    .filter((y) => y <= year);
  return years.length > 0 ? Math.max(...years) : undefined;
}

/**
 * The poverty line for a year and province: the province's value for that year, else the national
 * value for that year, else the latest earlier national value (the line stays in force until a
 * new one is published, e.g. 2021 onward uses 2020's).
 * @param provinceCode 2-digit province code (unknown provinces get the national line)
 * @param table the lines to use; defaults to {@link POVERTY_LINES}
 * @throws RangeError for non-integer years or years before 2010.
 */
export function povertyLine(year: number, provinceCode: string, table: PovertyLineTable = POVERTY_LINES): number {
  if (!Number.isInteger(year) || year < FIRST_POVERTY_LINE_YEAR) {
    throw new RangeError(`No poverty line for year ${year}`);
  }
  const provincial = table[provinceCode]?.[year];
  if (provincial !== undefined) return provincial;
  const national = table.national ?? {};
  const exact = national[year];
  if (exact !== undefined) return exact;
  const latest = latestYearAtOrBefore(national, year);
  const value = latest === undefined ? undefined : national[latest];
  if (value === undefined) throw new RangeError(`No poverty line for year ${year}`);
  return value;
}
