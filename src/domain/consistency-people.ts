/**
 * Consistency rules about the people of a household and its helpers: valid and unique ID numbers,
 * exactly one head, no labourer in a 五保 household, and a helper who is not one of the poor.
 */
import { CODE_LABELS, LABOURER_CAPACITIES } from './codes.ts';
import { ageOn } from './dates.ts';
import { memberRef, type RuleContext, type Violation, violation } from './household-facts.ts';
import type { ResidentIdFailure } from './ids.ts';

const ID_PROBLEM: Record<ResidentIdFailure, { zh: string; en: string }> = {
  format: {
    zh: '身份证号格式错误，应为 18 位（或旧 15 位）',
    en: 'ID number is malformed: it needs 18 digits (or the old 15)',
  },
  birth_date: { zh: '身份证号中的出生日期无效', en: 'the birth date inside the ID number is not a valid date' },
  check_digit: {
    zh: '身份证号校验位错误，可能录入有误',
    en: "the ID number's check digit is wrong, probably a typing error",
  },
};

/** id_invalid and person_duplicate. Messages never repeat the ID number: they end up in logs. */
export function checkIds(ctx: RuleContext): Violation[] {
  const out: Violation[] = [];
  const firstSeen = new Map<string, number>();
  ctx.ids.forEach((parsed, i) => {
    const who = memberRef(ctx, i);
    const path = `persons.${i}.idNumber`;
    if (!parsed.ok) {
      const why = ID_PROBLEM[parsed.reason];
      out.push(violation('id_invalid', `${who.zh}的${why.zh}`, `${who.en}: ${why.en}`, path));
    }
    const key = ctx.idKeys[i] ?? '';
    const first = firstSeen.get(key);
    if (key !== '' && first !== undefined) {
      out.push(
        violation(
          'person_duplicate',
          `${who.zh}与第 ${first + 1} 名成员身份证号相同，同一人不能重复登记`,
          `${who.en} has the same ID number as member ${first + 1}; a person can be registered only once`,
          path,
        ),
      );
    } else if (key !== '') {
      firstSeen.set(key, i);
    }
  });
  return out;
}

/** head_missing and head_multiple (one violation per extra head). */
export function checkHead(ctx: RuleContext): Violation[] {
  const heads = ctx.household.persons.flatMap((p, i) => (p.relation === 'head' ? [i] : []));
  if (heads.length === 0) {
    return [
      violation(
        'head_missing',
        '未登记户主，请指定一名家庭成员为户主',
        'No member is recorded as head of household',
        'persons',
      ),
    ];
  }
  return heads.slice(1).map((i) => {
    const who = memberRef(ctx, i);
    return violation(
      'head_multiple',
      `${who.zh}也被登记为户主，一户只能有一名户主`,
      `${who.en} is also recorded as head; a household has exactly one head`,
      `persons.${i}.relation`,
    );
  });
}

/** tekun_with_labourer: a 特困供养 household is by definition without working-age labour. */
export function checkTekunLabour(ctx: RuleContext): Violation[] {
  if (ctx.household.attribute !== 'tekun') return [];
  const out: Violation[] = [];
  ctx.household.persons.forEach((p, i) => {
    const parsed = ctx.ids[i];
    // Without a valid ID there is no birth date; id_invalid already reports that person.
    if (!parsed?.ok || !LABOURER_CAPACITIES.has(p.labour)) return;
    const age = ageOn(parsed.birthDate, ctx.asOf);
    if (age < 16 || age > 65) return;
    const who = memberRef(ctx, i);
    const labour = CODE_LABELS.labour[p.labour];
    out.push(
      violation(
        'tekun_with_labourer',
        `特困供养（五保）户中${who.zh}为 ${age} 岁的${labour.zh}，五保户不应有 16–65 岁的劳动力`,
        `Destitute-support (wubao) household, but ${who.en}, aged ${age}, has ${labour.en.toLowerCase()}; such a household has no labourer aged 16–65`,
        `persons.${i}.labour`,
      ),
    );
  });
  return out;
}

/** Comparable form of a helper's ID, matching how members' IDs are keyed. */
export type IdKeyOf = (idNumber: string) => string;

/**
 * helper_missing (only when helpers were loaded) and helper_is_poor: a helper who is one of this household's
 * persons, or (as the service found) a registered poor person of another household of the county.
 */
export function checkHelpers(ctx: RuleContext, keyOf: IdKeyOf): Violation[] {
  const helpers = ctx.household.helperIdNumbers;
  if (helpers === undefined) return [];
  if (helpers.length === 0) {
    return [
      violation('helper_missing', '未落实帮扶责任人', 'No helper is assigned to the household', 'helperIdNumbers'),
    ];
  }
  const elsewhere = new Set((ctx.household.helpersPoorElsewhere ?? []).map(keyOf));
  return helpers.flatMap((helperId, k) => {
    const key = keyOf(helperId);
    if (key === '') return [];
    const member = ctx.idKeys.indexOf(key);
    if (member >= 0) return [helperOfOwnHousehold(ctx, k, member)];
    if (!elsewhere.has(key)) return [];
    return [
      violation(
        'helper_is_poor',
        `帮扶责任人不能是建档立卡贫困人口：第 ${k + 1} 名帮扶责任人是本县另一贫困户的成员`,
        `A helper cannot be a registered poor person: helper ${k + 1} is a person of another registered household of the county`,
        `helperIdNumbers.${k}`,
      ),
    ];
  });
}

function helperOfOwnHousehold(ctx: RuleContext, k: number, member: number): Violation {
  const who = memberRef(ctx, member);
  return violation(
    'helper_is_poor',
    `帮扶责任人不能是本户贫困人口：第 ${k + 1} 名帮扶责任人与${who.zh}身份证号相同`,
    `A helper cannot be a registered poor person: helper ${k + 1} has the same ID number as ${who.en.charAt(0).toLowerCase()}${who.en.slice(1)}`,
    `helperIdNumbers.${k}`,
  );
}
