/**
 * The dashboard answers from a pre-aggregated summary; these tests hold it to the registries: every figure of
 * every level equals plain SQL over households and members, after the seed and after each kind of write.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../src/demo/index.ts';
import { getDashboard, getDashboardFromRegistries } from '../src/services/dashboard/get-dashboard.ts';
import { applyPlan } from '../src/services/grids/apply-plan.ts';
import { proposePlan } from '../src/services/grids/propose-plan.ts';
import { createTestApp, type TestApp } from './app.ts';
import { expectedDashboard } from './dashboard-figures.ts';
import { buildHousehold } from './factories.ts';

const COUNTY = '340822';
const BASE = `/api/counties/${COUNTY}`;
let t: TestApp;
/** Two natural villages in different townships, with their village and township. */
let a: string;
let b: string;

type Json = Record<string, unknown>;
const inject = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: Json) =>
  t.inject({ method, url: `${BASE}${url}`, ...(payload ? { payload } : {}) });

async function dashboard(scope: string) {
  const res = await inject('GET', `/dashboard?scope=${scope}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The API's answer for each scope equals the plain SQL count, field by field. */
async function expectMatches(...scopes: string[]) {
  for (const scope of scopes) {
    const { scope: _s, coverage: _c, refreshedAt: _r, ...figures } = await dashboard(scope);
    expect(figures, `scope ${scope}`).toEqual(await expectedDashboard(t.database.db, COUNTY, scope));
  }
}

const levelsOf = (nv: string) => [COUNTY, nv.slice(0, 9), nv.slice(0, 12), nv];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCounty(t.database.db, { seed: 20171, scale: 0.03 });
  const { rows } = await sql<{ code: string }>`
    select min(code) as code from org_unit where county_code = ${COUNTY} and level = 'natural_village'
    group by left(code, 9) order by 1 limit 2`.execute(t.database.db);
  [a, b] = rows.map((r) => r.code) as [string, string];
});
afterAll(async () => t?.close());

describe('dashboard figures after the seed', () => {
  it('equal plain SQL at every level, children included', async () => {
    await expectMatches(...levelsOf(a));
    const county = await dashboard(COUNTY);
    expect(county.scope).toEqual({ code: COUNTY, name: '怀宁县', level: 'county' });
    expect(county.totals.households).toBeGreaterThan(300);
    expect(county.income).toMatchObject({ year: 2020, povertyLine: 4000 });
    expect(county.children.length).toBe(20);
    expect(county.children.every((c: Json) => c.level === 'township')).toBe(true);
  });

  it('equal the same body computed without the summary', async () => {
    for (const scope of levelsOf(b)) {
      const { refreshedAt, ...fromSummary } = await getDashboard(t.database.db, COUNTY, scope);
      const { refreshedAt: _, ...fromRegistries } = await getDashboardFromRegistries(t.database.db, COUNTY, scope);
      expect(fromSummary).toEqual(fromRegistries);
      expect(refreshedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it('counts grids, party groups and members in a grid within the scope, after a re-plan too', async () => {
    const village = a.slice(0, 12);
    const plan = await proposePlan(t.database.db, COUNTY, village, { targetMembers: 5 });
    await applyPlan(t.database.db, COUNTY, plan.id);
    for (const scope of [COUNTY, a.slice(0, 9), village, b.slice(0, 9)]) {
      const within = `${scope}%`;
      const { rows } = await sql<{ grids: number; groups: number; members: number }>`
        select
          (select count(distinct l.grid_id) from grid_natural_village l
            where l.ended_at is null and l.natural_village_code like ${within})::int as grids,
          (select count(*) from party_group p where p.retired_at is null and p.grid_id in (
            select l.grid_id from grid_natural_village l
            where l.ended_at is null and l.natural_village_code like ${within}))::int as groups,
          (select count(*) from grid_member gm join party_member m on m.id = gm.member_id
            where gm.left_at is null and m.natural_village_code like ${within})::int as members`.execute(t.database.db);
      const expected = rows[0]!;
      expect(expected.grids).toBeGreaterThan(0);
      const coverage = (await dashboard(scope)).coverage;
      expect(coverage).toMatchObject({
        grids: expected.grids,
        partyGroups: expected.groups,
        membersInGrid: expected.members,
      });
      expect(coverage.membersInGrid).toBe(coverage.members); // the seed and the plan leave nobody out
      // The seed pairs every household needing help.
      expect(coverage.householdsPaired).toBe(coverage.households);
      if (scope === COUNTY) expect(coverage.households).toBeGreaterThan(0);
    }
  });

  it('answers 404 for a scope that does not exist or lies in another county', async () => {
    expect((await inject('GET', '/dashboard?scope=340822999')).statusCode).toBe(404);
    expect((await inject('GET', '/dashboard?scope=340825100')).statusCode).toBe(404);
    expect((await inject('GET', '/dashboard?scope=34082')).statusCode).toBe(400);
  });
});

describe('dashboard figures follow registry writes', () => {
  let id: number;

  it('a new household (income of an older year counts as missing)', async () => {
    const body = buildHousehold(91, { naturalVillageCode: a, registryNo: 'DASH-0091' });
    const res = await inject('POST', '/households', body);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    await expectMatches(...levelsOf(a));
    expect((await dashboard(a)).income.missing).toBeGreaterThan(0);
  });

  it('a household moved to another township, then given income and a monitoring case', async () => {
    expect((await inject('PATCH', `/households/${id}`, { naturalVillageCode: b })).statusCode).toBe(200);
    await expectMatches(...levelsOf(a), ...levelsOf(b).slice(1));
    const income = { wage: 9000, production: 4000, subsidy: 800, productionCost: 1200 };
    expect((await inject('PUT', `/households/${id}/income/2020`, income)).statusCode).toBe(200);
    const before = (await dashboard(b)).totals;
    const open = { category: 'sudden_hardship', riskTypes: ['illness'], sources: ['visit'], reason: '纳入监测' };
    const res = await inject('POST', `/households/${id}/monitoring-cases`, open);
    expect(res.statusCode, res.body).toBe(201);
    // Monitoring is counted apart: the household stays in its poverty status.
    const after = (await dashboard(b)).totals;
    expect(after).toMatchObject({ monitored: before.monitored + 1, poor: before.poor, exited: before.exited });
    await expectMatches(...levelsOf(b));
  });

  it('members registered, moved and transferred out', async () => {
    const member = {
      name: '赵党员',
      idNumber: '340822198003090133',
      ethnicity: 'han',
      education: 'senior',
      joinDate: '2005-07-01',
      membership: 'formal',
      branchName: '党支部',
      naturalVillageCode: a,
      expertise: ['ecommerce', 'law'],
      willingness: ['policy'],
      capacity: 2,
    };
    const res = await inject('POST', '/members', member);
    expect(res.statusCode, res.body).toBe(201);
    await expectMatches(a.slice(0, 12), a);
    const memberId = res.json().id;
    expect((await inject('PATCH', `/members/${memberId}`, { naturalVillageCode: b })).statusCode).toBe(200);
    await expectMatches(COUNTY, a, b);
    expect((await inject('PATCH', `/members/${memberId}`, { status: 'transferred_out' })).statusCode).toBe(200);
    await expectMatches(b.slice(0, 9), b);
  });

  it('a newer income year re-bins the whole county against that year', async () => {
    const income = { wage: 12000, production: 3000, subsidy: 500, productionCost: 500 };
    expect((await inject('PUT', `/households/${id}/income/2021`, income)).statusCode).toBe(200);
    const county = await dashboard(COUNTY);
    expect(county.income.year).toBe(2021);
    expect(county.income.missing).toBe(county.totals.households - 1);
    await expectMatches(...levelsOf(a), b);
  });
});
