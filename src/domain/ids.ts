/**
 * Chinese resident identity numbers (公民身份号码, GB 11643-1999) and masking of the personal
 * identifiers the registry holds (ID numbers, phones, bank accounts), which must never appear in
 * public notices or logs.
 */

import { businessNow } from './clock.ts';
import { chinaDateOf, formatIsoDate, isRealDate, parseIsoDate } from './dates.ts';

export { ageOn } from './dates.ts';

/** Why a string is not a usable resident ID number. */
export type ResidentIdFailure = 'format' | 'birth_date' | 'check_digit';

/** Result of {@link parseResidentId}. */
export type ResidentIdResult =
  | { ok: true; id: string; birthDate: string; sex: 'M' | 'F'; areaCode: string }
  | { ok: false; reason: ResidentIdFailure };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// Births before this are not plausible in a registry started in 2014; such dates are typos.
const MIN_BIRTH_YEAR = 1890;

/**
 * ISO 7064 MOD 11-2 check character for the first 17 digits of an 18-digit ID.
 * @throws RangeError unless `first17` is exactly 17 ASCII digits.
 */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkDigit needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Old 15-digit IDs (issued before 1999) carry a 2-digit year and no check digit. The standard's
 * upgrade always assumes the 1900s (the rare centenarians' 996–999 sequences are not special-cased).
 */
function upgradeFifteen(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkDigit(first17);
}

/**
 * Parses and validates a resident ID number, 18-digit or old 15-digit.
 * Whitespace is ignored and a lowercase 'x' accepted, because IDs arrive typed by hand or pasted
 * from spreadsheets; the returned `id` is always the 18-digit form with an uppercase 'X'.
 * @param today the date births may not exceed (a `Date` instant, read as the China calendar day,
 *   or 'YYYY-MM-DD'); defaults to now.
 * @param minBirthYear earlier birth years are reported as 'birth_date' (default 1890: nobody older
 *   lives in the registry, so such a date is a typo); pass a lower year to check the standard's
 *   own examples such as 440524188001010014.
 */
export function parseResidentId(
  input: string,
  today: Date | string = businessNow(),
  minBirthYear: number = MIN_BIRTH_YEAR,
): ResidentIdResult {
  const raw = input.replace(/\s+/g, '').toUpperCase();
  let id: string;
  if (/^\d{15}$/.test(raw)) id = upgradeFifteen(raw);
  else if (/^\d{17}[\dX]$/.test(raw)) id = raw;
  else return { ok: false, reason: 'format' };

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealDate(year, month, day) || year < minBirthYear) return { ok: false, reason: 'birth_date' };
  const birthDate = formatIsoDate({ year, month, day });
  const todayIso = typeof today === 'string' ? today : chinaDateOf(today);
  if (!parseIsoDate(todayIso)) throw new RangeError(`Invalid today: ${todayIso}`);
  if (birthDate > todayIso) return { ok: false, reason: 'birth_date' };

  if (checkDigit(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'check_digit' };
  const sex = Number(id[16]) % 2 === 1 ? 'M' : 'F';
  return { ok: true, id, birthDate, sex, areaCode: id.slice(0, 6) };
}

/**
 * Builds a valid 18-digit ID (used by the synthetic data generator).
 * @param areaCode 6-digit county code
 * @param birthDate 'YYYY-MM-DD'
 * @param sequence 0..999; odd numbers are men, even numbers women (GB 11643)
 * @throws RangeError on any malformed argument.
 */
export function makeResidentId(areaCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(areaCode)) throw new RangeError(`Area code must be 6 digits: ${areaCode}`);
  const birth = parseIsoDate(birthDate);
  if (!birth) throw new RangeError(`Invalid birth date: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`Sequence must be an integer 0..999: ${sequence}`);
  }
  const first17 = areaCode + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return first17 + checkDigit(first17);
}

/** '340822********123X': keeps the area code and the last 4, hides the birth date. */
export function maskResidentId(id: string): string {
  const s = id.trim();
  // Anything shorter than an old 15-digit number is not a real ID: hide it completely.
  if (s.length < 15) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}********${s.slice(-4)}`;
}

/** '13812341234' → '138****1234'; short numbers keep at most their last 4 characters. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (s.length >= 11) return `${s.slice(0, 3)}****${s.slice(-4)}`;
  // Showing both ends of a short (landline) number would reveal almost all of it.
  if (s.length >= 7) return `****${s.slice(-4)}`;
  return '*'.repeat(s.length);
}

/** Any account number → '**** **** **** 1234' (last 4 only, the way bank slips print it). */
export function maskBankAccount(account: string): string {
  const s = account.replace(/\s+/g, '');
  if (s.length < 8) return '**** **** **** ****';
  return `**** **** **** ${s.slice(-4)}`;
}
