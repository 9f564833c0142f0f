/**
 * Consistency rules about who the persons of a household can be: a name that shows something, an age a person
 * can have, and one spouse of the other sex than the head (China registers marriages of a man and a woman
 * only; a second spouse is bigamy or a typing error in the relation).
 */
import { memberRef, type RuleContext, type Violation, violation } from './household-facts.ts';
import { excessAge, hasVisibleText, MAX_AGE } from './person-facts.ts';

/** name_blank: a name made only of spaces or zero-width characters names nobody. */
export function checkNames(ctx: RuleContext): Violation[] {
  return ctx.household.persons.flatMap((p, i) =>
    hasVisibleText(p.name)
      ? []
      : [
          violation(
            'name_blank',
            `第 ${i + 1} 名成员的姓名为空或只有不可见字符`,
            `Member ${i + 1} has no visible name (only spaces or invisible characters)`,
            `persons.${i}.name`,
          ),
        ],
  );
}

/** age_over_limit: the birth date in the ID number makes the person older than anyone alive. */
export function checkAges(ctx: RuleContext): Violation[] {
  return ctx.ids.flatMap((parsed, i) => {
    // Without a valid ID there is no birth date; id_invalid already reports that person.
    const age = parsed.ok ? excessAge(parsed.birthDate, ctx.asOf) : null;
    if (age === null) return [];
    const who = memberRef(ctx, i);
    return [
      violation(
        'age_over_limit',
        `${who.zh}按身份证号已 ${age} 岁，超过 ${MAX_AGE} 岁，请核对出生日期`,
        `${who.en} would be ${age} by the ID number, over ${MAX_AGE}; check the birth date`,
        `persons.${i}.idNumber`,
      ),
    ];
  });
}

/** spouse_multiple (one per extra spouse) and spouse_same_sex (sexes from the ID numbers). */
export function checkSpouses(ctx: RuleContext): Violation[] {
  const persons = ctx.household.persons;
  const spouses = persons.flatMap((p, i) => (p.relation === 'spouse' ? [i] : []));
  const out: Violation[] = spouses.slice(1).map((i) => {
    const who = memberRef(ctx, i);
    return violation(
      'spouse_multiple',
      `${who.zh}也被登记为配偶，户主只能有一名配偶`,
      `${who.en} is also recorded as spouse; the head has one spouse at most`,
      `persons.${i}.relation`,
    );
  });
  const head = persons.findIndex((p) => p.relation === 'head');
  const headId = ctx.ids[head];
  if (head < 0 || !headId?.ok) return out;
  for (const i of spouses) {
    const spouseId = ctx.ids[i];
    // The head's own ID number twice is person_duplicate, not a marriage.
    if (!spouseId?.ok || spouseId.sex !== headId.sex || spouseId.id === headId.id) continue;
    const who = memberRef(ctx, i);
    out.push(
      violation(
        'spouse_same_sex',
        `${who.zh}登记为配偶，但按身份证号与户主性别相同`,
        `${who.en} is recorded as spouse but has the same sex as the head by the ID numbers`,
        `persons.${i}.relation`,
      ),
    );
  }
  return out;
}
