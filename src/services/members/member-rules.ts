/**
 * Registry rules of a member's information card, shared by create and update. Every broken rule is
 * collected (never only the first), so a clerk can fix the whole form at once.
 */
import type { Kysely } from 'kysely';
import { findOrgUnit } from '../../db/repositories/org-units.ts';
import type { Database } from '../../db/schema.ts';
import { ageOn } from '../../domain/dates.ts';
import type { FieldProblem, Localized } from '../../domain/errors.ts';
import { parseResidentId, type ResidentIdFailure } from '../../domain/ids.ts';
import { excessAge, hasVisibleText, MAX_AGE } from '../../domain/person-facts.ts';
import { type CodeUse, dictionaryKindName, unknownCodes } from '../dictionary.ts';
import type { Identity, MemberPatch } from './member-card.ts';

/** Minimum age for joining the Party (Party Constitution, art. 1). */
const MIN_JOIN_AGE = 18;

const ID_FAILURE: Record<ResidentIdFailure, Localized> = {
  format: {
    zh: '身份证号应为 18 位（最后一位可以是 X），或旧的 15 位数字',
    en: 'An ID number has 18 characters (the last may be X), or is an old 15-digit number',
  },
  birth_date: {
    zh: '身份证号中的出生日期（第 7–14 位）不是真实日期或晚于今天，请核对',
    en: 'The birth date inside the ID number (characters 7–14) is not a real date or is after today',
  },
  check_digit: {
    zh: '身份证号最后一位校验码不对，可能有数字抄错，请与身份证逐位核对',
    en: 'The last (check) character of the ID number does not match; a digit is probably mistyped',
  },
};

/** The facts the identity rules need: the ID number, the sex if the form gives it, the join date. */
export interface IdentityFacts {
  idNumber: string;
  sex?: 'M' | 'F' | undefined;
  joinDate: string;
}

const problem = (path: string, code: string, message: Localized): FieldProblem => ({ path, code, message });

/** Age at joining, from the birth date the ID number carries. */
function joinAgeProblems(birthDate: string, joinDate: string): FieldProblem[] {
  const age = joinDate < birthDate ? -1 : ageOn(birthDate, joinDate);
  if (age >= MIN_JOIN_AGE) return [];
  return [
    problem('joinDate', 'join_under_18', {
      zh: `入党时应年满 ${MIN_JOIN_AGE} 周岁：按身份证号，出生于 ${birthDate}，入党日期 ${joinDate} 时${age < 0 ? '尚未出生' : `只有 ${age} 岁`}`,
      en: `A member must be at least ${MIN_JOIN_AGE} when joining: born ${birthDate} by the ID number, ${age < 0 ? 'not yet born' : `only ${age}`} on ${joinDate}`,
    }),
  ];
}

/** Older than anyone alive on the business date: a typing error in the ID number's birth date. */
function maxAgeProblems(birthDate: string, today: string): FieldProblem[] {
  const age = excessAge(birthDate, today);
  if (age === null) return [];
  return [
    problem('idNumber', 'age_over_limit', {
      zh: `按身份证号，该党员已 ${age} 岁，超过 ${MAX_AGE} 岁，请核对出生日期`,
      en: `By the ID number the member would be ${age}, over ${MAX_AGE}; check the birth date`,
    }),
  ];
}

/**
 * Pure checks of the ID number, the sex and the join date. Returns the identity the ID fixes (18-digit
 * form, birth date, sex) when the ID number is valid.
 */
export function identityProblems(
  facts: IdentityFacts,
  today: string,
): { problems: FieldProblem[]; identity?: Identity } {
  const problems: FieldProblem[] = [];
  if (facts.joinDate > today) {
    problems.push(
      problem('joinDate', 'join_date_future', {
        zh: '入党日期不能晚于今天',
        en: 'The join date cannot be in the future',
      }),
    );
  }
  const parsed = parseResidentId(facts.idNumber, today);
  if (!parsed.ok) {
    problems.push(problem('idNumber', `id_${parsed.reason}`, ID_FAILURE[parsed.reason]));
    return { problems };
  }
  if (facts.sex !== undefined && facts.sex !== parsed.sex) {
    problems.push(
      problem('sex', 'sex_mismatch', {
        zh: `性别与身份证号不符：身份证号第 17 位为${parsed.sex === 'M' ? '单数，应为男' : '双数，应为女'}`,
        en: `The sex does not match the ID number, whose 17th digit says ${parsed.sex === 'M' ? 'male' : 'female'}`,
      }),
    );
  }
  problems.push(...joinAgeProblems(parsed.birthDate, facts.joinDate), ...maxAgeProblems(parsed.birthDate, today));
  return { problems, identity: { idNumber: parsed.id, birthDate: parsed.birthDate, sex: parsed.sex } };
}

