/**
 * "A helper is not a registered poor person" on every path that pairs or registers someone: confirmation,
 * handover, suggestions, bulk application, member create and update, household create, person add and update,
 * and the household's consistency check for records written before the rule (or behind the API's back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../src/domain/ids.ts';
import { applySuggestions } from '../src/services/pairing/apply-suggestions.ts';
import { loadMatchInput, resolveScope } from '../src/services/pairing/load-match-input.ts';
import { createTestApp, type TestApp } from './app.ts';
import { buildHousehold, buildPerson, COUNTY, createPairing, createPlaces } from './factories.ts';

const API = `/api/counties/${COUNTY}`;
const NV = '340822100201001';
const VILLAGE = '340822100201';
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
const problems = (body: Json) => (body.details ?? []).map((d: Json) => `${d.path}:${d.code}`).sort();

function memberCard(n: number, idNumber: string, capacity: number) {
  return {
    name: `党员${n}`,
    idNumber,
    ethnicity: 'han',
    education: 'senior',
    joinDate: '2006-07-01',
    membership: 'formal',
    branchName: '党支部',
    naturalVillageCode: NV,
    expertise: ['planting'],
    willingness: [],
    capacity,
  };
}

/** A registered poor person who is also a Party member (registered before the person), and a plain helper. */
const POOR_ID = makeResidentId(COUNTY, '1985-05-05', 501); // a man: odd sequence
const HELPER_ID = makeResidentId(COUNTY, '1979-04-10', 503);
const ids = {} as Record<'h1' | 'h2' | 'poor' | 'helper', number>;
let pairingsBefore = 0;

const pairingCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('pairing')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  ids.h1 = (await ok('POST', '/households', buildHousehold(61, { naturalVillageCode: NV }))).id;
  ids.h2 = (await ok('POST', '/households', buildHousehold(62, { naturalVillageCode: NV }))).id;
  ids.helper = (await ok('POST', '/members', memberCard(1, HELPER_ID, 1))).id;
  // The member helps nobody yet, so registering them as a son of household 62 is allowed; they become poor.
  ids.poor = (await ok('POST', '/members', memberCard(2, POOR_ID, 2))).id;
  await ok('POST', `/households/${ids.h2}/persons`, { ...buildPerson(62, 9, '1985-05-05'), idNumber: POOR_ID });
  pairingsBefore = await pairingCount();
}, 120_000);
afterAll(async () => t?.close());

describe('pairing paths', () => {
  it('never suggests a registered poor member, not even as an alternative', async () => {
    const s = await ok('GET', `/pairings/suggestions?within=${VILLAGE}`);
    const proposed = s.suggestions.flatMap((x: Json) => [x.member.id, ...x.alternatives.map((a: Json) => a.member.id)]);
    expect(proposed).not.toContain(ids.poor);
    // The helper's one slot covers one household; the poor member cannot take the other.
    expect(s.summary).toMatchObject({ householdsNeedingHelp: 2, householdsCovered: 1, shortfall: 1 });
  });

  it('refuses to confirm a registered poor member with their own household or another (422), writing nothing', async () => {
    const res = await call('POST', '/pairings/confirm', {
      startOn: '2024-01-02',
      pairs: [
        { memberId: ids.helper, householdId: ids.h1 },
        { memberId: ids.poor, householdId: ids.h2 },
        { memberId: ids.poor, householdId: ids.h1 },
      ],
    });
    expect(res.status).toBe(422);
    expect(problems(res.body)).toEqual(['pairs.1.memberId:helper_is_poor', 'pairs.2.memberId:helper_is_poor']);
    expect(res.body.details[0].message).toContain('建档立卡贫困人口');
    expect(await pairingCount()).toBe(pairingsBefore);
  });

  it('refuses a registered poor member as the successor of a handover', async () => {
    const confirmed = await ok('POST', '/pairings/confirm', {
      startOn: '2024-01-02',
      pairs: [{ memberId: ids.helper, householdId: ids.h1 }],
    });
    const res = await call('POST', `/pairings/${confirmed.items[0].id}/handover`, {
      successorMemberId: ids.poor,
      on: '2024-06-01',
      reason: 'moved',
      note: '迁往县城',
    });
    expect(res.status).toBe(422);
    expect(problems(res.body)).toEqual(['successorMemberId:helper_is_poor']);
    expect((await ok('GET', `/pairings/${confirmed.items[0].id}`)).endedOn).toBeNull();
  });

  it('refuses a bulk application (lianxin match --apply, the seed) that names a registered poor member', async () => {
    const db = t.database.db;
    const loaded = await loadMatchInput(db, COUNTY, await resolveScope(db, COUNTY, VILLAGE));
    expect(loaded.members.has(ids.poor)).toBe(false);
    const forged = [
      { memberId: ids.poor, householdId: ids.h2, fit: 0, parts: {}, reasons: [] },
    ] as unknown as Parameters<typeof applySuggestions>[3];
    await expect(applySuggestions(db, COUNTY, loaded, forged, () => '2024-01-02')).rejects.toMatchObject({
      code: 'rule_violation',
      details: [expect.objectContaining({ path: 'suggestions.0.memberId', code: 'helper_is_poor' })],
    });
    expect(await pairingCount()).toBe(pairingsBefore + 1);
  });
});

