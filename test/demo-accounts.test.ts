/**
 * The demo accounts sit where their role's main journey can start on the shipped demo: the member account is a
 * Party member who helps a household now (not merely the first member of the first natural village), and the
 * village and township accounts sit around that household.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeDemoAccounts } from '../src/demo/accounts.ts';
import { createTestApp, type TestApp } from './app.ts';
import { COUNTY, createPlaces, insertPairing, postHousehold, postMember } from './factories.ts';

const FIRST_NV = '340822100201001';
const OTHER_NV = '340822101201001';

let t: TestApp;
const ids = { idle: 0, helper: 0, household: 0 };

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  // The first member of the first natural village helps nobody; a later member elsewhere helps a household.
  ids.idle = await postMember(t, 1, FIRST_NV, '甲闲置');
  ids.helper = await postMember(t, 2, OTHER_NV, '乙帮扶');
  ids.household = await postHousehold(t, 11, OTHER_NV);
  await insertPairing(t.database.db, { memberId: ids.helper, householdId: ids.household, slot: 1 });
  await writeDemoAccounts(t.database.db, COUNTY);
});
afterAll(() => t.close());

async function grantOf(username: string) {
  return t.database.db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['g.role', 'g.org_code', 'g.member_id'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
}

it('links demo_member to a member with a current pairing, in that member’s natural village', async () => {
  expect(await grantOf('demo_member')).toEqual({ role: 'member', org_code: OTHER_NV, member_id: ids.helper });
});

it('puts the village and township accounts around the household the demo member helps', async () => {
  expect(await grantOf('demo_village_secretary')).toMatchObject({ org_code: OTHER_NV.slice(0, 12) });
  expect(await grantOf('demo_instructor')).toMatchObject({ org_code: OTHER_NV.slice(0, 12) });
  expect(await grantOf('demo_township_admin')).toMatchObject({ org_code: OTHER_NV.slice(0, 9) });
  expect(await grantOf('demo_group_leader')).toMatchObject({ org_code: OTHER_NV, member_id: null });
  expect(await grantOf('demo_county_admin')).toMatchObject({ org_code: COUNTY });
});