/** The natural village must exist in this county and be a natural village (not a village or township). */
async function placeProblems(db: Kysely<Database>, county: string, code: string): Promise<FieldProblem[]> {
  const unit = await findOrgUnit(db, county, code);
  if (!unit) {
    return [
      problem('naturalVillageCode', 'natural_village_missing', {
        zh: `本县没有代码为 ${code} 的自然村，请先在区划管理中添加`,
        en: `The county has no natural village ${code}; add it to the org tree first`,
      }),
    ];
  }
  if (unit.level === 'natural_village') return [];
  return [
    problem('naturalVillageCode', 'not_natural_village', {
      zh: `${unit.name}（${code}）不是自然村，请选择党员居住的自然村`,
      en: `${unit.name} (${code}) is not a natural village; choose the natural village the member lives in`,
    }),
  ];
}

const TEXT_LABEL = {
  name: { zh: '姓名', en: 'The name' },
  branchName: { zh: '所在党支部', en: 'The branch name' },
  post: { zh: '党内职务', en: 'The post' },
  workUnit: { zh: '工作单位', en: 'The work unit' },
} as const;

/**
 * Text fields made only of spaces or invisible characters (zero-width spaces, BOM…): the schema lets them
 * through (length ≥ 1) but they say nothing.
 */
function blankProblems(fields: MemberPatch): FieldProblem[] {
  return Object.entries(TEXT_LABEL).flatMap(([field, label]) => {
    const value = fields[field as keyof typeof TEXT_LABEL];
    if (typeof value !== 'string' || hasVisibleText(value)) return [];
    return [
      problem(field, 'blank', {
        zh: `${label.zh}不能只有空格或不可见字符`,
        en: `${label.en} cannot be only spaces or invisible characters`,
      }),
    ];
  });
}

/** Repeated codes in a list field, each reported at the position of its repetition. */
function duplicateProblems(field: 'expertise' | 'willingness', codes: string[] | undefined): FieldProblem[] {
  const label = dictionaryKindName(field);
  return (codes ?? []).flatMap((code, i) =>
    codes?.indexOf(code) === i
      ? []
      : [
          problem(`${field}.${i}`, 'duplicate_code', {
            zh: `${label.zh}“${code}”重复填写了`,
            en: `${label.en} "${code}" is listed twice`,
          }),
        ],
  );
}

/** Dictionary codes of the fields present in `fields`, checked in one query, with field names a clerk knows. */
async function codeProblems(db: Kysely<Database>, fields: MemberPatch): Promise<FieldProblem[]> {
  const uses: CodeUse[] = [
    { kind: 'ethnicity', code: fields.ethnicity, path: 'ethnicity' },
    { kind: 'education', code: fields.education, path: 'education' },
    { kind: 'health', code: fields.health, path: 'health' },
    ...(fields.expertise ?? []).map((code, i) => ({ kind: 'expertise', code, path: `expertise.${i}` })),
    ...(fields.willingness ?? []).map((code, i) => ({ kind: 'willingness', code, path: `willingness.${i}` })),
  ];
  return unknownCodes(db, uses);
}

/**
 * Every rule of a card: identity rules on `facts` (the card as it will be stored), and lookups (place,
 * dictionary codes, repeats) only for the fields in `changed`, so an old card is not refused for an
 * unrelated code that was later retired from the dictionary.
 */
export async function memberProblems(
  db: Kysely<Database>,
  county: string,
  facts: IdentityFacts,
  changed: MemberPatch,
  today: string,
): Promise<{ problems: FieldProblem[]; identity?: Identity }> {
  const { problems, identity } = identityProblems(facts, today);
  const [place, codes] = await Promise.all([
    changed.naturalVillageCode === undefined ? [] : placeProblems(db, county, changed.naturalVillageCode),
    codeProblems(db, changed),
  ]);
  problems.push(
    ...blankProblems(changed),
    ...place,
    ...duplicateProblems('expertise', changed.expertise),
    ...duplicateProblems('willingness', changed.willingness),
    ...codes,
  );
  return identity ? { problems, identity } : { problems };
}
