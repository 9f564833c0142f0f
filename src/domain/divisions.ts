/**
 * Administrative division codes, as the NBS statistical division codes (统计用区划代码) build them:
 * province 2 digits → city 4 → county 6 (= GB/T 2260) → township 9 → village 12. Natural villages
 * have no national code; the registry gives them the village's 12 digits plus a 3-digit local
 * sequence (15 digits). Because every level extends its parent's digits, containment is a prefix test.
 */
import type { Label } from './codes.ts';

/** The levels of the county's org tree that carry a division code. */
export type DivisionLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'natural_village';

/** Code length of each level. */
export const DIVISION_CODE_LENGTH: Readonly<Record<DivisionLevel, number>> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
  natural_village: 15,
};

const LEVEL_BY_LENGTH = new Map<number, DivisionLevel>(
  Object.entries(DIVISION_CODE_LENGTH).map(([level, length]) => [length, level as DivisionLevel]),
);

/** The kind of a township-level unit, read from its 3-digit segment. */
export type TownshipKind = '街道' | '镇' | '乡';

/** English names of the township kinds, for the bilingual UI. */
export const TOWNSHIP_KIND_EN: Readonly<Record<TownshipKind, string>> = {
  街道: 'subdistrict',
  镇: 'town',
  乡: 'township',
};

/** GB/T 2260 province-level codes (incl. 71 Taiwan, 81 Hong Kong, 82 Macao). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

/** Level of a code by its length (2/4/6/9/12/15 digits); null when it is not such a code. */
export function divisionLevel(code: string): DivisionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  return LEVEL_BY_LENGTH.get(code.length) ?? null;
}

/**
 * Kind of a township from its 9-digit code: segment 001–099 街道, 100–199 镇, 200–399 乡.
 * Null for anything else, including 400–599, which NBS uses for township-like units such as
 * development zones and farms that are none of the three.
 */
export function townshipKind(code9: string): TownshipKind | null {
  if (!/^\d{9}$/.test(code9)) return null;
  const segment = Number(code9.slice(6));
  if (segment >= 1 && segment <= 99) return '街道';
  if (segment >= 100 && segment <= 199) return '镇';
  if (segment >= 200 && segment <= 399) return '乡';
  return null;
}

/**
 * The code of the enclosing unit at `level` (e.g. the county of a village), or null when `code` is
 * itself above that level.
 * @throws RangeError when `code` is not a division code.
 */
export function ancestorAt(code: string, level: DivisionLevel): string | null {
  if (divisionLevel(code) === null) throw new RangeError(`Not a division code: ${code}`);
  const length = DIVISION_CODE_LENGTH[level];
  return code.length >= length ? code.slice(0, length) : null;
}

/**
 * The code one level up (village → township, county → city…); null for a province.
 * @throws RangeError when `code` is not a division code.
 */
export function parentCode(code: string): string | null {
  const level = divisionLevel(code);
  if (level === null) throw new RangeError(`Not a division code: ${code}`);
  const lengths = Object.values(DIVISION_CODE_LENGTH);
  const parentLength = lengths[lengths.indexOf(code.length) - 1];
  return parentLength === undefined ? null : code.slice(0, parentLength);
}

/** The 6-digit county of a county-level or lower code; null above county level. */
export function countyOf(code: string): string | null {
  return ancestorAt(code, 'county');
}

/** The 2-digit province of any division code. */
export function provinceOf(code: string): string {
  return ancestorAt(code, 'province') ?? code;
}

/**
 * True when `code` lies inside (or is) `scopeCode`: the basis of scope checks ("a role granted on a
 * township covers its villages"). False for malformed codes rather than throwing, because a
 * predicate used for access control must fail closed.
 */
export function isWithin(code: string, scopeCode: string): boolean {
  if (divisionLevel(code) === null || divisionLevel(scopeCode) === null) return false;
  return code.startsWith(scopeCode);
}

// --- validation of codes typed or imported by users (org-tree set-up, Excel imports) ---

/** What is wrong with a division code. */
export type DivisionProblemCode = 'format' | 'level' | 'segment' | 'unknown';

