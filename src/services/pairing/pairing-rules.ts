/**
 * The checks a new pairing passes before it is written (confirmation and handover share them): the member is
 * active with a free slot on their card and not a registered poor person, the household needs help and has not this member already, both lie in
 * one township, and the start date is real, not in the future and not before the member joined the Party.
 * Each check returns a localized problem or null; the caller sets the field path.
 */
import { POOR_NEEDING_HELP } from '../../db/repositories/grids.ts';
import { AppError, type FieldProblem, type Localized } from '../../domain/errors.ts';
import { HELPER_IS_POOR, memberIsPoorMessage } from '../../domain/helper-eligibility.ts';

export interface MemberFacts {
  id: number;
  name: string;
  status: string;
  capacity: number;
  natural_village_code: string;
  join_date: string;
}

export interface HouseholdFacts {
  id: number;
  head_name: string;
  status: string;
  natural_village_code: string;
  /** Has an open monitoring case. */
  monitored: boolean;
}

type Problem = { code: string; message: Localized } | null;

export const problemAt = (path: string, p: NonNullable<Problem>): FieldProblem => ({ path, ...p });

export function memberProblem(m: MemberFacts, used: number): Problem {
  if (m.status !== 'active') {
    return {
      code: 'member_inactive',
      message: { zh: `党员${m.name}已不在册（转出或去世），不能结对`, en: `Member ${m.name} is no longer active` },
    };
  }
  if (used >= Math.min(2, m.capacity)) {
    return {
      code: 'capacity_exceeded',
      message: {
        zh: `党员${m.name}最多结对 ${m.capacity} 户，已结对 ${used} 户`,
        en: `Member ${m.name} can help ${m.capacity} household(s) and already helps ${used}`,
      },
    };
  }
  return null;
}

/** A registered poor person cannot help (national rule); `isPoor` comes from the registry lookup. */
export function poorMemberProblem(m: MemberFacts, isPoor: boolean): Problem {
  return isPoor ? { code: HELPER_IS_POOR, message: memberIsPoorMessage(m.name) } : null;
}

export function householdProblem(h: HouseholdFacts, m: MemberFacts, alreadyPaired: boolean): Problem {
  if (!h.monitored && !(POOR_NEEDING_HELP as readonly string[]).includes(h.status)) {
    return {
      code: 'household_not_needing_help',
      message: {
        zh: `${h.head_name}户不是贫困户或监测户，无需结对`,
        en: `The household of ${h.head_name} is neither poor nor monitored and needs no helper`,
      },
    };
  }
  if (alreadyPaired) {
    return {
      code: 'already_paired',
      message: {
        zh: `党员${m.name}已与${h.head_name}户结对`,
        en: `${m.name} already helps ${h.head_name}'s household`,
      },
    };
  }
  if (h.natural_village_code.slice(0, 9) !== m.natural_village_code.slice(0, 9)) {
    return {
      code: 'other_township',
      message: {
        zh: `党员${m.name}与${h.head_name}户不在同一乡镇，只能在本乡镇结对`,
        en: `${m.name} and ${h.head_name}'s household are in different townships; pairings stay within a township`,
      },
    };
  }
  return null;
}

/** Start date problems: not in the future, not before `notBefore` (the member's joining, an earlier pairing). */
export function dateProblem(on: string, today: string, notBefore?: { date: string; what: Localized }): Problem {
  if (on > today) {
    return { code: 'date_future', message: { zh: '开始日期不能晚于今天', en: 'The date cannot be in the future' } };
  }
  if (notBefore && on < notBefore.date) {
    return {
      code: 'date_too_early',
      message: {
        zh: `日期不能早于${notBefore.what.zh}（${notBefore.date}）`,
        en: `The date cannot precede ${notBefore.what.en} (${notBefore.date})`,
      },
    };
  }
  return null;
}

/** The first slot (1, 2) not in `taken`. */
export function freeSlot(taken: readonly number[]): 1 | 2 {
  return taken.includes(1) ? 2 : 1;
}

/** Throws 422 with every problem, if any. */
export function refuseAll(problems: FieldProblem[]): void {
  if (problems.length > 0) throw AppError.rules(problems);
}
