import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from './ids.ts';
import { containsPii, maskPiiInText } from './pii-text.ts';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));

const residentId = fc
  .record({
    year: fc.integer({ min: 1930, max: 2010 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ year, month, day, sequence }) =>
    makeResidentId('340822', `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, sequence),
  );
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);
const bankAccount = fc.integer({ min: 16, max: 19 }).chain((n) => digits(n - 1).map((d) => `6${d}`));
const identifier = fc.oneof(residentId, mobile, bankAccount);

/** Chinese or Latin prose around the number, never ending or starting with a digit. */
const prose = fc.constantFrom('', '我的电话是', '身份证号：', '银行卡 ', '谢谢张书记！', 'call me on ', '，户主');
/** How people type numbers: plain, grouped by spaces or dashes, or in full-width digits. */
const spelling = fc.constantFrom('plain', 'spaces', 'dashes', 'dots', 'fullwidth');

function spell(value: string, how: string): string {
  const groups = value.match(/.{1,4}/g) ?? [];
  switch (how) {
    case 'spaces':
      return groups.join(' ');
    case 'dashes':
      return groups.join('-');
    case 'dots':
      return groups.join('.');
    case 'fullwidth':
      return value.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    default:
      return value;
  }
}

/** The longest run of the identifier's own digits that is still readable in the output. */
function longestDigitRun(text: string): number {
  const folded = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return Math.max(0, ...(folded.replace(/[\s\-.]/g, '').match(/[0-9]+/g) ?? []).map((r) => r.length));
}

describe('maskPiiInText', () => {
  it('leaves no ID number, mobile or bank account readable, however it is spelt or surrounded', () => {
    fc.assert(
      fc.property(prose, identifier, spelling, prose, (before, value, how, after) => {
        const masked = maskPiiInText(`${before}${spell(value, how)}${after}`);
        expect(masked.startsWith(before)).toBe(true);
        expect(masked.endsWith(after)).toBe(true);
        // At most the area code (6 digits) of an ID number, or the last 4 digits, survive.
        expect(longestDigitRun(masked)).toBeLessThanOrEqual(6);
        expect(masked).toContain('****');
        expect(masked.replace(/[^0-9０-９]/g, '').length).toBeLessThanOrEqual(10);
      }),
    );
  });

  it('is idempotent and marks what it masked', () => {
    fc.assert(
      fc.property(prose, identifier, spelling, (before, value, how) => {
        const once = maskPiiInText(`${before}${spell(value, how)}`);
        expect(maskPiiInText(once)).toBe(once);
        expect(containsPii(`${before}${spell(value, how)}`)).toBe(true);
        expect(containsPii(once)).toBe(false);
      }),
    );
  });

  it('changes no ordinary text: amounts, dates, counts, short numbers', () => {
    const ordinary = fc.oneof(
      fc.integer({ min: 0, max: 9_999_999 }).map((n) => `收入 ${n} 元`),
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.string({ maxLength: 40 }).filter((s) => !/[0-9０-９]/.test(s)),
    );
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(maskPiiInText(text)).toBe(text);
      }),
    );
  });

  it('masks the example a visitor published', () => {
    const comment = '张书记很好，身份证 340822 19800309 1234 电话 138-1234-5678 卡号 6228 4800 1234 5678 901';
    const masked = maskPiiInText(comment);
    expect(masked).toBe('张书记很好，身份证 340822********1234 电话 138****5678 卡号 **** **** **** 8901');
  });
});
