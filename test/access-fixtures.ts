/**
 * Two worlds for access tests: township 340822100 ("inside": village 340822100201) and township 340822101
 * ("outside": village 340822101201), each with a household (persons, a need), a party member, a user, and the
 * village partitioned into grids by an applied plan, and a pairing of the member with the household.
 */
import { chinaDateOf } from '../src/domain/dates.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import type { TestApp } from './app.ts';
import { buildHousehold, COUNTY, createPlaces } from './households-factory.ts';
import { createPairing } from './pairing-factory.ts';

export const INSIDE_TOWNSHIP = '340822100';
export const INSIDE_VILLAGE = '340822100201';
export const INSIDE_NV = '340822100201001';
export const OUTSIDE_VILLAGE = '340822101201';
export const OUTSIDE_NV = '340822101201001';

export interface World {
  county: string;
  householdId: number;
  personId: number;
  needId: number;
  memberId: number;
  userId: number;
  gridId: number;
  groupId: number;
  planId: number;
  /** a current pairing of the world's member with its household, its plaque and one pending feedback */
  pairingId: number;
  plaqueCode: string;
  feedbackId: number;
  /** an exit of the household under public notice, with one open objection */
  exitId: number;
  objectionId: number;
  commitmentId: number;
  commitmentItemId: number;
  /** a help record of the member for the household, with one photo */
  helpRecordId: number;
  photoId: number;
  /** a problem raised for the household (at its grid) */
  problemId: number;
  /** the natural village of this world's records */
  unit: string;
  village: string;
}

function member(n: number, nv: string) {
  return {
    name: `党员${n}`,
    idNumber: makeResidentId(COUNTY, '1980-03-09', 130 + n),
    phone: `1381234000${n}`,
    ethnicity: 'han',
    education: 'senior',
    joinDate: '2005-07-01',
    membership: 'formal',
    branchName: '党支部',
    naturalVillageCode: nv,
    expertise: ['planting'],
    willingness: ['industry'],
    capacity: 2,
  };
}

async function world(t: TestApp, n: number, village: string, nv: string): Promise<World> {
  const household = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/households`,
    payload: buildHousehold(n, { naturalVillageCode: nv, registryNo: `${nv}${String(n).padStart(2, '0')}` }),
  });
  if (household.statusCode !== 201) throw new Error(`household: ${household.body}`);
  const body = household.json();
  const created = await t.inject({ method: 'POST', url: `/api/counties/${COUNTY}/members`, payload: member(n, nv) });
  if (created.statusCode !== 201) throw new Error(`member: ${created.body}`);
  const user = await t.database.db
    .insertInto('app_user')
    .values({ username: `clerk-${n}`, display_name: `clerk ${n}`, password_hash: 'scrypt$1$1$1$AA$AA' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('role_grant')
    .values({ county_code: COUNTY, user_id: user.id, role: 'village_secretary', org_code: village })
    .execute();
  // The village's grids, by a plan proposed and applied as a county admin would.
  const plan = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/grid-plans`,
    payload: { scope: village },
  });
  if (plan.statusCode !== 201) throw new Error(`plan: ${plan.body}`);
  const applied = await t.inject({ method: 'POST', url: `/api/counties/${COUNTY}/grid-plans/${plan.json().id}/apply` });
  if (applied.statusCode !== 200) throw new Error(`apply: ${applied.body}`);
  const grids = (await t.inject({ url: `/api/counties/${COUNTY}/grids?within=${village}` })).json();
  const pairing = await createPairing(t.database.db, {
    memberId: created.json().id,
    householdId: body.id,
    plaqueCode: `W${n}`,
    startedOn: '2020-01-01',
  });
  const feedback = await t.database.db
    .insertInto('public_feedback')
    .values({ county_code: COUNTY, pairing_id: pairing.id, satisfaction: 4, client_key: 'f'.repeat(16) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { exitId, objectionId } = await exitUnderNotice(t, body.id);
  const commitment = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/commitments`,
    payload: {
      memberId: created.json().id,
      year: Number(chinaDateOf().slice(0, 4)),
      items: [{ content: '走访联系户' }],
    },
  });
  if (commitment.statusCode !== 201) throw new Error(`commitment: ${commitment.body}`);
  const help = await helpRecord(t, body.id, created.json().id, n);
  const problem = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/problems`,
    payload: { householdId: body.id, category: 'industry', description: '缺少种苗资金' },
  });
  if (problem.statusCode !== 201) throw new Error(`problem: ${problem.body}`);
  return {
    ...help,
    pairingId: pairing.id,
    plaqueCode: pairing.plaqueCode,
    feedbackId: Number(feedback.id),
    exitId,
    objectionId,
    county: COUNTY,
    gridId: grids.items[0].id,
    groupId: grids.items[0].groupId,
    planId: plan.json().id,
    commitmentId: commitment.json().id,
    commitmentItemId: commitment.json().items[0].id,
    problemId: problem.json().id,
    householdId: body.id,
    personId: body.persons[0].id,
    needId: body.needs[0].id,
    memberId: created.json().id,
    userId: user.id,
    unit: nv,
    village,
  };
}

/** A 1×1 PNG: the smallest real image the photo checks accept. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A help record with one photo, made through the API as the county admin. */
async function helpRecord(t: TestApp, householdId: number, memberId: number, n: number) {
  const created = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/help-records`,
    payload: {
      clientId: `00000000-0000-4000-8000-00000000000${n}`,
      householdId,
      memberId,
      visitedOn: '2024-05-01',
      measure: 'industry',
      content: '走访',
    },
  });
  if (created.statusCode !== 201) throw new Error(`help record: ${created.body}`);
  const id = created.json().id;
  const photo = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/help-records/${id}/photos`,
    payload: { data: TINY_PNG, thumbnail: TINY_PNG },
  });
  if (photo.statusCode !== 201) throw new Error(`photo: ${photo.body}`);
  return { helpRecordId: id as number, photoId: photo.json().photos[0].id as number };
}

/** An exit under notice with an open objection, written directly (the workflow's own tests walk the steps). */
async function exitUnderNotice(t: TestApp, householdId: number) {
  const exit = await t.database.db
    .insertInto('household_exit')
    .values({
      county_code: COUNTY,
      household_id: householdId,
      year: 2016,
      status: 'notice',
      per_capita_net: 3000,
      line: 2952,
      assessment: JSON.stringify({ checks: [] }),
      assessed_on: '2020-01-01',
      verified_on: '2020-01-02',
      signed_on: '2020-01-03',
      signer_name: '户主',
      notice_from: '2020-01-04',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const objection = await t.database.db
    .insertInto('exit_objection')
    .values({ county_code: COUNTY, exit_id: exit.id, raised_on: '2020-01-05', content: '异议' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { exitId: Number(exit.id), objectionId: Number(objection.id) };
}

/** Places, then one world inside township 340822100 and one outside (340822101). */
export async function createWorlds(t: TestApp): Promise<{ inside: World; outside: World }> {
  await createPlaces(t);
  const inside = await world(t, 1, INSIDE_VILLAGE, INSIDE_NV);
  const outside = await world(t, 2, OUTSIDE_VILLAGE, OUTSIDE_NV);
  return { inside, outside };
}
