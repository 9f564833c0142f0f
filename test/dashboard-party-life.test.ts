/**
 * The dashboard's Party life section (党组织生活与星级评定) on a seeded demo county: for the county, a township, a
 * village and a natural village, the required activities of 2020 are every current group's 34 plan slots, those
 * held (in time or late) are the groups' held activities, and the members by stars, vetoed, exempt and unrated
 * equal plain SQL over star_rating and party_member; a grid re-plan shows at once (the 'activities' topic); a
 * township admin reads only their township.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../src/demo/index.ts';
import { DEFAULT_ACTIVITY_RULES, yearPlan } from '../src/domain/party-life/activity-plan.ts';
import { applyPlan } from '../src/services/grids/apply-plan.ts';
import { proposePlan } from '../src/services/grids/propose-plan.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';

const COUNTY = '340822';
const YEAR = 2020;
const SLOTS = yearPlan(DEFAULT_ACTIVITY_RULES, YEAR).length;
let t: TestApp;
/** A natural village of the first township (with its ancestors) and one of the last township. */
let nv = '';
let otherNv = '';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCounty(t.database.db, { seed: 20171, scale: 0.03 });
  const { rows } = await sql<{ code: string }>`
    select min(code) as code from org_unit where county_code = ${COUNTY} and level = 'natural_village'
    group by left(code, 9) order by 1`.execute(t.database.db);
  nv = rows[0]?.code ?? '';
  otherNv = rows.at(-1)?.code ?? '';
}, 300_000);
afterAll(async () => t?.close());

async function partyLife(scope: string, as: Inject = t.inject) {
  return as({ method: 'GET', url: `/api/counties/${COUNTY}/dashboard/party-life?scope=${scope}&year=${YEAR}` });
}

/** The current groups of a scope: of its villages, or (a natural village) of the grids touching it. */
function groupsIn(scope: string) {
  const byPlace =
    scope.length === 15
      ? sql`exists (select 1 from grid_natural_village l where l.county_code = g.county_code and l.grid_id = g.id
          and l.natural_village_code = ${scope} and l.ended_at is null)`
      : sql`g.village_code like ${`${scope}%`}`;
  return sql<{
    id: number;
  }>`select p.id from party_group p join grid g on g.county_code = p.county_code and g.id = p.grid_id
    where p.county_code = ${COUNTY} and p.retired_at is null and g.retired_at is null and ${byPlace}`;
}

/** What plain SQL says the section must show for `scope`. */
async function expected(scope: string) {
  const db = t.database.db;
  const within = `${scope}%`;
  const [groups, held, stars, unrated] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from (${groupsIn(scope)}) x`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from party_activity a
      where a.county_code = ${COUNTY} and a.status = 'held' and a.group_id in (${groupsIn(scope)})
        and coalesce(a.planned_on, a.held_on) between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`}`.execute(db),
    sql<{ stars: number | null; n: number; vetoed: number }>`
      select coalesce(final_stars, branch_stars, computed_stars)::int as stars, count(*)::int as n,
        (count(*) filter (where veto_code is not null))::int as vetoed
      from star_rating where county_code = ${COUNTY} and year = ${YEAR} and natural_village_code like ${within}
      group by 1`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from party_member m
      where m.county_code = ${COUNTY} and m.status = 'active' and m.natural_village_code like ${within}
        and m.id not in (select member_id from star_rating where county_code = ${COUNTY} and year = ${YEAR})`.execute(
      db,
    ),
  ]);
  const byStars: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const r of stars.rows) if (r.stars !== null) byStars[String(r.stars)] = r.n;
  return {
    required: SLOTS * (groups.rows[0]?.n ?? 0),
    heldOrLate: held.rows[0]?.n ?? 0,
    byStars,
    exempt: stars.rows.find((r) => r.stars === null)?.n ?? 0,
    vetoed: stars.rows.reduce((n, r) => n + r.vetoed, 0),
    unrated: unrated.rows[0]?.n ?? 0,
  };
}

describe('dashboard: Party life and stars', () => {
  it('shows every level the figures plain SQL gives', async () => {
    for (const scope of [COUNTY, nv.slice(0, 9), nv.slice(0, 12), nv]) {
      const res = await partyLife(scope);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const want = await expected(scope);
      expect(body).toMatchObject({ scope, year: YEAR });
      expect(body.activities.required, scope).toBe(want.required);
      expect(body.activities.held + body.activities.late, scope).toBe(want.heldOrLate);
      // The test runs on the real clock, years after 2020: nothing is still due.
      expect(body.activities.due).toBe(0);
      expect(body.activities.missed).toBe(want.required - want.heldOrLate);
      expect(body.stars.byStars, scope).toEqual(want.byStars);
      expect(body.stars).toMatchObject({ exempt: want.exempt, vetoed: want.vetoed, unrated: want.unrated });
      expect(body.stars.rated).toBe(Object.values(want.byStars).reduce((a, b) => a + b, 0));
      if (scope === COUNTY) {
        // The seeded county: most groups hold most of their plan, stars are computed and under review.
        expect(want.required).toBeGreaterThan(1000);
        expect(body.activities.rate).toBeGreaterThan(0.7);
        expect(body.activities.rate).toBeLessThan(1);
        expect(body.stars.rated).toBeGreaterThan(300);
        expect(body.stars.stage).toBe('review');
        expect(body.stars.byStars['3']).toBeGreaterThan(0);
      }
    }
  });

  it('counts a grid re-plan at once (the plan announces the activities topic)', async () => {
    const village = otherNv.slice(0, 12);
    const groupIds = async () => (await groupsIn(village).execute(t.database.db)).rows.map((r) => Number(r.id));
    const before = { body: (await partyLife(village)).json(), groups: await groupIds() };
    const plan = await proposePlan(t.database.db, COUNTY, village, { targetMembers: 5, maxMembers: 6 });
    await applyPlan(t.database.db, COUNTY, plan.id);
    const groups = await groupIds();
    // The re-plan set up new groups: remembered figures from before would count them as nothing.
    expect(groups.filter((id) => !before.groups.includes(id)).length).toBeGreaterThan(0);
    const after = (await partyLife(village)).json();
    expect(after.activities.required).toBe(SLOTS * groups.length);
    expect(after.activities.required).toBe((await expected(village)).required);
    expect(before.body.activities.required).toBe(SLOTS * before.groups.length);
  });

  it('answers a township admin for their township only, and 404 outside it', async () => {
    const admin = await t.signIn('township_admin', nv.slice(0, 9));
    const own = await partyLife(nv.slice(0, 9), admin);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().activities.required).toBe((await expected(nv.slice(0, 9))).required);
    expect((await partyLife(otherNv.slice(0, 9), admin)).statusCode).toBe(404);
    expect((await partyLife('340825100')).statusCode).toBe(404);
  });
});
