/**
 * The facts of one registered poor household that the consistency checks read, and the shape of
 * the violations they report. Kept apart from the rules so every rule file shares one definition.
 */
import type {
  AttributeCode,
  CauseCode,
  HealthCode,
  Label,
  LabourCode,
  RelationCode,
  SchoolStatusCode,
} from './codes.ts';
import type { ResidentIdResult } from './ids.ts';
import type { IncomeItems } from './income.ts';

/** One registered member of the household. */
export interface PersonFacts {
  name: string;
  idNumber: string;
  relation: RelationCode;
  health: HealthCode;
  labour: LabourCode;
  schoolStatus: SchoolStatusCode;
}

/** A household as recorded in the registry (建档立卡). */
export interface HouseholdFacts {
  attribute: AttributeCode;
  mainCause: CauseCode | null;
  otherCauses: CauseCode[];
  persons: PersonFacts[];
  /** The year's income record, when one has been entered. */
  income?: { items: IncomeItems; householdSize: number } | null;
  /** ID numbers of the household's helpers (帮扶责任人), when known; omit when not loaded. */
  helperIdNumbers?: string[];
  /**
   * Those of `helperIdNumbers` that belong to a registered poor person of another household of the county
   * (a cross-household fact the service looks up; the household's own persons are compared here).
   */
  helpersPoorElsewhere?: string[];
}

/** Stable codes of every consistency rule. */
export const VIOLATION_CODES = [
  'id_invalid',
  'person_duplicate',
  'name_blank',
  'age_over_limit',
  'head_missing',
  'head_multiple',
  'spouse_multiple',
  'spouse_same_sex',
  'main_cause_missing',
  'other_causes_too_many',
  'other_cause_repeats_main',
  'other_cause_duplicate',
  'illness_without_ill_member',
  'schooling_without_student',
  'disability_without_disabled_member',
  'tekun_with_labourer',
  'dibao_and_wubao',
  'income_out_of_range',
  'household_size_mismatch',
  'helper_missing',
  'helper_is_poor',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** One broken rule, with the field to highlight and a message for the village clerk. */
export interface Violation {
  code: ViolationCode;
  /** Dotted path of the offending field, e.g. 'persons.2.idNumber'. */
  path?: string;
  message: Label;
}

/** What every rule receives: the household plus facts derived once for all rules. */
export interface RuleContext {
  household: HouseholdFacts;
  /** Assessment date 'YYYY-MM-DD' for ages and birth-date checks. */
  asOf: string;
  /** Parsed ID of each person, same order as `household.persons`. */
  ids: ResidentIdResult[];
  /** Comparable form of each person's ID (18-digit when valid, so old 15-digit numbers match). */
  idKeys: string[];
}

/** Builds a violation; `path` is left out when not given so results compare cleanly. */
export function violation(code: ViolationCode, zh: string, en: string, path?: string): Violation {
  return path === undefined ? { code, message: { zh, en } } : { code, path, message: { zh, en } };
}

/** How the clerk's form names a member: 1-based number plus name. */
export function memberRef(ctx: RuleContext, index: number): Label {
  const name = ctx.household.persons[index]?.name ?? '';
  return { zh: `第 ${index + 1} 名成员（${name}）`, en: `Member ${index + 1} (${name})` };
}