describe('member paths', () => {
  it('refuses a new member card offering help when the ID number is a registered poor person (any form)', async () => {
    const head = (buildHousehold(61).persons as Json[])[0]?.idNumber as string;
    const res = await call('POST', '/members', memberCard(3, head, 2));
    expect(res.status).toBe(422);
    expect(problems(res.body)).toEqual(['capacity:helper_is_poor']);
    const old = `${head.slice(0, 6)}${head.slice(8, 17)}`; // the old 15-digit form of the same person
    expect(problems((await call('POST', '/members', memberCard(3, old, 1))).body)).toEqual(['capacity:helper_is_poor']);
    // A poor Party member is still registered, as one who does not help.
    const created = await ok('POST', '/members', memberCard(3, head, 0));
    const raise = await call('PATCH', `/members/${created.id}`, { capacity: 1 });
    expect(problems(raise.body)).toEqual(['capacity:helper_is_poor']);
  });

  it("refuses changing a helper's ID number to a registered poor person's", async () => {
    const spouse = (buildHousehold(62).persons as Json[])[1]?.idNumber as string;
    const res = await call('PATCH', `/members/${ids.helper}`, { idNumber: spouse, sex: 'F' });
    expect(res.status).toBe(422);
    expect(problems(res.body)).toEqual(['capacity:helper_is_poor', 'idNumber:helper_is_poor']);
    // An unrelated edit of the poor member's older card is not refused.
    expect((await call('PATCH', `/members/${ids.poor}`, { post: '党员' })).status).toBe(200);
  });
});

describe('household paths', () => {
  it("refuses adding a current helper's ID number to any household, also in the old 15-digit form", async () => {
    const person = { ...buildPerson(62, 7, '1979-04-10'), idNumber: HELPER_ID };
    const res = await call('POST', `/households/${ids.h2}/persons`, person);
    expect(res.status).toBe(422);
    expect(problems(res.body)).toEqual(['idNumber:helper_is_poor']);
    const old = `${HELPER_ID.slice(0, 6)}${HELPER_ID.slice(8, 17)}`;
    const again = await call('POST', `/households/${ids.h1}/persons`, { ...person, idNumber: old });
    expect(problems(again.body)).toEqual(['idNumber:helper_is_poor']);
  });

  it("refuses changing a person's ID number to a current helper's", async () => {
    const child = (await ok('GET', `/households/${ids.h2}`)).persons[2];
    const res = await call('PATCH', `/households/${ids.h2}/persons/${child.id}`, { idNumber: HELPER_ID });
    expect(res.status).toBe(422);
    expect(problems(res.body)).toContain('idNumber:helper_is_poor');
  });

  it("refuses a new household whose person is a current helper, at the person's path", async () => {
    const h = buildHousehold(63, { naturalVillageCode: NV });
    const persons = [...(h.persons as Json[]), { ...buildPerson(63, 5, '1979-04-10'), idNumber: HELPER_ID }];
    const res = await call('POST', '/households', { ...h, persons });
    expect(res.status).toBe(422);
    expect(problems(res.body)).toEqual(['persons.3.idNumber:helper_is_poor']);
  });
});

describe('the registry consistency check', () => {
  it('reports a registered poor helper on the household, whether of this household or another', async () => {
    // Pairings written behind the API's back (an import, an old record): the check must still see them.
    await createPairing(t.database.db, { memberId: ids.poor, householdId: ids.h1, slot: 1 });
    await createPairing(t.database.db, { memberId: ids.poor, householdId: ids.h2, slot: 2 });
    const h1 = await ok('GET', `/households/${ids.h1}`);
    expect(h1.violations.map((v: Json) => `${v.path}:${v.code}`)).toEqual(['helperIdNumbers.1:helper_is_poor']);
    // Household 62 also shows its stale income size (a son was added after the income year was entered).
    const h2 = await ok('GET', `/households/${ids.h2}`);
    const helpers = h2.violations.filter((v: Json) => v.code !== 'household_size_mismatch');
    expect(helpers.map((v: Json) => `${v.path}:${v.code}`)).toEqual(['helperIdNumbers.0:helper_is_poor']);
    expect(helpers[0].message).toContain('本户贫困人口');
  });
});
