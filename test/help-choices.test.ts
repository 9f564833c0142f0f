/**
 * The help form's choices for a household (GET …/households/:id/help-choices), the read a phone keeps for offline
 * use: the head's name, only the open needs, only the current helpers, and no field of the household record
 * beyond them (no ID number, phone, income or health); a 'member' user reads it for a household of their village.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { COUNTY, createPlaces, insertPairing, postHousehold, postMember, signInMember } from './factories.ts';

const NV = '340822100201001';
let t: TestApp;
let householdId = 0;
const members = { current: 0, former: 0 };
const needs = { open: 0, second: 0, met: 0 };

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  members.current = await postMember(t, 1, NV, '王帮扶');
  members.former = await postMember(t, 2, NV, '李曾帮');
  householdId = await postHousehold(t, 21, NV);
  const url = `/api/counties/${COUNTY}/households/${householdId}`;
  needs.open = (await t.inject({ url })).json().needs[0].id;
  const add = async (need: string, detail: string) => {
    const res = await t.inject({
      method: 'POST',
      url: `${url}/needs`,
      payload: { need, detail, raisedOn: '2020-05-01' },
    });
    if (res.statusCode !== 201) throw new Error(`need: ${res.body}`);
    return res.json().needs.at(-1).id as number;
  };
  needs.second = await add('employment', '想到县城务工');
  needs.met = await add('schooling', '孩子学费');
  const met = await t.inject({ method: 'PATCH', url: `${url}/needs/${needs.met}`, payload: { status: 'met' } });
  if (met.statusCode !== 200) throw new Error(`need: ${met.body}`);
  // A handed-over pairing (ended, pointing at its successor) must not offer its member any more.
  const current = await insertPairing(t.database.db, {
    memberId: members.current,
    householdId,
    slot: 1,
    startedOn: '2020-02-01',
  });
  const former = await insertPairing(t.database.db, {
    memberId: members.former,
    householdId,
    slot: 2,
    startedOn: '2019-01-01',
  });
  await t.database.db
    .updateTable('pairing')
    .set({ ended_on: '2020-02-01', end_reason: 'moved', successor_id: current })
    .where('id', '=', former)
    .execute();
});
afterAll(() => t.close());

describe('help choices', () => {
  it('answers the head, the open needs oldest first and the current helpers, nothing else', async () => {
    const res = await t.inject({ url: `/api/counties/${COUNTY}/households/${householdId}/help-choices` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      householdId,
      headName: '张建国21',
      needs: [
        { id: needs.open, need: 'medical', detail: '慢性病用药' },
        { id: needs.second, need: 'employment', detail: '想到县城务工' },
      ],
      helpers: [{ id: members.current, name: '王帮扶' }],
    });
  });

  it('a member user of the village reads it; an unknown household is a 404', async () => {
    const member = await signInMember(t, NV, members.current);
    const res = await member({ url: `/api/counties/${COUNTY}/households/${householdId}/help-choices` });
    expect(res.statusCode).toBe(200);
    expect(res.json().headName).toBe('张建国21');
    const unknown = await t.inject({ url: `/api/counties/${COUNTY}/households/999999/help-choices` });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/counties/${COUNTY}/households/${householdId}/help-choices` })).statusCode,
    ).toBe(401);
  });
});
