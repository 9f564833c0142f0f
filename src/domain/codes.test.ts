import { describe, expect, it } from 'vitest';
import { CAUSE_CODES, CODE_LABELS, CODES, type CodeKind, isCode, labelOf } from './codes.ts';

describe('dictionary codes', () => {
  it('has the 12 national causes plus other, in registry order', () => {
    expect(CAUSE_CODES).toHaveLength(13);
    expect(CAUSE_CODES.map((c) => CODE_LABELS.cause[c].zh)).toEqual([
      '因病',
      '因残',
      '因学',
      '因灾',
      '因婚',
      '缺土地',
      '缺水',
      '缺技术',
      '缺劳力',
      '缺资金',
      '交通条件落后',
      '自身发展动力不足',
      '其他',
    ]);
  });

  it('labels exactly the listed codes of every kind, with non-empty zh and en', () => {
    for (const kind of Object.keys(CODES) as CodeKind[]) {
      const labels = CODE_LABELS[kind] as Record<string, { zh: string; en: string }>;
      expect(Object.keys(labels).sort()).toEqual([...CODES[kind]].sort());
      for (const label of Object.values(labels)) {
        expect(label.zh.length).toBeGreaterThan(0);
        expect(label.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('looks up labels and guards unknown values', () => {
    expect(labelOf('attribute', 'tekun')).toEqual({
      zh: '特困供养(五保)户',
      en: 'Destitute-support (wubao) household',
    });
    expect(labelOf('relation', 'child_in_law').zh).toBe('儿媳/女婿');
    expect(isCode('health', 'chronic')).toBe(true);
    expect(isCode('health', 'sick')).toBe(false);
    expect(isCode('schoolStatus', 3)).toBe(false);
  });
});
