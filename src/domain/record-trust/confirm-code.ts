/**
 * The one-time confirmation code (确认码) a helper shows the household: 6 characters from 31 that cannot be misread
 * (no 0/O, 1/I/L), ~887 million codes per household, so guessing one within the public step's rate limit is
 * hopeless. Only a hash salted by county and household is stored: the code works only on that household's plaque.
 */
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
/** How long a code works: the visit and the days after it, when a relative can help the household answer. */
export const CODE_HOURS = 72;

/** A fresh random code. */
export function newConfirmCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The stored hash of `code` for household `householdId` of `county` (case-insensitive: typed on a phone). */
export function confirmCodeHash(county: string, householdId: number, code: string): string {
  return createHash('sha256').update(`${county}:${householdId}:${code.toUpperCase()}`).digest('hex');
}