/** One problem found by {@link validateDivisionCode}. */
export interface DivisionProblem {
  code: DivisionProblemCode;
  /** The level whose digits are wrong, for 'segment' problems. */
  segment?: DivisionLevel;
  message: Label;
}

const LEVEL_ZH: Record<DivisionLevel, string> = {
  province: '省级',
  city: '地级',
  county: '县级',
  township: '乡级',
  village: '村级',
  natural_village: '自然村',
};

// Valid ranges of each level's own digits. City 00 would be the province itself; township and
// village 000 would be the parent itself (NBS writes a township's 12-digit code as 9 digits + 000);
// 001–599 are the NBS ranges (街道/镇/乡 up to 399, township-like units 400–599; likewise
// communities, villages and village-like units for villages). County 00 is allowed: NBS gives
// prefecture cities without counties (东莞 441900) a county-level code ending in 00.
const SEGMENT_RANGE: Partial<Record<DivisionLevel, readonly [number, number]>> = {
  city: [1, 99],
  township: [1, 599],
  village: [1, 599],
  natural_village: [1, 999],
};

function segmentOk(code: string, level: DivisionLevel, start: number): boolean {
  const digits = code.slice(start, DIVISION_CODE_LENGTH[level]);
  if (level === 'province') return PROVINCE_CODES.has(digits);
  const range = SEGMENT_RANGE[level];
  if (!range) return true;
  const n = Number(digits);
  return n >= range[0] && n <= range[1];
}

function segmentProblems(code: string): DivisionProblem[] {
  const problems: DivisionProblem[] = [];
  let start = 0;
  for (const [level, length] of Object.entries(DIVISION_CODE_LENGTH) as [DivisionLevel, number][]) {
    if (length > code.length) break;
    if (!segmentOk(code, level, start)) {
      const digits = code.slice(start, length);
      problems.push({
        code: 'segment',
        segment: level,
        message: {
          zh: `区划代码 ${code} 的${LEVEL_ZH[level]}部分“${digits}”无效`,
          en: `Division code ${code} has an invalid ${level.replace('_', ' ')} part "${digits}"`,
        },
      });
    }
    start = length;
  }
  return problems;
}

function formatProblem(code: string): DivisionProblem {
  return {
    code: 'format',
    message: {
      zh: `区划代码“${code}”格式错误，应为 2、4、6、9、12 或 15 位数字`,
      en: `Division code "${code}" is malformed: expected 2, 4, 6, 9, 12 or 15 digits`,
    },
  };
}

function levelProblem(code: string, actual: DivisionLevel, level: DivisionLevel): DivisionProblem {
  const want = DIVISION_CODE_LENGTH[level];
  return {
    code: 'level',
    message: {
      zh: `区划代码 ${code} 是${LEVEL_ZH[actual]}代码，此处需要${LEVEL_ZH[level]}代码（${want} 位）`,
      en: `Division code ${code} is a ${actual.replace('_', ' ')} code; a ${level.replace('_', ' ')} code (${want} digits) is needed`,
    },
  };
}

/**
 * Checks that `code` is a well-formed code of `level`, that each level's digits are in range and,
 * when a `known` lookup is given (e.g. backed by the NBS list), that the code exists.
 * Returns every problem found; an empty list means the code is acceptable.
 */
export function validateDivisionCode(
  code: string,
  level: DivisionLevel,
  known?: (code: string) => boolean,
): DivisionProblem[] {
  const actual = divisionLevel(code);
  if (actual === null) return [formatProblem(code)];
  const problems: DivisionProblem[] = [];
  if (actual !== level) problems.push(levelProblem(code, actual, level));
  problems.push(...segmentProblems(code));
  // A code with impossible digits cannot exist, so asking the lookup would only repeat the news.
  if (known && problems.every((p) => p.code !== 'segment') && !known(code)) {
    problems.push({
      code: 'unknown',
      message: {
        zh: `区划代码 ${code} 不在区划表中`,
        en: `Division code ${code} is not in the division list`,
      },
    });
  }
  return problems;
}
