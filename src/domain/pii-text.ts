/**
 * Personal identifiers inside free text (a visitor's comment, a plaque's measures, a commitment item): resident
 * ID numbers, mobile phones and bank account numbers, also when typed with spaces, dashes or dots inside or in
 * full-width digits. Anything that reaches the public page passes through {@link maskPiiInText} first, so a
 * number a visitor typed is never published in clear. Pure: no I/O.
 */
import { maskBankAccount, maskPhone, maskResidentId } from './ids.ts';

/**
 * A run of digits with at most three separators between two digits (spaces of any width, dashes, dots), and an
 * optional final X (the ID check character). Separators only count between digits, so "2 人" stays two tokens.
 */
const DIGIT_RUN = /[0-9０-９](?:[\s\u00a0\u3000\-‐‑‒–—―－.．_]{0,3}[0-9０-９])*(?:[\s\-－]{0,3}[xXｘＸ])?/g;

/** The run's digits in ASCII (full-width digits folded), with a trailing check character as 'X'. */
function digitsOf(run: string): string {
  return run
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[ｘＸx]/g, 'X')
    .replace(/[^0-9X]/g, '');
}

/** What a run of digits is, by its length and shape; null for ordinary numbers (amounts, dates, counts). */
export function classifyDigits(digits: string): 'idNumber' | 'phone' | 'bankAccount' | 'long' | null {
  const plain = digits.replace(/X$/, '');
  if (digits.endsWith('X')) return plain.length === 17 ? 'idNumber' : plain.length >= 11 ? 'long' : null;
  if (/^(?:86)?1[3-9]\d{9}$/.test(plain)) return 'phone';
  if (plain.length === 15 || plain.length === 18) return 'idNumber';
  if (plain.length >= 16 && plain.length <= 19) return 'bankAccount';
  // Any other run of 11 or more digits (landlines with area code, card numbers of other lengths) is personal.
  if (plain.length >= 11) return 'long';
  return null;
}

function maskRun(run: string): string {
  const digits = digitsOf(run);
  switch (classifyDigits(digits)) {
    case 'idNumber':
      return maskResidentId(digits);
    case 'phone':
      return maskPhone(digits.slice(-11));
    case 'bankAccount':
      return maskBankAccount(digits);
    case 'long':
      return `****${digits.slice(-4)}`;
    default:
      return run;
  }
}

/**
 * `text` with every ID number, mobile phone, bank account number or other run of 11+ digits masked the way the
 * registry masks them ('340822********123X', '138****1234', '**** **** **** 1234'); other text unchanged.
 * Idempotent: masking a masked text changes nothing.
 */
export function maskPiiInText(text: string): string {
  return text.replace(DIGIT_RUN, maskRun);
}

/** Whether `text` holds an identifier {@link maskPiiInText} would mask. */
export function containsPii(text: string): boolean {
  return maskPiiInText(text) !== text;
}
