/**
 * The test factories, in one typed module: places and household payloads, members and households posted
 * through the API, pairings and commitments inserted directly (their use cases are other areas), grids led by
 * a member, users signed in with a grant that names a member, and the two access worlds (inside and outside
 * township) the access tests share. Inputs and outputs are typed; payload overrides stay loose (`Json`) because
 * validation tests send invalid values on purpose, and the result's type says which fields were overridden.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Database } from '../src/db/schema.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { chinaDateOf } from '../src/domain/dates.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/plugins/access.ts';
import { createSession } from '../src/services/access/sessions.ts';
import type { HouseholdCreateBody, PersonInputBody } from '../src/shared/schemas/household.ts';
import type { MemberCreate } from '../src/shared/schemas/member.ts';
import type { Inject, TestApp } from './app.ts';

// ---- Places and household payloads ----

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

/** A JSON payload; overrides may be invalid on purpose (validation tests). */
export type Json = Record<string, unknown>;

/** `base` with `overrides` applied: the overridden fields take the overrides' types. */
export type Overridden<T, O> = Omit<T, keyof O> & O;

const override = <T, O extends Json>(base: T, overrides: O): Overridden<T, O> => ({ ...base, ...overrides });

/** A person of household `n`: ID numbers differ between households through the sequence number. */
export function buildPerson<O extends Json = Record<never, never>>(
  n: number,
  k: number,
  birthDate: string,
  overrides: O = {} as O,
): Overridden<PersonInputBody, O> {
  // Odd sequences are men, even ones women (GB 11643); callers pass k accordingly.
  const person: PersonInputBody = {
    name: `成员${n}-${k}`,
    idNumber: makeResidentId(COUNTY, birthDate, n * 10 + k),
    relation: 'child',
    ethnicity: 'han',
    education: 'junior',
    labour: 'ordinary',
  };
  return override(person, overrides);
}

/**
 * A consistent household: 因病 with an ill spouse, three members (head born 1970, spouse 1972, a schoolchild
 * born 2012), 2016 income of 8,600 CNY net → 2,866.67 per head, below that year's line of 2,952.
 */
