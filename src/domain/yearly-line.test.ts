import { describe, expect, it } from 'vitest';
import { lineOfYear } from './yearly-line.ts';

describe('the line of an income year', () => {
  const lines = new Map([
    [2021, 6000],
    [2022, 6500],
  ]);

  it('is the poverty line up to 2020 and the province monitoring line after', () => {
    expect(lineOfYear(2019, '34', lines)).toEqual({ known: true, yuan: 3218, kind: 'poverty' });
    expect(lineOfYear(2020, '34', lines)).toEqual({ known: true, yuan: 4000, kind: 'poverty' });
    expect(lineOfYear(2022, '34', lines)).toEqual({ known: true, yuan: 6500, kind: 'monitoring' });
  });

  it('says the line is missing, in both languages, instead of giving a number', () => {
    const missing = lineOfYear(2023, '34', lines);
    expect(missing.known).toBe(false);
    if (missing.known) return;
    expect(missing.message.zh).toContain('缺少 2023 年本省（34）的防止返贫监测范围');
    expect(missing.message.en).toContain('The 2023 monitoring line of province 34 is missing');
    expect(JSON.stringify(missing)).not.toMatch(/4000|6500/);
  });
});
