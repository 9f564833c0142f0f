/**
 * Facts about one person that every register (household persons, Party members, helpers) judges the same way:
 * whether a typed name shows anything at all, how old someone can plausibly be, and the comparable form of an
 * ID number. Pure functions, no I/O.
 */
import { ageOn } from './dates.ts';
import { parseResidentId } from './ids.ts';

/**
 * Characters that show nothing on a form or a plaque: format characters (zero-width space and joiners, BOM,
 * bidi marks — Unicode class Cf), separators (Z, including the ideographic space) and whitespace.
 */
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;
const INVISIBLE_EDGES = /^[\p{Cf}\p{Z}\s]+|[\p{Cf}\p{Z}\s]+$/gu;

/** Whether `text` has at least one visible character (a name of zero-width spaces names nobody). */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

/** `text` without invisible characters at either end (String.trim keeps zero-width spaces). */
export function trimInvisible(text: string): string {
  return text.replace(INVISIBLE_EDGES, '');
}

/** Older than this on the business date is a typing error in the ID number, not a person. */
export const MAX_AGE = 120;

/** The age on `asOf` when it exceeds MAX_AGE, else null (also null when the birth date is after `asOf`). */
export function excessAge(birthDate: string, asOf: string): number | null {
  if (birthDate > asOf) return null;
  const age = ageOn(birthDate, asOf);
  return age > MAX_AGE ? age : null;
}

/**
 * Comparable form of an ID number: the normalised 18-digit ID when valid (an old 15-digit number matches its
 * upgrade, a lower-case x its upper-case form), else the raw text without whitespace, upper-cased.
 * @param asOf the day births may not exceed; defaults to today (business clock)
 */
export function idKey(idNumber: string, asOf?: string): string {
  const parsed = parseResidentId(idNumber, asOf);
  return parsed.ok ? parsed.id : idNumber.replace(/\s+/g, '').toUpperCase();
}
