import { describe, expect, it } from 'vitest';
import { checkClearance } from './risk-clearance.ts';
import { lineOfYear } from './yearly-line.ts';

const lines = new Map([
  [2021, 6000],
  [2022, 6500],
]);
const base = {
  incomes: [
    { year: 2021, perCapita: 7000 },
    { year: 2022, perCapita: 7200 },
  ],
  lineOf: (year: number) => lineOfYear(year, '34', lines),
  stableYears: 2,
  security: {
    foodAndClothingSecure: true,
    persons: [{ birthDate: '1970-01-01', schoolStatus: 'none' as const, hasMedicalInsurance: true }],
    housingGrade: 'A' as const,
    safeWater: true,
    asOf: '2022-12-31',
  },
  riskTypes: ['illness', 'housing'],
  resolvedRisks: ['illness', 'housing'],
  riskLabel: (code: string) => ({ zh: code === 'illness' ? '因病' : '住房安全', en: code }),
};

describe('risk clearance', () => {
  it('passes when income is above each year line for the set years, security holds and risks are resolved', () => {
    const result = checkClearance(base);
    expect(result.passes).toBe(true);
    expect(result.checks.map((c) => c.code)).toEqual([
      'income_stable',
      'food_clothing',
      'compulsory_education',
      'medical_insurance',
      'safe_housing',
      'safe_water',
      'risks_resolved',
    ]);
    expect(result.checks[0]?.detail.zh).toContain('2022 年人均纯收入 7200 元高于该年标准 6500 元');
  });

  it('fails on one year below its line, on too few years, on an unresolved risk and on unsafe water', () => {
    const low = checkClearance({
      ...base,
      incomes: [
        { year: 2021, perCapita: 5900 },
        { year: 2022, perCapita: 7200 },
      ],
    });
    expect(low.checks.find((c) => c.code === 'income_stable')?.passed).toBe(false);
    expect(checkClearance({ ...base, stableYears: 3 }).checks[0]?.passed).toBe(false);
    const risk = checkClearance({ ...base, resolvedRisks: ['illness'] });
    expect(risk.checks.at(-1)).toMatchObject({ passed: false, detail: { zh: '尚未化解的风险：住房安全' } });
    const water = checkClearance({ ...base, security: { ...base.security, safeWater: false } });
    expect(water.passes).toBe(false);
  });

  it('never clears on a year without a line and says the line is missing', () => {
    const result = checkClearance({ ...base, incomes: [...base.incomes, { year: 2023, perCapita: 9000 }] });
    expect(result.passes).toBe(false);
    expect(result.checks[0]?.detail.zh).toContain('缺少 2023 年本省（34）的防止返贫监测范围');
  });
});