export function buildHousehold<O extends Json = Record<never, never>>(
  n: number,
  overrides: O = {} as O,
): Overridden<HouseholdCreateBody, O> {
  const household: HouseholdCreateBody = {
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
  };
  return override(household, overrides);
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

// ---- Members and households through the API ----

/** A member card posted through the API in natural village `nv`; returns its id. */
export async function postMember(t: TestApp, seq: number, nv: string, name = `党员${seq}`): Promise<number> {
  const payload: Static<typeof MemberCreate> = {
    name,
    idNumber: makeResidentId(COUNTY, '1978-04-02', 300 + seq * 2 + 1),
    phone: `1391234${String(seq).padStart(4, '0')}`,
    ethnicity: 'han',
    education: 'senior',
    joinDate: '2006-07-01',
    membership: 'formal',
    branchName: '党支部',
    naturalVillageCode: nv,
    capacity: 2,
  };
  const res = await t.inject({ method: 'POST', url: `/api/counties/${COUNTY}/members`, payload });
  if (res.statusCode !== 201) throw new Error(`member ${seq}: ${res.body}`);
  return res.json().id;
}

/** A household posted through the API in natural village `nv` (head 张建国<n>); returns its id. */
export async function postHousehold(t: TestApp, n: number, nv: string): Promise<number> {
  const res = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/households`,
    payload: buildHousehold(n, { naturalVillageCode: nv, registryNo: `${nv}${String(n).padStart(3, '0')}` }),
  });
  if (res.statusCode !== 201) throw new Error(`household ${n}: ${res.body}`);
  return res.json().id;
}

// ---- Pairings and commitments, inserted directly ----

let plaques = 0;

export interface PairingSeed {
  county?: string;
  memberId: number;
  householdId: number;
  slot?: 1 | 2;
  startedOn?: string;
  measures?: string;
  plaqueCode?: string;
}

/** Inserts a current pairing (a unique plaque code unless given); returns its id and plaque code. */
export async function createPairing(
  db: Kysely<Database>,
  seed: PairingSeed,
): Promise<{ id: number; plaqueCode: string }> {
  plaques += 1;
  const plaqueCode = seed.plaqueCode ?? `T${String(plaques).padStart(7, '0')}`;
  const row = await db
    .insertInto('pairing')
    .values({
      county_code: seed.county ?? COUNTY,
      member_id: seed.memberId,
      household_id: seed.householdId,
      slot: seed.slot ?? 1,
      started_on: seed.startedOn ?? '2026-01-15',
      measures: seed.measures ?? '',
      plaque_code: plaqueCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), plaqueCode };
}

/** A current pairing in a named slot, started 2020-03-01 unless given (the commitment tests' era); its id. */
export async function insertPairing(
  db: Kysely<Database>,
  p: Omit<PairingSeed, 'slot' | 'measures' | 'plaqueCode'> & { slot: 1 | 2 },
): Promise<number> {
  return (await createPairing(db, { startedOn: '2020-03-01', ...p })).id;
}

/** A published commitment of `year` for a member with these items (fulfilled ones carry evidence). */
export async function publishCommitment(
  db: Kysely<Database>,
  memberId: number,
  year: number,
  items: { content: string; fulfilledOn?: string }[],
  county = COUNTY,
): Promise<number> {
  const { id } = await db
    .insertInto('commitment')
    .values({
      county_code: county,
      member_id: memberId,
      year,
      status: 'published',
      reviewed_on: `${year}-02-01`,
      published_on: `${year}-02-10`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [index, item] of items.entries()) {
    await db
      .insertInto('commitment_item')
      .values({
        county_code: county,
        commitment_id: id,
        position: index + 1,
        content: item.content,
        fulfilled_on: item.fulfilledOn ?? null,
        evidence: item.fulfilledOn ? '已完成，见帮扶纪实' : null,
      })
      .returning('id')
      .execute();
  }
  return Number(id);
}

// ---- Grids led by a member, and users linked to a member ----

/** A current grid of whole natural villages whose party group `leaderId` leads (and belongs to); its ids. */
export async function leadGrid(
  db: Kysely<Database>,
  g: { county?: string; village: string; naturals: string[]; leaderId: number | null; name?: string },
): Promise<{ gridId: number; groupId: number }> {
  const county = g.county ?? g.village.slice(0, 6);
  const name = g.name ?? `网格${g.naturals.join('-').slice(-3)}`;
  const { id: gridId } = await db
    .insertInto('grid')
    .values({ county_code: county, village_code: g.village, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const code of g.naturals) {
    await db
      .insertInto('grid_natural_village')
      .values({ county_code: county, grid_id: gridId, village_code: g.village, natural_village_code: code })
      .execute();
  }
  if (g.leaderId !== null) {
    await db
      .insertInto('grid_member')
      .values({ county_code: county, grid_id: gridId, member_id: g.leaderId })
      .execute();
  }
  const { id: groupId } = await db
    .insertInto('party_group')
    .values({
      county_code: county,
      grid_id: gridId,
      name: `${name}党小组`,
      leader_member_id: g.leaderId,
      leader_since: g.leaderId === null ? null : '2024-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { gridId: Number(gridId), groupId: Number(groupId) };
}

let users = 0;

/** A user with one grant of `role` on `orgCode` naming member `memberId` (or none), signed in: their inject. */
export async function signInLinked(
  t: TestApp,
  role: Role,
  orgCode: string,
  memberId: number | null,
): Promise<Inject & { userId: number }> {
  users += 1;
  const db = t.database.db;
  const { id } = await db
    .insertInto('app_user')
    .values({ username: `linked-${role}-${users}`, display_name: role, password_hash: 'scrypt$1$1$1$AA$AA' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grant')
    .values({ county_code: orgCode.slice(0, 6), user_id: id, role, org_code: orgCode, member_id: memberId })
    .execute();
  const { token, csrfToken } = await createSession(db, id, '127.0.0.1');
  const inject: Inject = (options) =>
    t.app.inject({
      ...options,
      cookies: { ...(options.cookies ?? {}), [SESSION_COOKIE]: token },
      headers: { [CSRF_HEADER]: csrfToken, ...(options.headers ?? {}) },
    });
  return Object.assign(inject, { userId: id });
}

/** A user with a 'member' grant on `orgCode` naming member `memberId` (or none), signed in: their inject. */
export function signInMember(t: TestApp, orgCode: string, memberId: number | null): Promise<Inject> {
  return signInLinked(t, 'member', orgCode, memberId);
}

// ---- Two access worlds ----

/**
 * Two worlds for access tests: township 340822100 ("inside": village 340822100201) and township 340822101
 * ("outside": village 340822101201), each with a household (persons, a need), a party member, a user, and the
 * village partitioned into grids by an applied plan, and a pairing of the member with the household.
 */
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
  /** an open anomaly flag on that help record */
  flagId: number;
  photoId: number;
  /** a problem raised for the household (at its grid) */
  problemId: number;
  /** a Party group activity of the world's group, held today, with one photo */
  activityId: number;
  activityPhotoId: number;
  /** an open monitoring case of the household */
  monitoringCaseId: number;
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

/** A household of natural village `nv` with an open monitoring case; the case's id. */
async function monitoredHousehold(t: TestApp, n: number, nv: string): Promise<number> {
  const other = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/households`,
    payload: buildHousehold(n + 40, { naturalVillageCode: nv, registryNo: `${nv}${String(n + 40).padStart(2, '0')}` }),
  });
  if (other.statusCode !== 201) throw new Error(`household: ${other.body}`);
  const monitored = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/households/${other.json().id}/monitoring-cases`,
    payload: { category: 'sudden_hardship', riskTypes: ['disaster'], sources: ['visit'], reason: '房屋受灾' },
  });
  if (monitored.statusCode !== 201) throw new Error(`monitoring case: ${monitored.body}`);
  return monitored.json().case.id;
}

async function world(t: TestApp, n: number, village: string, nv: string, monitored: boolean): Promise<World> {
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
  const activity = await heldActivity(t, grids.items[0].groupId);
  // A second household under monitoring, only for the probes that walk every route (the pairing and scope tests
  // count the village's households); the first stays on the early-warning list.
  const monitoringCaseId = monitored ? await monitoredHousehold(t, n, nv) : 0;
  const flagId = await flagOf(t, help.helpRecordId);
  return {
    ...help,
    flagId,
    monitoringCaseId,
    ...activity,
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

/** An open flag (far GPS) on help record `recordId`: the record-flag routes' `:id`. */
async function flagOf(t: TestApp, recordId: number): Promise<number> {
  const row = await t.database.db
    .insertInto('record_flag')
    .values({
      county_code: COUNTY,
      record_id: recordId,
      kind: 'far_gps',
      reason: '定位距自然村 9 公里',
      evidence: '{"km":9}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A held activity of group `groupId` with one photo, made through the API as the county admin. */
async function heldActivity(t: TestApp, groupId: number) {
  const api = `/api/counties/${COUNTY}/party-activities`;
  const payload = { groupId, kind: 'theme_day', heldOn: chinaDateOf(), topic: '主题党日' };
  const created = await t.inject({ method: 'POST', url: api, payload });
  if (created.statusCode !== 201) throw new Error(`activity: ${created.body}`);
  const activityId: number = created.json().id;
  const photo = await t.inject({
    method: 'POST',
    url: `${api}/${activityId}/photos`,
    payload: { data: TINY_PNG, thumbnail: TINY_PNG },
  });
  if (photo.statusCode !== 201) throw new Error(`activity photo: ${photo.body}`);
  return { activityId, activityPhotoId: photo.json().photos[0].id as number };
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
export async function createWorlds(
  t: TestApp,
  { monitored = false }: { monitored?: boolean } = {},
): Promise<{ inside: World; outside: World }> {
  await createPlaces(t);
  const inside = await world(t, 1, INSIDE_VILLAGE, INSIDE_NV, monitored);
  const outside = await world(t, 2, OUTSIDE_VILLAGE, OUTSIDE_NV, monitored);
  return { inside, outside };
}

/** A help record as the points and stars tests insert it: status as given, checked by `verifier` unless submitted. */
export interface HelpRecordFixture {
  householdId: number;
  memberId: number;
  visitedOn: string;
  status: 'submitted' | 'verified' | 'returned';
  verifier: number;
}

/** Inserts a help record (a return carries its comment); its id. */
export async function insertHelpRecord(db: Kysely<Database>, r: HelpRecordFixture): Promise<number> {
  const row = await db
    .insertInto('assistance_record')
    .values({
      county_code: COUNTY,
      client_id: randomUUID(),
      household_id: r.householdId,
      member_id: r.memberId,
      visited_on: r.visitedOn,
      measure: 'industry',
      content: '入户走访，了解生产情况',
      status: r.status,
      ...(r.status === 'submitted' ? {} : { verified_at: `${r.visitedOn}T10:00:00+08:00`, verified_by: r.verifier }),
      ...(r.status === 'returned' ? { verify_comment: '内容与实际不符' } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The world the points and stars tests open. */
export interface PointsWorld {
  /** The members, in the order asked. */
  members: number[];
  /** One household of the first member's natural village, paired with the first member since 2020-01-10. */
  household: number;
  /** The user who verifies the world's help records (the county admin). */
  verifier: number;
}

/** Places, members (`[natural village, name]` each, numbered from 1), a household paired with the first, a verifier. */
export async function openPointsWorld(
  t: TestApp,
  members: ReadonlyArray<readonly [nv: string, name: string]>,
  householdSeq: number,
): Promise<PointsWorld> {
  await createPlaces(t);
  const ids: number[] = [];
  for (const [i, [nv, name]] of members.entries()) ids.push(await postMember(t, i + 1, nv, name));
  const household = await postHousehold(t, householdSeq, members[0]?.[0] ?? '');
  const admin = await t.database.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
  await createPairing(t.database.db, { memberId: ids[0] as number, householdId: household, startedOn: '2020-01-10' });
  return { members: ids, household, verifier: Number(admin.id) };
}
