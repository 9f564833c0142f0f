/**
 * Registry rules on create and update of households, persons and member cards: head and spouse of the same sex,
 * two spouses, a person over 120 (by the ID number's birth date at the business date), a name of invisible
 * characters only; and every unique constraint a request can hit answers with the field path it concerns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../src/domain/ids.ts';
import { createTestApp, type TestApp } from './app.ts';
import { buildHousehold, buildPerson, COUNTY, createPlaces } from './factories.ts';

const API = `/api/counties/${COUNTY}`;
const NV = '340822100201001';
const INVISIBLE = '\u200b\u200c\u2060\u200d';
let t: TestApp;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field
type Json = Record<string, any>;
async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json) {
  const res = await t.inject({ method, url: `${API}${url}`, payload });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
}
async function ok(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json) {
  const res = await call(method, url, payload);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}
/** The refusal as status and sorted `path:code` details. */
const refusal = (res: { status: number; body: Json }) => [
  res.status,
  (res.body.details ?? []).map((d: Json) => `${d.path}:${d.code}`).sort(),
];

function memberCard(n: number, overrides: Json = {}) {
  return {
    name: `党员${n}`,
    idNumber: makeResidentId(COUNTY, '1978-06-01', 700 + n),
    ethnicity: 'han',
    education: 'senior',
    joinDate: '2006-07-01',
    membership: 'formal',
    branchName: '党支部',
    naturalVillageCode: NV,
    expertise: [],
    willingness: [],
    capacity: 1,
    ...overrides,
  };
}

const HUSBAND = (n: number) => makeResidentId(COUNTY, '1972-08-20', n * 10 + 7); // odd: a man
const VERY_OLD = (n: number) => makeResidentId(COUNTY, '1900-01-01', n * 10 + 9);
let household: Json;
let member: Json;

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  household = await ok('POST', '/households', buildHousehold(71, { naturalVillageCode: NV }));
  member = await ok('POST', '/members', memberCard(1));
}, 120_000);
afterAll(async () => t?.close());

/** Household 80+k with person 1 (the spouse) replaced, or extra persons appended. */
function withPersons(k: number, change: (persons: Json[]) => Json[]) {
  const h = buildHousehold(80 + k, { naturalVillageCode: NV });
  return { ...h, persons: change(h.persons as Json[]) };
}

describe('household create', () => {
  it('refuses a spouse of the same sex as the head', async () => {
    const res = await call(
      'POST',
      '/households',
      withPersons(1, ([head, spouse, child]) => [head, { ...spouse, idNumber: HUSBAND(81) }, child] as Json[]),
    );
    expect(refusal(res)).toEqual([422, ['persons.1.relation:spouse_same_sex']]);
  });

  it('refuses two spouses', async () => {
    const second = buildPerson(82, 4, '1975-01-01', { relation: 'spouse', name: '第二配偶' });
    const res = await call(
      'POST',
      '/households',
      withPersons(2, (p) => [...p, second]),
    );
    expect(refusal(res)).toEqual([422, ['persons.3.relation:spouse_multiple']]);
  });

  it('refuses a person over 120 at the business date', async () => {
    const elder = { ...buildPerson(83, 5, '1950-01-01', { relation: 'parent' }), idNumber: VERY_OLD(83) };
    const res = await call(
      'POST',
      '/households',
      withPersons(3, (p) => [...p, elder]),
    );
    expect(refusal(res)).toEqual([422, ['persons.3.idNumber:age_over_limit']]);
  });

  it("refuses a name of invisible characters only (the head's or any person's)", async () => {
    const res = await call(
      'POST',
      '/households',
      withPersons(
        4,
        ([head, spouse, child]) =>
          [{ ...head, name: INVISIBLE }, spouse, { ...child, name: ` ${INVISIBLE}` }] as Json[],
      ),
    );
    expect(refusal(res)).toEqual([422, ['persons.0.name:name_blank', 'persons.2.name:name_blank']]);
  });

  it('answers a duplicate ID number or registry number with the field path', async () => {
    const taken = (buildHousehold(71).persons as Json[])[2];
    const dup = await call(
      'POST',
      '/households',
      withPersons(5, (p) => [...p, { ...taken, name: '重复的人' }]),
    );
    expect(refusal(dup)).toEqual([409, ['persons.3.idNumber:household_person_id_number']]);
    const registry = await call('POST', '/households', buildHousehold(86, { registryNo: household.registryNo }));
    expect(refusal(registry)).toEqual([409, ['registryNo:household_county_code_registry_no_key']]);
  });

  it('stores names without invisible characters at the ends, so the head name shows clean', async () => {
    const created = await ok(
      'POST',
      '/households',
      withPersons(7, ([head, ...rest]) => [{ ...head, name: `\u200b${head?.name}\ufeff` }, ...rest] as Json[]),
    );
    expect(created.headName).toBe('张建国87');
    expect(created.persons[0].name).toBe('张建国87');
  });
});

