/**
 * The national rule "a helper (帮扶责任人) is not a registered poor person": who counts as registered poor, and
 * the words every refusal uses. Matching is by ID number in its normalised 18-digit form (person-facts.ts idKey).
 */
import type { Localized } from './errors.ts';

/**
 * Household statuses whose current persons count as registered poor (建档立卡贫困人口): every poverty status.
 * An exit (已脱贫) keeps the household in 建档立卡 with its policies, a return puts it back under help, and a
 * monitoring case changes none of that. A household never registered in poverty ('none', e.g. a 边缘易致贫户
 * under monitoring) is not 建档立卡. A removed person (death, marriage out) no longer counts.
 * See docs/decisions.md.
 */
export const REGISTERED_POOR_STATUSES = ['identified', 'exited', 'returned'] as const;

/** The rule's code in every 422 detail. */
export const HELPER_IS_POOR = 'helper_is_poor';

/** A member who cannot help because their ID number belongs to a registered poor person. */
export function memberIsPoorMessage(name: string): Localized {
  return {
    zh: `党员${name}是本县建档立卡贫困人口（身份证号与贫困户成员相同），不能担任帮扶责任人`,
    en: `Member ${name} is a registered poor person of the county (same ID number as a household person) and cannot be a helper`,
  };
}

/** A person whose ID number is that of a member who currently helps households. */
export const PERSON_IS_HELPER: Localized = {
  zh: '该身份证号属于正在结对帮扶的党员，帮扶责任人不能是建档立卡贫困人口；请先移交其结对',
  en: 'This ID number is that of a member who currently helps households; a helper cannot be a registered poor person, so hand their pairings over first',
};

/** A registered poor member's card cannot offer help. */
export const POOR_MEMBER_CAPACITY: Localized = {
  zh: '该党员是本县建档立卡贫困人口（身份证号与贫困户成员相同），不能担任帮扶责任人，可帮扶户数应为 0',
  en: 'This member is a registered poor person of the county (same ID number as a household person) and cannot help: the capacity must be 0',
};
