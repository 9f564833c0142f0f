/**
 * `allowedActions` on record responses (issue 13, item 15) agrees with what the write routes let through: for
 * every record kind with actions, every role granted on the county, a township and a natural village, every
 * write route of that record kind is tried with an empty body (an allowed write stops at the schema: 400/422;
 * a refused one answers 404), and the route's permission is listed exactly when the route let it through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/domain/access/roles.ts';
import { ACTION_RECORDS } from '../src/http/plugins/record-actions.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { createWorlds, INSIDE_NV, INSIDE_TOWNSHIP, type World } from './factories.ts';

let t: TestApp;
let w: World;
const GRANTS = ['340822', INSIDE_TOWNSHIP, INSIDE_NV];
const DETAIL: Record<(typeof ACTION_RECORDS)[number], (w: World) => string> = {
  household: (w) => `/households/${w.householdId}`,
  member: (w) => `/members/${w.memberId}`,
  grid: (w) => `/grids/${w.gridId}`,
  party_group: (w) => `/party-groups/${w.groupId}`,
  pairing: (w) => `/pairings/${w.pairingId}`,
  commitment: (w) => `/commitments/${w.commitmentId}`,
};
const ID_OF: Record<string, (w: World) => number> = {
  household: (w) => w.householdId,
  member: (w) => w.memberId,
  grid: (w) => w.gridId,
  party_group: (w) => w.groupId,
  pairing: (w) => w.pairingId,
  commitment: (w) => w.commitmentId,
};

/**
 * The URL of a write route on the world's record of `kind` (other path parameters from the world; a parameter the
 * world has no record for, such as a request under a member, gets an id of none: the empty body stops at the schema).
 */
function fill(url: string, kind: string, param: string): string {
  const values: Record<string, string> = {
    county: w.county,
    personId: String(w.personId),
    needId: String(w.needId),
    exitId: String(w.exitId),
    objectionId: String(w.objectionId),
    itemId: String(w.commitmentItemId),
    memberId: String(w.memberId),
    householdId: String(w.householdId),
    year: '2020',
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    name === param ? String(ID_OF[kind]?.(w)) : (values[name] ?? '999999'),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  w = (await createWorlds(t, { monitored: true })).inside;
}, 120_000);
afterAll(async () => t?.close());

describe('allowedActions', () => {
  it('lists exactly the write routes of each record that let the caller through, for every role and grant', async () => {
    const writes = t.app.routeTable.filter((r) => r.method !== 'GET' && r.scope && 'record' in r.scope);
    const failures: string[] = [];
    let compared = 0;
    for (const kind of ACTION_RECORDS) {
      const routes = writes.filter((r) => r.scope && 'record' in r.scope && r.scope.record === kind);
      expect(routes.length, kind).toBeGreaterThan(0);
      for (const role of ROLES) {
        for (const grant of GRANTS) {
          const inject: Inject = await t.signIn(role, grant);
          const detail = await inject({ url: `/api/counties/${w.county}${DETAIL[kind](w)}` });
          if (detail.statusCode === 404) continue; // cannot see it: no actions to offer
          expect(detail.statusCode, `${role}@${grant} ${kind}`).toBe(200);
          const actions: unknown = detail.json().allowedActions;
          if (!Array.isArray(actions)) {
            failures.push(`${role}@${grant} ${kind}: no allowedActions`);
            continue;
          }
          for (const route of routes) {
            const param = route.scope && 'param' in route.scope ? route.scope.param : 'id';
            const url = fill(route.url, kind, param);
            const res = await inject({ method: route.method as 'POST', url, payload: {} });
            expect(res.statusCode, `${route.method} ${url}`).toBeLessThan(500);
            const passed = ![401, 403, 404].includes(res.statusCode);
            compared += 1;
            if (passed !== actions.includes(route.permission)) {
              failures.push(`${role}@${grant} ${route.method} ${url} → ${res.statusCode}, allowedActions ${actions}`);
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('allowedActions on a create answer', () => {
  it("a commitment just proposed (its unit is its member's, not the route's) carries its actions at once", async () => {
    const inject = await t.signIn('county_admin', '340822');
    const year = Number((await inject({ url: '/api/auth/me' })).json().today.slice(0, 4)) - 1;
    const res = await inject({
      method: 'POST',
      url: `/api/counties/${w.county}/commitments`,
      payload: { memberId: w.memberId, year, items: [{ content: '走访联系户' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().allowedActions).toEqual(expect.arrayContaining(['commitment.review', 'commitment.write']));
    const read = await inject({ url: `/api/counties/${w.county}/commitments/${res.json().id}` });
    expect(res.json().allowedActions).toEqual(read.json().allowedActions);
  });
});
