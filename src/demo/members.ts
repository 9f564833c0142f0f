/**
 * Party members of one village with their information cards. Rural branches are old and mostly male,
 * a few members work away from home, and the elderly, the sick and migrants cannot take on households
 * (capacity 0): the mix mirrors what the county's rosters look like.
 */
import type { Insertable } from 'kysely';
import type { PartyMemberTable } from '../db/schema.ts';
import { anniversary, birthDateForAge, DEMO_TODAY, DEMO_YEAR, maxDate, minDate, randomDate } from './dates.ts';
import { memberCardExtras, ordinaryPost } from './member-card.ts';
import { personName } from './names.ts';
import { adultEducation, ethnicity, type IdRegistry, mobilePhone, pickNaturalVillage } from './people.ts';
import type { VillagePlan } from './places.ts';
import type { Rng, Weighted } from './random.ts';

const AGE_BANDS: Weighted<readonly [number, number]> = [
  [[20, 29], 8],
  [[30, 39], 12],
  [[40, 49], 17],
  [[50, 59], 22],
  [[60, 69], 21],
  [[70, 79], 14],
  [[80, 88], 6],
];
const JOIN_AGES: Weighted<readonly [number, number]> = [
  [[18, 25], 25],
  [[26, 35], 35],
  [[36, 45], 25],
  [[46, 60], 15],
];

/** The branch committee comes first in each village: secretary, director, committee members. */
function cadrePost(village: VillagePlan, index: number): string | null {
  const c = village.kind === '社区';
  const posts = [c ? '社区党支部书记' : '村党支部书记', c ? '社区居委会主任' : '村委会主任'];
  if (index < posts.length) return posts[index] ?? null;
  return index < 4 ? (c ? '社区党支部委员' : '村党支部委员') : null;
}

function healthFor(rng: Rng, age: number): string {
  if (age >= 70)
    return rng.weighted([
      ['healthy', 62],
      ['chronic', 32],
      ['serious', 3],
      ['disabled', 3],
    ]);
  if (age >= 50)
    return rng.weighted([
      ['healthy', 82],
      ['chronic', 14],
      ['serious', 2],
      ['disabled', 2],
    ]);
  return rng.weighted([
    ['healthy', 94],
    ['chronic', 4],
    ['serious', 1],
    ['disabled', 1],
  ]);
}

/**
 * 0 when the member cannot help anyone (migrants, the very old, the seriously ill, frail elders);
 * otherwise 1 or 2 households. Aims at the county's mix of about 15 % / 45 % / 40 %.
 */
function capacityFor(rng: Rng, age: number, health: string, migrant: boolean, cadre: boolean): number {
  if (migrant || age >= 82 || health === 'serious' || (age >= 75 && health === 'chronic')) return 0;
  if (cadre) return rng.chance(0.8) ? 2 : 1;
  if (health !== 'healthy' || age >= 70) return 1;
  return rng.chance(age < 60 ? 0.66 : 0.4) ? 2 : 1;
}

/**
 * Join date: probationary members joined within the last year; full members at least a year ago,
 * and nobody before their 18th birthday.
 */
function joinDate(rng: Rng, birthDate: string, age: number, probationary: boolean): string {
  const adult = anniversary(birthDate, 18);
  if (probationary) return randomDate(rng, maxDate(adult, `${DEMO_YEAR}-01-01`), DEMO_TODAY);
  const [lo, hi] = rng.weighted(JOIN_AGES);
  const joinAge = Math.min(rng.int(lo, hi), age - 1);
  const from = maxDate(adult, anniversary(birthDate, Math.max(joinAge, 18)));
  const to = minDate(`${DEMO_YEAR - 1}-12-31`, anniversary(birthDate, Math.max(joinAge, 18) + 1));
  return from <= to ? randomDate(rng, from, to) : maxDate(adult, minDate(from, `${DEMO_YEAR - 1}-12-31`));
}

/** One member; `index` places the branch committee first. */
function buildMember(
  rng: Rng,
  village: VillagePlan,
  ids: IdRegistry,
  index: number,
): Omit<Insertable<PartyMemberTable>, 'county_code'> {
  const cadre = cadrePost(village, index);
  const [lo, hi] = cadre ? ([30, 60] as const) : rng.weighted(AGE_BANDS);
  const age = rng.int(lo, hi);
  const sex = rng.chance(cadre ? 0.85 : 0.75) ? 'M' : 'F';
  const birth = birthDateForAge(rng, age);
  const migrant = !cadre && rng.chance(age <= 50 ? 0.18 : age <= 60 ? 0.05 : 0);
  const health = migrant ? 'healthy' : healthFor(rng, age);
  let post = cadre ?? (migrant ? '外出务工' : ordinaryPost(rng, age));
  if (post === '村民' && village.kind === '社区') post = '居民';
  const natural = pickNaturalVillage(rng, village);
  const lift = post === '乡村医生' || post?.includes('教师') || cadre ? 2 : 1;
  // The first three are the branch committee: a branch needs at least three full members.
  const probationary = index >= 3 && rng.chance(age < 40 ? 0.1 : 0.02);
  return {
    name: personName(rng, sex, DEMO_YEAR - age),
    sex,
    id_number: ids.allocate(rng, birth, sex),
    birth_date: birth,
    phone: rng.chance(0.97) ? mobilePhone(rng) : null,
    ethnicity: ethnicity(rng),
    education: adultEducation(rng, DEMO_YEAR - age, lift),
    join_date: joinDate(rng, birth, age, probationary),
    membership: probationary ? 'probationary' : 'formal',
    branch_name: `${village.name}党支部`,
    natural_village_code: natural.code,
    post,
    ...memberCardExtras(rng, post, age, village, natural.name),
    capacity: capacityFor(rng, age, health, migrant, cadre !== null),
    is_migrant: migrant,
    health,
    status: 'active',
  };
}

/** The village's `count` members, with explicit ids from `firstId` on. */
export function buildMembers(
  rng: Rng,
  village: VillagePlan,
  count: number,
  ids: IdRegistry,
  countyCode: string,
  firstId: number,
): Insertable<PartyMemberTable>[] {
  return Array.from({ length: count }, (_, i) => ({
    county_code: countyCode,
    id: firstId + i,
    ...buildMember(rng, village, ids, i),
  }));
}
