/**
 * The make-up of a poor household: who lives there (relation, sex, age). Shapes follow rural Anhui:
 * old couples and widowed elders alone, couples with children, and three generations where the middle
 * one often works away. Ages keep generations at least 20 years apart.
 */
import type { RelationCode } from '../domain/codes.ts';
import type { Rng } from './random.ts';

/** One person before traits (health, schooling, labour) are drawn. */
export interface Member {
  relation: RelationCode;
  sex: 'M' | 'F';
  /** Completed years on the demo's "today". */
  age: number;
}

/** What the household's causes need to find among its people. */
export interface Evidence {
  ill: boolean;
  disabled: boolean;
  student: boolean;
}

const other = (sex: 'M' | 'F'): 'M' | 'F' => (sex === 'M' ? 'F' : 'M');

function headAge(rng: Rng, size: number, evidence: Evidence): number {
  // A 因学 household has a child at school, so its head is of parenting age.
  if (evidence.student) return rng.int(33, 55);
  if (size === 1)
    return rng.weighted([
      [rng.int(40, 59), 3],
      [rng.int(60, 74), 4],
      [rng.int(75, 90), 3],
    ]);
  return rng.weighted([
    [rng.int(28, 44), 3],
    [rng.int(45, 59), 4],
    [rng.int(60, 80), 4],
  ]);
}

/** Children of a parent aged `parentAge`: born when the parent was 20–40. */
function childAge(rng: Rng, parentAge: number): number {
  return rng.int(Math.max(0, parentAge - 40), Math.max(0, parentAge - 20));
}

/** Three generations: an adult child, the child's spouse, grandchildren. */
function threeGenerations(rng: Rng, head: Member, slots: number): Member[] {
  const adult: Member = {
    relation: 'child',
    sex: rng.chance(0.7) ? 'M' : 'F',
    age: rng.int(Math.max(20, head.age - 34), head.age - 22),
  };
  const out: Member[] = [adult];
  let inLaw: Member | null = null;
  if (slots >= 2) {
    inLaw = { relation: 'child_in_law', sex: other(adult.sex), age: Math.max(20, adult.age + rng.int(-3, 3)) };
    out.push(inLaw);
  }
  const youngestParent = Math.min(adult.age, inLaw?.age ?? adult.age);
  while (out.length < slots) {
    out.push({
      relation: 'grandchild',
      sex: rng.chance(0.52) ? 'M' : 'F',
      age: rng.int(0, Math.max(0, youngestParent - 20)),
    });
  }
  return out;
}

/** Parents (while the head is young enough to have them) and children of the head. */
function nuclear(rng: Rng, head: Member, slots: number, evidence: Evidence): Member[] {
  const out: Member[] = [];
  let parents = 0;
  while (out.length < slots) {
    const needChild = evidence.student && out.every((m) => m.relation !== 'child');
    if (!needChild && head.age <= 50 && parents < 2 && rng.chance(0.2)) {
      const sex =
        parents === 0 ? rng.pick(['M', 'F'] as const) : other(out.find((m) => m.relation === 'parent')?.sex ?? 'M');
      out.push({ relation: 'parent', sex, age: Math.min(95, head.age + rng.int(22, 32)) });
      parents++;
    } else {
      out.push({ relation: 'child', sex: rng.chance(0.52) ? 'M' : 'F', age: childAge(rng, head.age) });
    }
  }
  // The 因学 household's first child is of school age (6–20, and at least 20 years younger than the head).
  const firstChild = out.find((m) => m.relation === 'child');
  if (evidence.student && firstChild) firstChild.age = rng.int(6, Math.min(20, head.age - 20));
  return out;
}

/**
 * The people of a household of `size` (≥ 1). A household needing a student always gets a child:
 * callers pass size ≥ 2 then.
 */
export function familyShape(rng: Rng, size: number, evidence: Evidence): Member[] {
  const head: Member = {
    relation: 'head',
    sex: rng.chance(size === 1 ? 0.6 : 0.88) ? 'M' : 'F',
    age: headAge(rng, size, evidence),
  };
  const people: Member[] = [head];
  const wantsSpouse = size > 1 && rng.chance(evidence.student && size === 2 ? 0 : 0.88);
  if (wantsSpouse)
    people.push({ relation: 'spouse', sex: other(head.sex), age: Math.max(20, head.age + rng.int(-6, 4)) });
  const slots = size - people.length;
  if (slots <= 0) return people;
  const threeGen = !evidence.student && head.age >= 58 && slots >= 2 && rng.chance(0.6);
  return people.concat(threeGen ? threeGenerations(rng, head, slots) : nuclear(rng, head, slots, evidence));
}

/**
 * Tekun (特困供养, 五保) households: one or two elders, or people under 66 who have lost the ability to
 * work. Nobody in them is a labourer aged 16–65. `lostLabour` marks who must be recorded as such.
 */
export function tekunShape(rng: Rng, size: number): (Member & { lostLabour: boolean })[] {
  const people: (Member & { lostLabour: boolean })[] = [];
  for (let i = 0; i < size; i++) {
    const age = rng.chance(0.7) ? rng.int(66, 92) : rng.int(45, 65);
    const relation: RelationCode = i === 0 ? 'head' : rng.pick(['spouse', 'sibling'] as const);
    const headSex = people[0]?.sex;
    const sex = relation === 'spouse' && headSex ? other(headSex) : rng.chance(0.65) ? 'M' : 'F';
    people.push({ relation, sex, age, lostLabour: age <= 65 });
  }
  return people;
}
