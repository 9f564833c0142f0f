/**
 * Traits of each household person — name, ID number, schooling, health, labour — drawn so that the
 * registry's consistency rules hold by construction: schooling follows age, labour follows age and
 * health, and the household's causes find their evidence (an ill member for 因病, a disabled member for
 * 因残, a student for 因学).
 */
import type { HealthCode, LabourCode, SchoolStatusCode } from '../domain/codes.ts';
import { birthDateForAge, DEMO_YEAR } from './dates.ts';
import type { Evidence, Member } from './family.ts';
import { personName, pickSurname } from './names.ts';
import { adultEducation, ethnicity, type IdRegistry } from './people.ts';
import type { Rng } from './random.ts';

/** A household person ready to insert (household id added by the caller). */
export interface PersonDraft extends Member {
  name: string;
  idNumber: string;
  birthDate: string;
  ethnicity: string;
  education: string;
  schoolStatus: SchoolStatusCode;
  health: HealthCode;
  labour: LabourCode;
  monthsWorked: number;
  hasPensionInsurance: boolean;
}

function schoolStatus(rng: Rng, age: number): SchoolStatusCode {
  if (age <= 2) return 'none';
  if (age <= 5) return rng.chance(0.85) ? 'preschool' : 'none';
  if (age <= 11) return 'primary';
  if (age <= 14) return 'junior';
  if (age === 15)
    return rng.weighted([
      ['junior', 50],
      ['senior', 35],
      ['vocational', 15],
    ]);
  if (age <= 18)
    return rng.weighted([
      ['senior', 55],
      ['vocational', 30],
      ['none', 15],
    ]);
  if (age <= 22) return rng.chance(0.35) ? 'higher' : 'none';
  return 'none';
}

const EDUCATION_OF_SCHOOL: Partial<Record<SchoolStatusCode, string>> = {
  primary: 'primary',
  junior: 'junior',
  senior: 'senior',
  vocational: 'vocational',
  higher: 'college',
};

function education(rng: Rng, age: number, school: SchoolStatusCode): string {
  // The dictionary has no "pre-school child": the registry's closest entry for under-sixes is 文盲或半文盲.
  if (age < 6) return 'illiterate';
  if (school === 'higher') return rng.chance(0.4) ? 'bachelor' : 'college';
  return (
    EDUCATION_OF_SCHOOL[school] ?? (age <= 22 ? rng.pick(['junior', 'senior']) : adultEducation(rng, DEMO_YEAR - age))
  );
}

function baseHealth(rng: Rng, age: number): HealthCode {
  if (age >= 60)
    return rng.weighted([
      ['healthy', 58],
      ['chronic', 30],
      ['serious', 5],
      ['disabled', 7],
    ]);
  if (age >= 40)
    return rng.weighted([
      ['healthy', 82],
      ['chronic', 11],
      ['serious', 3],
      ['disabled', 4],
    ]);
  return rng.weighted([
    ['healthy', 95],
    ['chronic', 2],
    ['serious', 1],
    ['disabled', 2],
  ]);
}

function labour(rng: Rng, p: Pick<PersonDraft, 'age' | 'health' | 'schoolStatus'>, tekun: boolean): LabourCode {
  if (p.age < 16 || p.schoolStatus !== 'none') return 'none';
  if (p.health === 'serious' || p.health === 'disabled') return 'lost';
  if (p.age > 65) return !tekun && p.health === 'healthy' && p.age <= 72 && rng.chance(0.3) ? 'ordinary' : 'none';
  if (tekun) return 'lost';
  if (p.health === 'chronic') return rng.chance(0.55) ? 'ordinary' : 'lost';
  return rng.chance(0.15) ? 'skilled' : 'ordinary';
}

/** Puts the evidence the causes need on distinct people: the ill and disabled adults, the student child. */
function placeEvidence(rng: Rng, people: PersonDraft[], evidence: Evidence): void {
  const student = evidence.student ? people.find((p) => p.relation !== 'head' && p.age >= 6 && p.age <= 22) : undefined;
  if (student) {
    const older = student.age <= 18 ? rng.pick(['senior', 'vocational'] as const) : 'higher';
    student.schoolStatus = student.age <= 15 ? schoolStatus(rng, student.age) : older;
    student.education = education(rng, student.age, student.schoolStatus);
  }
  const candidates = rng
    .shuffle(people.filter((p) => p !== student))
    .sort((a, b) => Number(b.age >= 18) - Number(a.age >= 18));
  const isIll = (p: PersonDraft) => p.health === 'chronic' || p.health === 'serious';
  const ill = evidence.ill && !people.some(isIll) ? candidates.shift() : undefined;
  if (ill) ill.health = rng.chance(0.35) ? 'serious' : 'chronic';
  // Keep the person who already proves 因病 away from the disabled pick, which would overwrite them.
  const alreadyIll = candidates.findIndex(isIll);
  if (evidence.ill && !ill && alreadyIll >= 0) candidates.splice(alreadyIll, 1);
  const disabled =
    evidence.disabled && !people.some((p) => p.health === 'disabled')
      ? (candidates.find((p) => p.health === 'healthy') ?? candidates[0])
      : undefined;
  if (disabled) disabled.health = 'disabled';
}

/** Surnames: children carry the father's line; spouses, in-laws and mothers bring their own. */
function surnames(rng: Rng, members: readonly Member[]): string[] {
  const head = pickSurname(rng);
  const spouseName = pickSurname(rng);
  const family = members[0]?.sex === 'F' && members.some((m) => m.relation === 'spouse') ? spouseName : head;
  const adultChild = members.find((m) => m.relation === 'child' && m.age >= 20);
  const inLaw = members.some((m) => m.relation === 'child_in_law') ? pickSurname(rng) : null;
  const grandchild = adultChild?.sex === 'F' && inLaw ? inLaw : family;
  return members.map((m) => {
    switch (m.relation) {
      case 'head':
      case 'sibling':
        return head;
      case 'spouse':
        return spouseName;
      case 'child':
        return family;
      case 'grandchild':
        return grandchild;
      case 'child_in_law':
        return inLaw ?? pickSurname(rng);
      case 'parent':
        return m.sex === 'M' ? head : pickSurname(rng);
      default:
        return pickSurname(rng);
    }
  });
}

/** Turns the household's members into registry persons with unique IDs. */
export function buildPersons(
  rng: Rng,
  members: readonly (Member & { lostLabour?: boolean })[],
  evidence: Evidence,
  tekun: boolean,
  ids: IdRegistry,
): PersonDraft[] {
  const names = surnames(rng, members);
  const people = members.map((m, i): PersonDraft => {
    const birthDate = birthDateForAge(rng, m.age);
    const school = schoolStatus(rng, m.age);
    return {
      ...m,
      name: personName(rng, m.sex, DEMO_YEAR - m.age, names[i]),
      idNumber: ids.allocate(rng, birthDate, m.sex),
      birthDate,
      ethnicity: ethnicity(rng),
      education: education(rng, m.age, school),
      schoolStatus: school,
      health: m.lostLabour ? rng.pick(['serious', 'disabled'] as const) : baseHealth(rng, m.age),
      labour: 'none',
      monthsWorked: 0,
      hasPensionInsurance: false,
    };
  });
  placeEvidence(rng, people, evidence);
  for (const p of people) {
    p.labour = labour(rng, p, tekun);
    p.monthsWorked = p.labour === 'skilled' ? rng.int(8, 12) : p.labour === 'ordinary' ? rng.int(0, 12) : 0;
    p.hasPensionInsurance = p.age >= 16 && p.schoolStatus === 'none' && rng.chance(0.85);
  }
  return people;
}
