/**
 * The household exit test (贫困户脱贫标准): per-capita net income above the poverty line plus
 * 两不愁三保障 — enough food and clothing; compulsory education, basic medical care and safe housing
 * assured — plus safe drinking water. Every check is reported, passed or not, because the
 * assessment form shows each line and the verifier signs them one by one.
 */
import type { Label, SchoolStatusCode } from './codes.ts';
import { ageOn } from './dates.ts';
import { povertyLine } from './poverty-line.ts';

/** One household member, as far as the exit test needs. */
export interface ExitTestPerson {
  /** 'YYYY-MM-DD' */
  birthDate: string;
  schoolStatus: SchoolStatusCode;
  hasMedicalInsurance: boolean;
}

/** Housing safety grade: A/B safe, C/D dangerous (危房), null when not assessed. */
export type HousingGrade = 'A' | 'B' | 'C' | 'D' | null;

/** Facts assessed for one household in one year. */
export interface ExitTestInput {
  year: number;
  provinceCode: string;
  perCapitaNetIncome: number;
  foodAndClothingSecure: boolean;
  persons: ExitTestPerson[];
  housingGrade: HousingGrade;
  safeWater: boolean;
  /** Assessment date 'YYYY-MM-DD', used for ages. */
  asOf: string;
  /** The year's line when the caller read it (after 2020: the province's monitoring line); else the poverty line. */
  line?: number | undefined;
}

export type ExitCheckCode =
  | 'income'
  | 'food_clothing'
  | 'compulsory_education'
  | 'medical_insurance'
  | 'safe_housing'
  | 'safe_water';

export interface ExitCheck {
  code: ExitCheckCode;
  passed: boolean;
  detail: Label;
}

export interface ExitTestResult {
  /** True only when every check passed. */
  passes: boolean;
  /** The poverty line applied, CNY per person per year. */
  line: number;
  checks: ExitCheck[];
}

/** Compulsory education (九年义务教育) ages, inclusive, on the assessment date. */
export const COMPULSORY_SCHOOL_AGE = { min: 6, max: 15 } as const;

const OUT_OF_SCHOOL: ReadonlySet<SchoolStatusCode> = new Set(['none', 'dropout']);

function incomeCheck(input: ExitTestInput, line: number): ExitCheck {
  const income = input.perCapitaNetIncome;
  // Strictly above: income equal to the line is still poor ("稳定超过").
  const passed = income > line;
  const amount = Number.isFinite(income) ? income.toFixed(2) : String(income);
  return {
    code: 'income',
    passed,
    detail: {
      zh: `人均纯收入 ${amount} 元，${passed ? '高于' : '未高于'} ${input.year} 年贫困线 ${line} 元`,
      en: `Per-capita net income ${amount} CNY is ${passed ? 'above' : 'not above'} the ${input.year} poverty line of ${line} CNY`,
    },
  };
}

/** 1-based member numbers, as the household form numbers them. */
function memberNumbers(persons: ExitTestPerson[], predicate: (p: ExitTestPerson) => boolean): number[] {
  return persons.flatMap((p, i) => (predicate(p) ? [i + 1] : []));
}

function educationCheck(input: Pick<ExitTestInput, 'persons' | 'asOf'>): ExitCheck {
  const { min, max } = COMPULSORY_SCHOOL_AGE;
  const outOfSchool = memberNumbers(input.persons, (p) => {
    // Someone born after the assessment date was not a member then.
    if (p.birthDate > input.asOf || !OUT_OF_SCHOOL.has(p.schoolStatus)) return false;
    const age = ageOn(p.birthDate, input.asOf);
    return age >= min && age <= max;
  });
  const list = outOfSchool.join(', ');
  return {
    code: 'compulsory_education',
    passed: outOfSchool.length === 0,
    detail:
      outOfSchool.length === 0
        ? { zh: '无义务教育阶段失学辍学儿童', en: `No child of compulsory-school age (${min}–${max}) is out of school` }
        : {
            zh: `第 ${outOfSchool.join('、')} 名家庭成员处于义务教育年龄（${min}–${max} 岁）但未在校`,
            en: `Member(s) ${list} of compulsory-school age (${min}–${max}) are out of school`,
          },
  };
}

function insuranceCheck(input: Pick<ExitTestInput, 'persons'>): ExitCheck {
  const uninsured = memberNumbers(input.persons, (p) => !p.hasMedicalInsurance);
  return {
    code: 'medical_insurance',
    passed: uninsured.length === 0,
    detail:
      uninsured.length === 0
        ? { zh: '家庭成员均参加基本医疗保险', en: 'Every member has basic medical insurance' }
        : {
            zh: `第 ${uninsured.join('、')} 名家庭成员未参加基本医疗保险`,
            en: `Member(s) ${uninsured.join(', ')} have no basic medical insurance`,
          },
  };
}

function housingCheck(grade: HousingGrade): ExitCheck {
  if (grade === null) {
    return {
      code: 'safe_housing',
      passed: false,
      detail: { zh: '住房安全尚未鉴定', en: 'Housing safety has not been assessed' },
    };
  }
  const safe = grade === 'A' || grade === 'B';
  return {
    code: 'safe_housing',
    passed: safe,
    detail: safe
      ? { zh: `住房安全（${grade} 级）`, en: `Housing is safe (grade ${grade})` }
      : { zh: `住房为危房（${grade} 级）`, en: `Housing is dangerous (grade ${grade})` },
  };
}

function flagCheck(code: ExitCheckCode, passed: boolean, ok: Label, notOk: Label): ExitCheck {
  return { code, passed, detail: passed ? ok : notOk };
}

/** 两不愁三保障 and safe water: every check but income (risk clearance asks the same). */
export function securityChecks(
  input: Omit<ExitTestInput, 'year' | 'provinceCode' | 'perCapitaNetIncome'>,
): ExitCheck[] {
  return [
    flagCheck(
      'food_clothing',
      input.foodAndClothingSecure,
      { zh: '不愁吃、不愁穿', en: 'Food and clothing are secure' },
      { zh: '吃穿尚无保障', en: 'Food and clothing are not secure' },
    ),
    educationCheck(input),
    insuranceCheck(input),
    housingCheck(input.housingGrade),
    flagCheck(
      'safe_water',
      input.safeWater,
      { zh: '饮水安全有保障', en: 'Drinking water is safe' },
      { zh: '饮水安全无保障', en: 'Drinking water is not safe' },
    ),
  ];
}

/**
 * Runs every exit check for a household and says whether it may exit poverty.
 * @throws RangeError when the year has no poverty line or a birth date is invalid.
 */
export function runExitTest(input: ExitTestInput): ExitTestResult {
  const line = input.line ?? povertyLine(input.year, input.provinceCode);
  const checks: ExitCheck[] = [incomeCheck(input, line), ...securityChecks(input)];
  return { passes: checks.every((c) => c.passed), line, checks };
}
