/**
 * What party members and household persons share: unique resident ID numbers, phones, ethnicity and
 * schooling by generation, and how many members and households each village gets.
 */
import { makeResidentId } from '../domain/ids.ts';
import type { VillagePlan } from './places.ts';
import { apportion, type Rng, type Weighted } from './random.ts';

/**
 * Hands out valid 18-digit ID numbers (GB 11643) that never repeat in the county, across party members
 * and household persons alike: the registry forbids registering one person twice.
 */
export class IdRegistry {
  private readonly used = new Set<string>();

  constructor(private readonly areaCode: string) {}

  /** A fresh ID for someone born on `birthDate`; the sequence's parity encodes the sex (odd = male). */
  allocate(rng: Rng, birthDate: string, sex: 'M' | 'F'): string {
    for (let attempt = 0; attempt < 2000; attempt++) {
      // 1–999 odd for men, 2–998 even for women; 000 is not issued in practice.
      const sequence = sex === 'M' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
      const id = makeResidentId(this.areaCode, birthDate, sequence);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    throw new Error(`no free ID sequence left for birth date ${birthDate}`);
  }
}

const MOBILE_PREFIXES =
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 176 177 180 181 182 183 186 187 188 189 191 199'.split(
    ' ',
  );

/** A synthetic 11-digit mobile number (1[3-9]x…). */
export function mobilePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

// Anhui is overwhelmingly Han; the Hui are the largest minority there.
const ETHNICITIES: Weighted<string> = [
  ['han', 985],
  ['hui', 10],
  ['manchu', 2],
  ['zhuang', 1],
  ['miao', 1],
  ['other', 1],
];

/** An ethnicity dictionary code. */
export function ethnicity(rng: Rng): string {
  return rng.weighted(ETHNICITIES);
}

// Highest schooling of rural adults by birth cohort: the older, the less schooling.
const EDUCATION_BY_COHORT: readonly (readonly [bornBefore: number, mix: Weighted<string>])[] = [
  [
    1950,
    [
      ['illiterate', 40],
      ['primary', 42],
      ['junior', 15],
      ['senior', 3],
    ],
  ],
  [
    1966,
    [
      ['illiterate', 15],
      ['primary', 45],
      ['junior', 32],
      ['senior', 7],
      ['vocational', 1],
    ],
  ],
  [
    1981,
    [
      ['illiterate', 3],
      ['primary', 27],
      ['junior', 55],
      ['senior', 10],
      ['vocational', 5],
    ],
  ],
  [
    9999,
    [
      ['primary', 5],
      ['junior', 45],
      ['senior', 20],
      ['vocational', 15],
      ['college', 10],
      ['bachelor', 5],
    ],
  ],
];

const EDUCATION_ORDER = ['illiterate', 'primary', 'junior', 'senior', 'vocational', 'college', 'bachelor'];

/**
 * Education of an adult not in school, by birth year; `lift` moves it up that many levels (party
 * members, village doctors and teachers studied longer than their neighbours), at most to bachelor.
 */
export function adultEducation(rng: Rng, birthYear: number, lift = 0): string {
  const mix = EDUCATION_BY_COHORT.find(([before]) => birthYear < before)?.[1] ?? [];
  const drawn = rng.weighted(mix);
  return EDUCATION_ORDER[Math.min(EDUCATION_ORDER.indexOf(drawn) + lift, EDUCATION_ORDER.length - 1)] ?? drawn;
}

/** Members and households to place in each village. */
export interface VillageQuota {
  members: number;
  households: number;
}

/**
 * Splits the county totals over the villages: roughly by number of natural villages, with spread and a
 * tenth of villages small; poor households vary more (hill villages are poorer, communities less poor).
 * Every village keeps at least 3 members, the minimum for a Party branch.
 */
export function villageQuotas(
  rng: Rng,
  villages: readonly VillagePlan[],
  members: number,
  households: number,
): VillageQuota[] {
  const memberWeights = villages.map(
    (v) => v.naturalVillages.length * Math.exp(rng.normal(0, 0.3)) * (rng.chance(0.1) ? 0.35 : 1),
  );
  const householdWeights = memberWeights.map(
    (w, i) => w * rng.float(0.5, 1.5) * (villages[i]?.kind === '社区' ? 0.4 : 1),
  );
  const m = apportion(members, memberWeights, 3);
  const h = apportion(households, householdWeights, 1);
  return villages.map((_, i) => ({ members: m[i] ?? 0, households: h[i] ?? 0 }));
}

/** A natural village of the village, weighted by its size. */
export function pickNaturalVillage(rng: Rng, village: VillagePlan): VillagePlan['naturalVillages'][number] {
  return rng.weighted(village.naturalVillages.map((n) => [n, n.weight] as const));
}
