/**
 * The registry rules every household mutation runs: rows and inputs mapped to the domain's HouseholdFacts,
 * checkHousehold, dictionary codes, and the facts derived from an ID number. A mutation is refused when it
 * *introduces* a broken rule, so a record imported with an old inconsistency can still be fixed step by step.
 */
import type { Kysely } from 'kysely';
import type * as parts from '../../db/repositories/household-parts.ts';
import type { Database } from '../../db/schema.ts';
import type {
  AttributeCode,
  CauseCode,
  HealthCode,
  LabourCode,
  RelationCode,
  SchoolStatusCode,
} from '../../domain/codes.ts';
import {
  checkHousehold,
  type HouseholdFacts,
  type PersonFacts,
  type Violation,
  type ViolationCode,
} from '../../domain/consistency.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import { parseResidentId } from '../../domain/ids.ts';
import type { IncomeItems } from '../../domain/income.ts';
import type { IncomeInputBody, PersonInputBody } from '../../shared/schemas/household.ts';
import { type CodeUse, unknownCodes } from '../dictionary.ts';

/** Today in China: the day ages, defaults and "not in the future" are judged on. */
export const today = (): string => chinaDateOf();

/** The household columns the rules read. */
export interface RuleHousehold {
  attribute: string;
  main_cause: string;
  other_causes: string[];
}

/** A person as the rules see it, from a stored row. */
export function personFacts(
  row: Pick<parts.PersonRow, 'name' | 'id_number' | 'relation' | 'health' | 'labour' | 'school_status'>,
): PersonFacts {
  return {
    name: row.name,
    idNumber: row.id_number,
    relation: row.relation as RelationCode,
    health: row.health as HealthCode,
    labour: row.labour as LabourCode,
    schoolStatus: row.school_status as SchoolStatusCode,
  };
}

/** A person as the rules see it, from a request (defaults as the table's). */
export function personInputFacts(input: PersonInputBody): PersonFacts {
  return {
    name: input.name,
    idNumber: input.idNumber,
    relation: input.relation,
    health: input.health ?? 'healthy',
    labour: input.labour,
    schoolStatus: input.schoolStatus ?? 'none',
  };
}

/** Income items of a request (absent items are 0). */
export function incomeItems(input: IncomeInputBody): IncomeItems {
  return {
    wage: input.wage ?? 0,
    production: input.production ?? 0,
    property: input.property ?? 0,
    dibao: input.dibao ?? 0,
    wubao: input.wubao ?? 0,
    pension: input.pension ?? 0,
    subsidy: input.subsidy ?? 0,
    productionCost: input.productionCost ?? 0,
  };
}

/** A stored income row as the rules see it. */
export function incomeFacts(row: parts.IncomeRow): NonNullable<HouseholdFacts['income']> {
  const { production_cost, household_size, ...rest } = row;
  return { items: { ...incomeItems(rest), productionCost: production_cost }, householdSize: household_size };
}

/** HouseholdFacts from the household's columns, its persons and one year's income. */
export function toFacts(
  h: RuleHousehold,
  persons: PersonFacts[],
  income: HouseholdFacts['income'] = null,
): HouseholdFacts {
  return {
    attribute: h.attribute as AttributeCode,
    mainCause: h.main_cause as CauseCode,
    otherCauses: h.other_causes as CauseCode[],
    persons,
    income,
  };
}

/** Every violation of the facts today. */
export function violationsOf(facts: HouseholdFacts): Violation[] {
  return checkHousehold(facts, { asOf: today() });
}

/** The violations of `after` whose rule is broken more often than in `before` (counted per rule). */
export function introducedViolations(
  before: Violation[],
  after: Violation[],
  ignore: ViolationCode[] = [],
): Violation[] {
  const count = (list: Violation[], code: ViolationCode) => list.filter((v) => v.code === code).length;
  return after.filter((v) => !ignore.includes(v.code) && count(after, v.code) > count(before, v.code));
}

/** Violations as field problems; `rebase` rewrites path prefixes (domain 'income.items.wage' → request 'wage'). */
export function toProblems(violations: Violation[], rebase: [from: string, to: string][] = []): FieldProblem[] {
  return violations.map((v) => {
    let path = v.path ?? '';
    const rule = rebase.find(([from]) => path === from || path.startsWith(`${from}.`));
    if (rule) path = [rule[1], path.slice(rule[0].length + 1)].filter(Boolean).join('.');
    return { path, code: v.code, message: v.message };
  });
}

/** Birth date and sex from the ID number (18-digit form), and a problem when a given sex contradicts it. */
export function derivePerson(input: { idNumber: string; sex?: 'M' | 'F' | undefined }, path: string) {
  const parsed = parseResidentId(input.idNumber, today());
  // An unusable ID is reported by checkHousehold (id_invalid); there is nothing to derive from it.
  if (!parsed.ok) return { derived: null, problems: [] as FieldProblem[] };
  const problems: FieldProblem[] =
    input.sex !== undefined && input.sex !== parsed.sex
      ? [
          {
            path: `${path}sex`,
            code: 'sex_mismatch',
            message: { zh: '性别与身份证号不符', en: 'The sex contradicts the ID number' },
          },
        ]
      : [];
  return { derived: { id_number: parsed.id, birth_date: parsed.birthDate, sex: parsed.sex }, problems };
}

/** Dictionary uses of a person's coded fields; `path` is the prefix ('persons.0.' or ''). */
export function personCodeUses(
  p: Partial<Record<'relation' | 'ethnicity' | 'education' | 'schoolStatus' | 'health' | 'labour', string>>,
  path: string,
): CodeUse[] {
  return [
    { kind: 'relation', code: p.relation, path: `${path}relation` },
    { kind: 'ethnicity', code: p.ethnicity, path: `${path}ethnicity` },
    { kind: 'education', code: p.education, path: `${path}education` },
    { kind: 'school_status', code: p.schoolStatus, path: `${path}schoolStatus` },
    { kind: 'health', code: p.health, path: `${path}health` },
    { kind: 'labour', code: p.labour, path: `${path}labour` },
  ];
}

/** Dictionary uses of a household's coded fields. */
export function householdCodeUses(h: {
  mainCause?: string;
  otherCauses?: string[];
  housingStructure?: string | null;
}): CodeUse[] {
  return [
    { kind: 'cause', code: h.mainCause, path: 'mainCause' },
    ...(h.otherCauses ?? []).map((code, i) => ({ kind: 'cause', code, path: `otherCauses.${i}` })),
    { kind: 'housing_structure', code: h.housingStructure, path: 'housingStructure' },
  ];
}

/** Throws 422 with every unknown dictionary code and every given problem, or returns when there are none. */
export async function refuseProblems(db: Kysely<Database>, uses: CodeUse[], problems: FieldProblem[]): Promise<void> {
  const all = [...(await unknownCodes(db, uses)), ...problems];
  if (all.length > 0) throw AppError.rules(all);
}

/** The planned exit year cannot precede identification (also a table CHECK, reported here with the rest). */
export function plannedExitProblems(
  identifiedYear: number | null,
  plannedExitYear: number | null | undefined,
): FieldProblem[] {
  if (plannedExitYear == null || identifiedYear === null || plannedExitYear >= identifiedYear) return [];
  const message = {
    zh: '计划脱贫年度不能早于识别年度',
    en: 'The planned exit year cannot precede the identification year',
  };
  return [{ path: 'plannedExitYear', code: 'planned_exit_before_identified', message }];
}