describe('person add and update', () => {
  const url = () => `/households/${household.id}/persons`;

  it('refuses adding a second spouse, a spouse of the head’s sex, a person over 120, an invisible name', async () => {
    const spouse = buildPerson(71, 4, '1975-01-01', { relation: 'spouse' });
    expect(refusal(await call('POST', url(), spouse))).toEqual([422, ['relation:spouse_multiple']]);
    const old = { ...buildPerson(71, 5, '1950-01-01', { relation: 'parent' }), idNumber: VERY_OLD(71) };
    expect(refusal(await call('POST', url(), old))).toEqual([422, ['idNumber:age_over_limit']]);
    const blank = buildPerson(71, 6, '2015-01-01', { name: INVISIBLE, labour: 'none' });
    expect(refusal(await call('POST', url(), blank))).toEqual([422, ['name:name_blank']]);
    const single = withPersons(3, ([head, , child]) => [head, child] as Json[]);
    const widower = await ok('POST', '/households', { ...single, mainCause: 'skills', otherCauses: [] });
    const husband = { ...buildPerson(83, 7, '1972-08-20', { relation: 'spouse' }), idNumber: HUSBAND(83) };
    const sameSex = await call('POST', `/households/${widower.id}/persons`, husband);
    expect(refusal(sameSex)).toEqual([422, ['relation:spouse_same_sex']]);
  });

  it('refuses making a person a second spouse, of the same sex, over 120 or invisibly named', async () => {
    const [, spouse, child] = (await ok('GET', `/households/${household.id}`)).persons;
    const at = (id: number) => `${url()}/${id}`;
    // The son (a man, as the head) made a spouse: a second spouse, and of the head's sex.
    expect(refusal(await call('PATCH', at(child.id), { relation: 'spouse' }))).toEqual([
      422,
      ['relation:spouse_multiple', 'relation:spouse_same_sex'],
    ]);
    expect(refusal(await call('PATCH', at(spouse.id), { idNumber: HUSBAND(71) }))).toEqual([
      422,
      ['relation:spouse_same_sex'],
    ]);
    expect(refusal(await call('PATCH', at(child.id), { idNumber: VERY_OLD(71) }))).toEqual([
      422,
      ['idNumber:age_over_limit'],
    ]);
    expect(refusal(await call('PATCH', at(child.id), { name: INVISIBLE }))).toEqual([422, ['name:name_blank']]);
  });

  it('answers a duplicate ID number on add and update with the field path', async () => {
    const other = await ok('POST', '/households', buildHousehold(72, { naturalVillageCode: NV }));
    const taken = other.persons[2];
    const theirs = (buildHousehold(72).persons as Json[])[2]?.idNumber as string;
    const add = await call('POST', url(), buildPerson(71, 9, '2012-09-01', { idNumber: theirs, labour: 'none' }));
    expect(refusal(add)).toEqual([409, ['idNumber:household_person_id_number']]);
    const [, , child] = (await ok('GET', `/households/${household.id}`)).persons;
    const update = await call('PATCH', `${url()}/${child.id}`, { idNumber: theirs });
    expect(refusal(update)).toEqual([409, ['idNumber:household_person_id_number']]);
    expect(taken.id).toBeGreaterThan(0);
  });
});

describe('member cards', () => {
  it('refuses a member over 120 and an invisible name on create and update', async () => {
    const old = memberCard(2, { idNumber: VERY_OLD(90) });
    expect(refusal(await call('POST', '/members', old))).toEqual([422, ['idNumber:age_over_limit']]);
    expect(refusal(await call('POST', '/members', memberCard(3, { name: INVISIBLE })))).toEqual([422, ['name:blank']]);
    const at = `/members/${member.id}`;
    expect(refusal(await call('PATCH', at, { idNumber: VERY_OLD(90) }))).toEqual([422, ['idNumber:age_over_limit']]);
    expect(refusal(await call('PATCH', at, { name: ` ${INVISIBLE}\u3000` }))).toEqual([422, ['name:blank']]);
  });

  it('answers a duplicate ID number (any form) on create and update with the field path', async () => {
    const taken = member.idNumber as string;
    const original = memberCard(1).idNumber;
    const dup = await call('POST', '/members', memberCard(4, { idNumber: original }));
    expect(refusal(dup)).toEqual([409, ['idNumber:party_member_county_code_id_number_key']]);
    const old = `${original.slice(0, 6)}${original.slice(8, 17)}`;
    expect(refusal(await call('POST', '/members', memberCard(4, { idNumber: old })))).toEqual([
      409,
      ['idNumber:party_member_county_code_id_number_key'],
    ]);
    const second = await ok('POST', '/members', memberCard(5));
    const update = await call('PATCH', `/members/${second.id}`, { idNumber: original.toLowerCase() });
    expect(refusal(update)).toEqual([409, ['idNumber:party_member_county_code_id_number_key']]);
    expect(taken).toContain('*'); // the card answers masked
  });
});
