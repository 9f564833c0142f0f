/**
 * Calendar arithmetic for the generator on 'YYYY-MM-DD' strings via day numbers (UTC), never the clock:
 * the demo describes the county as of a fixed day, so its data never depends on when it is seeded.
 */
import type { Rng } from './random.ts';

/** The demo's "today": the end of the poverty-alleviation campaign. */
export const DEMO_TODAY = '2020-12-31';
/** The last year with income and status data. */
export const DEMO_YEAR = 2020;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function toDayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/**
 * ISO date of a day number, by Howard Hinnant's civil_from_days: the seed converts hundreds of thousands
 * of dates, and building a Date plus toISOString for each was a tenth of the generation time.
 */
export function fromDayNumber(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** A uniformly random day in [from, to], both inclusive. */
export function randomDate(rng: Rng, from: string, to: string): string {
  return fromDayNumber(rng.int(toDayNumber(from), toDayNumber(to)));
}

/** A random day of `year` between the given months (inclusive). */
export function dateInYear(rng: Rng, year: number, fromMonth = 1, toMonth = 12): string {
  const first = Date.UTC(year, fromMonth - 1, 1) / DAY_MS;
  const last = Date.UTC(year, toMonth, 1) / DAY_MS - 1; // day before the 1st of the following month
  return fromDayNumber(rng.int(first, last));
}

/**
 * A birth date giving exactly `age` completed years on {@link DEMO_TODAY} (31 December, so any day of
 * the birth year works).
 */
export function birthDateForAge(rng: Rng, age: number): string {
  return dateInYear(rng, DEMO_YEAR - age);
}

/** The day someone born on `birthDate` turns `years` old (29 February → 1 March in common years). */
export function anniversary(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const monthDay = birthDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === '02-29' && !leap ? `${year}-03-01` : `${year}-${monthDay}`;
}

/** The later of two ISO dates. */
export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two ISO dates. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * The business instant the demo clock shows at the moment of seeding (services/clock/business-clock.ts): 09:00 on
 * {@link DEMO_TODAY} in China, after every seeded event, so the demo starts a working day that lasts 15 hours.
 */
export const DEMO_CLOCK_START = `${DEMO_TODAY}T09:00:00+08:00`;
