import { describe, expect, it } from 'vitest';
import { newPlaqueCode, PLAQUE_CODE_LENGTH } from './plaque-code.ts';

describe('newPlaqueCode', () => {
  it('gives 10 Crockford base32 characters (no I, L, O, U), different every time', () => {
    const codes = Array.from({ length: 2000 }, newPlaqueCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(PLAQUE_CODE_LENGTH).toBe(10);
    // Every one of the 32 characters turns up: the 5-bit draw covers the whole alphabet.
    expect(new Set(codes.join('')).size).toBe(32);
  });
});
