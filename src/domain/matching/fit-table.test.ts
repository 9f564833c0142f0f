import { describe, expect, it } from 'vitest';
import { DICTIONARY } from '../../db/migrations/2026-11-29-01-dictionary.ts';
import { CAUSE_CODES } from '../codes.ts';
import { EXPERTISE_FIT, EXPERTISE_LABELS, NEED_LABELS, WILLINGNESS_FIT, WILLINGNESS_LABELS } from './fit-table.ts';

const dictionary = (kind: string) => new Map((DICTIONARY[kind] ?? []).map(([code, zh, en]) => [code, { zh, en }]));

describe('fit table', () => {
  it.each([
    ['expertise', EXPERTISE_LABELS],
    ['willingness', WILLINGNESS_LABELS],
    ['need', NEED_LABELS],
  ] as const)('uses the %s codes and labels of the dictionary', (kind, labels) => {
    expect(Object.fromEntries(dictionary(kind))).toEqual(labels);
  });

  it('keys every rule by real codes, with whole points from 1 to 6', () => {
    const causes = new Set<string>(CAUSE_CODES);
    for (const table of [EXPERTISE_FIT, WILLINGNESS_FIT]) {
      for (const targets of Object.values(table)) {
        for (const code of Object.keys(targets.cause ?? {})) expect(causes).toContain(code);
        for (const code of Object.keys(targets.need ?? {})) expect(Object.keys(NEED_LABELS)).toContain(code);
        for (const p of [...Object.values(targets.cause ?? {}), ...Object.values(targets.need ?? {})]) {
          expect(Number.isInteger(p) && p >= 1 && p <= 6).toBe(true);
        }
      }
    }
    expect(Object.keys(EXPERTISE_FIT).sort()).toEqual(Object.keys(EXPERTISE_LABELS).sort());
    expect(Object.keys(WILLINGNESS_FIT).sort()).toEqual(Object.keys(WILLINGNESS_LABELS).sort());
  });

  it('matches the article: a doctor to 因病, a teacher to 因学, a grower to 缺技术', () => {
    expect(EXPERTISE_FIT.medical.cause?.illness).toBe(6);
    expect(EXPERTISE_FIT.teaching.cause?.schooling).toBe(6);
    expect(EXPERTISE_FIT.planting.cause?.skills).toBe(6);
  });
});
