/**
 * Calendar-date helpers for the registry. Dates travel as ISO strings ('YYYY-MM-DD') rather than
 * `Date` objects because a birth date or an assessment date is a calendar day, not an instant:
 * going through `Date` would shift days across time zones.
 */
import { businessNow } from './clock.ts';

/** A calendar date split into its parts (month and day are 1-based). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// China has a single time zone (UTC+8) and no daylight saving, so "today" for a county registry is
// the Beijing date whatever TZ the server happens to run in.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a year (month 1-based), proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year/month/day name a real calendar day (e.g. rejects 2023-02-29). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** Parses 'YYYY-MM-DD' into its parts; null when malformed or not a real calendar day. */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** Formats parts as 'YYYY-MM-DD' with zero padding. */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The calendar date in China (UTC+8) at the given instant, as 'YYYY-MM-DD'; by default the business "today"
 * (domain/clock.ts), which is the real date unless the demo clock is on.
 */
export function chinaDateOf(instant: Date = businessNow()): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return formatIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/**
 * Completed years of age on `date` for someone born on `birthDate` (both 'YYYY-MM-DD').
 * Someone born on 29 February becomes a year older on 1 March in common years, which is how
 * Chinese civil practice counts it (the birthday has not yet come on 28 February).
 * @throws RangeError when either date is invalid or `date` is before `birthDate`.
 */
export function ageOn(birthDate: string, date: string): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(date);
  if (!birth) throw new RangeError(`Invalid birth date: ${birthDate}`);
  if (!on) throw new RangeError(`Invalid date: ${date}`);
  if (date < birthDate) throw new RangeError(`Date ${date} is before birth date ${birthDate}`);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}
