/** Synthetic households for the household API tests: places, valid payloads with real-looking ID numbers. */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import type { Inject } from './app.ts';

export const COUNTY = '340822';
export const BASE = `/api/counties/${COUNTY}/households`;

/** Two villages in two townships of Huaining, with three natural villages. */
export async function createPlaces(app: { inject: Inject }): Promise<void> {
  const units = [
    { code: '340822100201', parentCode: '340822100', name: '试点村' },
    { code: '340822100201001', parentCode: '340822100201', name: '张家湾' },
    { code: '340822100201002', parentCode: '340822100201', name: '李家冲' },
    { code: '340822101201', parentCode: '340822101', name: '石牌村' },
    { code: '340822101201001', parentCode: '340822101201', name: '王家畈' },
  ];
  for (const payload of units) {
    const res = await app.inject({ method: 'POST', url: `/api/counties/${COUNTY}/org-units`, payload });
    if (res.statusCode !== 201) throw new Error(`place ${payload.code}: ${res.body}`);
  }
}

type Json = Record<string, unknown>;

/** A person of household `n`: ID numbers differ between households through the sequence number. */
export function buildPerson(n: number, k: number, birthDate: string, overrides: Json = {}): Json {
  // Odd sequences are men, even ones women (GB 11643); callers pass k accordingly.
  return {
    name: `成员${n}-${k}`,
    idNumber: makeResidentId(COUNTY, birthDate, n * 10 + k),
    relation: 'child',
    ethnicity: 'han',
    education: 'junior',
    labour: 'ordinary',
    ...overrides,
  };
}

/**
 * A consistent household: 因病 with an ill spouse, three members (head born 1970, spouse 1972, a schoolchild
 * born 2012), 2016 income of 8,600 CNY net → 2,866.67 per head, below that year's line of 2,952.
 */
export function buildHousehold(n: number, overrides: Json = {}): Json {
  return {
    registryNo: `34082210020100${String(n).padStart(2, '0')}`,
    naturalVillageCode: '340822100201001',
    address: `张家湾 ${n} 号`,
    phone: '13812341234',
    bankName: '农商银行',
    bankAccount: '6228480012345678901',
    standard: 'national',
    attribute: 'general',
    mainCause: 'illness',
    otherCauses: ['skills'],
    identifiedYear: 2016,
    identifiedOn: '2016-03-15',
    farmlandMu: 3.2,
    housingArea: 85.5,
    housingStructure: 'brick_concrete',
    housingGrade: 'B',
    safeWater: true,
    foodClothingSecure: true,
    persons: [
      buildPerson(n, 1, '1970-05-01', { name: `张建国${n}`, relation: 'head' }),
      buildPerson(n, 2, '1972-08-20', { name: `李秀英${n}`, relation: 'spouse', health: 'chronic', labour: 'none' }),
      buildPerson(n, 3, '2012-09-01', {
        name: `张小明${n}`,
        education: 'primary',
        schoolStatus: 'primary',
        labour: 'none',
      }),
    ],
    income: [{ year: 2016, wage: 6000, production: 3000, subsidy: 600, productionCost: 1000 }],
    needs: [{ need: 'medical', detail: '慢性病用药', raisedOn: '2016-04-01' }],
    ...overrides,
  };
}

/** '340822********0133'-style mask of an ID number. */
export const masked = (id: unknown): string => `${String(id).slice(0, 6)}********${String(id).slice(-4)}`;

/** Row counts of every household table, to prove a refused request wrote nothing. */
export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = [
    'household',
    'household_person',
    'household_income',
    'household_need',
    'household_status_event',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
