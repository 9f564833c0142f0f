import { describe, expect, it } from 'vitest';
import { type ExitTestInput, type ExitTestPerson, runExitTest } from './exit-test.ts';

const AS_OF = '2017-11-30';

const person = (overrides: Partial<ExitTestPerson> = {}): ExitTestPerson => ({
  birthDate: '1970-05-17',
  schoolStatus: 'none',
  hasMedicalInsurance: true,
  ...overrides,
});

const household = (overrides: Partial<ExitTestInput> = {}): ExitTestInput => ({
  year: 2017,
  provinceCode: '34',
  perCapitaNetIncome: 4200,
  foodAndClothingSecure: true,
  persons: [person(), person({ birthDate: '2007-03-01', schoolStatus: 'primary' })],
  housingGrade: 'B',
  safeWater: true,
  asOf: AS_OF,
  ...overrides,
});

const failed = (input: ExitTestInput) =>
  runExitTest(input)
    .checks.filter((c) => !c.passed)
    .map((c) => c.code);

describe('runExitTest', () => {
  it('passes a household meeting every standard and reports all six checks', () => {
    const result = runExitTest(household());
    expect(result.passes).toBe(true);
    expect(result.line).toBe(2952);
    expect(result.checks.map((c) => c.code)).toEqual([
      'income',
      'food_clothing',
      'compulsory_education',
      'medical_insurance',
      'safe_housing',
      'safe_water',
    ]);
    expect(result.checks[0]?.detail).toEqual({
      zh: '人均纯收入 4200.00 元，高于 2017 年贫困线 2952 元',
      en: 'Per-capita net income 4200.00 CNY is above the 2017 poverty line of 2952 CNY',
    });
  });

  it('requires income strictly above the line', () => {
    expect(failed(household({ perCapitaNetIncome: 2952 }))).toEqual(['income']);
    expect(failed(household({ perCapitaNetIncome: 2952.01 }))).toEqual([]);
    expect(runExitTest(household({ perCapitaNetIncome: 2952 })).passes).toBe(false);
  });

  it('fails food and clothing, water and insurance flags', () => {
    expect(failed(household({ foodAndClothingSecure: false }))).toEqual(['food_clothing']);
    expect(failed(household({ safeWater: false }))).toEqual(['safe_water']);
    const uninsured = household({ persons: [person(), person({ hasMedicalInsurance: false })] });
    expect(failed(uninsured)).toEqual(['medical_insurance']);
    expect(runExitTest(uninsured).checks[3]?.detail.zh).toBe('第 2 名家庭成员未参加基本医疗保险');
  });

  it('fails compulsory education for a child aged 6–15 out of school or dropped out', () => {
    const dropout = household({ persons: [person(), person({ birthDate: '2002-12-01', schoolStatus: 'dropout' })] });
    expect(failed(dropout)).toEqual(['compulsory_education']);
    expect(runExitTest(dropout).checks[2]?.detail.en).toBe(
      'Member(s) 2 of compulsory-school age (6–15) are out of school',
    );
    const sixYearOld = household({ persons: [person(), person({ birthDate: '2011-11-30', schoolStatus: 'none' })] });
    expect(failed(sixYearOld)).toEqual(['compulsory_education']);
  });

  it('ignores children outside 6–15 and those in preschool', () => {
    const fiveYearOld = person({ birthDate: '2011-12-01', schoolStatus: 'none' });
    const sixteenYearOld = person({ birthDate: '2001-11-30', schoolStatus: 'dropout' });
    const sixInPreschool = person({ birthDate: '2011-01-01', schoolStatus: 'preschool' });
    const notYetBorn = person({ birthDate: '2018-01-01', schoolStatus: 'none' });
    expect(failed(household({ persons: [person(), fiveYearOld, sixteenYearOld, sixInPreschool, notYetBorn] }))).toEqual(
      [],
    );
  });

  it('treats housing grades C/D and unassessed housing as failing', () => {
    expect(failed(household({ housingGrade: 'A' }))).toEqual([]);
    expect(failed(household({ housingGrade: 'C' }))).toEqual(['safe_housing']);
    expect(failed(household({ housingGrade: 'D' }))).toEqual(['safe_housing']);
    const unassessed = runExitTest(household({ housingGrade: null }));
    expect(unassessed.passes).toBe(false);
    expect(unassessed.checks[4]?.detail.zh).toBe('住房安全尚未鉴定');
  });

  it('uses the line of the assessment year', () => {
    const result = runExitTest(household({ year: 2020, perCapitaNetIncome: 3500 }));
    expect(result.line).toBe(4000);
    expect(result.passes).toBe(false);
  });
});
