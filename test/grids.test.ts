/**
 * Grids over the API on a small demo county (the seed ends partitioned and staffed): coverage without gaps,
 * the list and one grid, plans (unchanged re-plan, diff after a manual change, stale plan refused), manual
 * edits (split, merge, move a member or a natural village, rename) with their history and checks, the grid
 * map, and 404 outside the county.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../src/demo/index.ts';
import { createTestApp, type TestApp } from './app.ts';

const COUNTY = '340822';
const API = `/api/counties/${COUNTY}`;
let t: TestApp;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field
type Json = Record<string, any>;
async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json, lang = 'zh-CN') {
  const res = await t.inject({ method, url: `${API}${url}`, payload, headers: { 'accept-language': lang } });
  return { status: res.statusCode, body: res.json() as Json };
}
async function ok(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json) {
  const res = await call(method, url, payload);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}
const coverage = async (within = COUNTY) => (await ok('GET', `/grids/coverage?within=${within}`)).totals;

/** A village with a grid holding at least two natural villages, and another grid beside it. */
async function pickVillage(): Promise<{ village: string; grids: Json[] }> {
  const { rows } = await sql<{ village_code: string }>`
    select g.village_code from grid g
    join grid_natural_village l on l.county_code = g.county_code and l.grid_id = g.id and l.ended_at is null
    where g.county_code = ${COUNTY} and g.retired_at is null
    group by g.village_code having count(distinct g.id) >= 2 and count(distinct l.natural_village_code) > count(distinct g.id)
    order by 1 limit 1`.execute(t.database.db);
  const village = rows[0]!.village_code;
  const list = await ok('GET', `/grids?within=${village}&pageSize=100`);
  const grids = await Promise.all(list.items.map((g: Json) => ok('GET', `/grids/${g.id}`)));
  return { village, grids };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCounty(t.database.db, { seed: 11, scale: 0.03 });
}, 120_000);
afterAll(async () => t?.close());

describe('the seeded county', () => {
  it('is partitioned without gaps: every member and natural village in one grid, every group staffed', async () => {
    const totals = await coverage();
    expect(totals.grids).toBeGreaterThan(5);
    expect(totals).toMatchObject({
      groups: totals.grids,
      gridsWithoutGroup: 0,
      groupsWithoutLeader: 0,
      groupsWithoutInstructors: 0,
      membersWithoutGrid: 0,
      membersInTwoGrids: 0,
      naturalVillagesWithoutGrid: 0,
    });
    const { rows } = await sql<{ members: number; in_grid: number }>`
      select (select count(*) from party_member where status = 'active')::int as members,
        (select count(*) from grid_member where left_at is null)::int as in_grid`.execute(t.database.db);
    expect(rows[0]!.in_grid).toBe(rows[0]!.members);
    const dashboard = await ok('GET', '/dashboard');
    expect(dashboard.coverage).toMatchObject({
      grids: totals.grids,
      partyGroups: totals.grids,
      membersInGrid: rows[0]!.members,
    });
  });

  it('lists grids by page with counts that add up to the registry', async () => {
    const first = await ok('GET', '/grids?pageSize=5');
    expect(first.items).toHaveLength(5);
    const all = await ok('GET', '/grids?pageSize=100');
    expect(all.total).toBe((await coverage()).grids);
    const members = all.items.reduce((s: number, g: Json) => s + g.members, 0);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from party_member where status = 'active'`.execute(t.database.db);
    expect(members).toBe(rows[0]!.n);
    expect(all.items.every((g: Json) => g.leaderName && g.groupId)).toBe(true);
    // by name: village by village, 第2网格 before 第10网格, and descending reverses both
    const key = (g: Json) => [g.villageCode, String(g.name).length, g.name].join('|');
    const natural = (a: Json, b: Json) =>
      a.villageCode.localeCompare(b.villageCode) || a.name.length - b.name.length || (a.name < b.name ? -1 : 1);
    expect(all.items.map(key)).toEqual([...all.items].sort(natural).map(key));
    const descending = await ok('GET', '/grids?sort=-name&pageSize=100');
    expect(descending.items.map(key)).toEqual([...all.items].sort(natural).reverse().map(key));
    const byMembers = await ok('GET', '/grids?sort=-members&pageSize=100');
    const sizes = byMembers.items.map((g: Json) => g.members);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const village = all.items[0].villageName as string;
    const searched = await ok('GET', `/grids?q=${encodeURIComponent(village)}&pageSize=100`);
    expect(searched.items.every((g: Json) => g.villageName.includes(village))).toBe(true);
  });

  it('re-planning an untouched village (or the whole county) changes nothing', async () => {
    const county = await ok('POST', '/grid-plans', { scope: COUNTY });
    expect(county.summary).toMatchObject({ villagesChanged: 0, naturalVillagesMoved: 0, householdsMoved: 0 });
    const { village } = await pickVillage();
    const plan = await ok('POST', '/grid-plans', { scope: village });
    expect(plan.status).toBe('proposed');
    expect(plan.summary).toMatchObject({
      villages: 1,
      villagesChanged: 0,
      gridsCreated: 0,
      gridsRetired: 0,
      membersMoved: 0,
      naturalVillagesMoved: 0,
      householdsMoved: 0,
    });
    expect(await ok('POST', `/grid-plans/${plan.id}/apply`)).toMatchObject({ gridsCreated: 0, gridsRetired: 0 });
    expect((await call('POST', `/grid-plans/${plan.id}/apply`)).status).toBe(409);
  });
});

describe('manual edits', () => {
  it('split a grid, keep history, then merge it back', async () => {
    const { grids } = await pickVillage();
    const source = grids.find((g) => g.naturalVillages.length >= 2)!;
    // a natural village the leader does not live in, so that the source keeps its leader
    const leaderHome = source.members.find((m: Json) => m.id === source.group.leaderId)?.naturalVillageCode;
    const leaving = source.naturalVillages.find((n: Json) => n.code !== leaderHome).code as string;
    const movers = source.members.filter((m: Json) => m.naturalVillageCode === leaving).map((m: Json) => m.id);
    const split = await ok('POST', `/grids/${source.id}/split`, { naturalVillages: [leaving] });
    expect(split.grids).toHaveLength(2);
    const [kept, created] = split.grids;
    expect(kept.naturalVillages.map((n: Json) => n.code)).not.toContain(leaving);
    expect(created.naturalVillages.map((n: Json) => n.code)).toEqual([leaving]);
    expect(created.members.map((m: Json) => m.id).sort()).toEqual([...movers].sort());
    expect(created.group).toMatchObject({ leaderId: null });
    expect(created.history.map((e: Json) => e.kind)).toContain('created');
    expect((await coverage()).groupsWithoutLeader).toBe(1);
    // the members who left show in the source's past members
    const after = await ok('GET', `/grids/${source.id}`);
    expect(after.pastMembers.map((m: Json) => m.id).sort()).toEqual(expect.arrayContaining(movers));

    const merged = await ok('POST', `/grids/${source.id}/merge`, { otherGridId: created.id });
    expect(merged.grids.map((g: Json) => g.id)).toEqual([source.id]);
    expect(merged.grids[0].naturalVillages.map((n: Json) => n.code)).toContain(leaving);
    const retired = await ok('GET', `/grids/${created.id}`);
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.group).toBeNull();
    expect((await coverage()).groupsWithoutLeader).toBe(0);
    expect((await call('PATCH', `/grids/${created.id}`, { name: '新名' })).status).toBe(409);
  });

  it('moves a member with a reason; a leader who moves out steps down', async () => {
    const { grids } = await pickVillage();
    const a = grids.find((g) => g.group.leaderId !== null);
    const b = grids.find((g) => g.id !== a!.id);
    const leader = a!.group.leaderId as number;
    const moved = await ok('POST', `/grids/${b!.id}/members`, { memberId: leader, reason: '搬家' });
    expect(moved.grids.find((g: Json) => g.id === b!.id).members.map((m: Json) => m.id)).toContain(leader);
    const left = moved.grids.find((g: Json) => g.id === a!.id);
    expect(left.group.leaderId).toBeNull();
    expect(left.pastMembers.find((m: Json) => m.id === leader)).toMatchObject({ leftReason: '搬家' });
    const again = await call('POST', `/grids/${b!.id}/members`, { memberId: leader, reason: '重复' }, 'en');
    expect(again.status).toBe(422);
    expect(again.body.details[0].message).toBe('The member is already in this grid');
    // a member of another village cannot join
    const { rows } = await sql<{ id: number }>`
      select id from party_member where county_code = ${COUNTY} and natural_village_code not like ${`${a!.villageCode}%`}
      limit 1`.execute(t.database.db);
    expect((await call('POST', `/grids/${b!.id}/members`, { memberId: rows[0]!.id, reason: 'x' })).status).toBe(422);
    await ok('POST', `/grids/${a!.id}/members`, { memberId: leader, reason: '搬回' });
  });

  it('moves a natural village with its residents, refusing to empty a grid', async () => {
    const { grids } = await pickVillage();
    const source = grids.find((g) => g.naturalVillages.length >= 2)!;
    const target = grids.find((g) => g.id !== source.id)!;
    const code = source.naturalVillages.at(-1).code as string;
    const result = await ok('POST', `/grids/${target.id}/natural-villages`, { code, reason: '道路相通' });
    const t2 = result.grids.find((g: Json) => g.id === target.id);
    expect(t2.naturalVillages.map((n: Json) => n.code)).toContain(code);
    const residents = source.members.filter((m: Json) => m.naturalVillageCode === code).map((m: Json) => m.id);
    expect(t2.members.map((m: Json) => m.id)).toEqual(expect.arrayContaining(residents));
    expect(Array.isArray(result.breaches)).toBe(true);
    // the target's only natural villages cannot all leave: moving the last one back empties nothing, but a grid
    // with one natural village cannot give it away
    const single = (await ok('GET', `/grids/${target.id}`)).naturalVillages.length === 1;
    if (!single) {
      const lone = grids.find((g) => g.naturalVillages.length === 1);
      if (lone) {
        const refused = await call('POST', `/grids/${target.id}/natural-villages`, {
          code: lone.naturalVillages[0].code,
        });
        expect(refused.status).toBe(422);
      }
    }
    await ok('POST', `/grids/${source.id}/natural-villages`, { code });
  });

  it('renames a grid and its group; refuses a duplicate name in the village', async () => {
    const { grids } = await pickVillage();
    const [a, b] = grids;
    const renamed = await ok('PATCH', `/grids/${a!.id}`, { name: '东片网格' });
    expect(renamed.grids[0].name).toBe('东片网格');
    expect(renamed.grids[0].group.name).toContain('东片网格党小组');
    const dup = await call('PATCH', `/grids/${b!.id}`, { name: '东片网格' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('本村已有同名网格');
  });
});

describe('registry changes', () => {
  it('a member transferred out leaves their grid, kept as history; a leader steps down', async () => {
    const { grids } = await pickVillage();
    const grid = grids.find((g) => g.group.leaderId !== null)!;
    const leader = grid.group.leaderId as number;
    const res = await t.inject({
      method: 'PATCH',
      url: `${API}/members/${leader}`,
      payload: { status: 'transferred_out' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await ok('GET', `/grids/${grid.id}`);
    expect(after.members.map((m: Json) => m.id)).not.toContain(leader);
    expect(after.pastMembers.find((m: Json) => m.id === leader)).toMatchObject({ leftReason: 'transferred_out' });
    expect(after.group.leaderId).toBeNull();
    expect((await coverage()).membersWithoutGrid).toBe(0);
  });
});

describe('plans', () => {
  it('show a manual change as a diff and undo it when applied', async () => {
    const { village, grids } = await pickVillage();
    const source = grids.find((g) => g.naturalVillages.length >= 2)!;
    await ok('POST', `/grids/${source.id}/split`, { naturalVillages: [source.naturalVillages[0].code] });
    const plan = await ok('POST', '/grid-plans', { scope: village });
    expect(plan.summary.villagesChanged).toBe(1);
    const part = plan.villages[0];
    expect(part.retire.length + part.memberMoves.length + part.naturalVillageMoves.length).toBeGreaterThan(0);
    const one = await ok('GET', `/grid-plans/${plan.id}?village=${village}`);
    expect(one.villages).toHaveLength(1);
    const applied = await ok('POST', `/grid-plans/${plan.id}/apply`);
    expect(applied.villagesChanged).toBe(1);
    const again = await ok('POST', '/grid-plans', { scope: village });
    expect(again.summary.villagesChanged).toBe(0);
    const totals = await coverage(village);
    expect(totals).toMatchObject({ gridsWithoutGroup: 0, membersWithoutGrid: 0, naturalVillagesWithoutGrid: 0 });
  });

  it('refuse to apply a plan when a member moved since it was proposed', async () => {
    const { village, grids } = await pickVillage();
    const plan = await ok('POST', '/grid-plans', { scope: village });
    const [a, b] = grids;
    await ok('POST', `/grids/${b!.id}/members`, { memberId: a!.members[0].id, reason: '调整' });
    const stale = await call('POST', `/grid-plans/${plan.id}/apply`, undefined, 'en');
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('propose it again');
  });

  it('validate the scope and options', async () => {
    expect((await call('POST', '/grid-plans', { scope: '3408221' })).status).toBe(400);
    expect((await call('POST', '/grid-plans', { scope: COUNTY, options: { maxMembers: 0 } })).status).toBe(400);
    expect((await call('POST', '/grid-plans', { scope: '340822999' })).status).toBe(404);
    expect((await call('GET', '/grid-plans/999999')).status).toBe(404);
  });
});

describe('map and scope', () => {
  it('draws each grid of a village as one area with its counts', async () => {
    const { village, grids } = await pickVillage();
    const map = await ok('GET', `/grids/map?village=${village}`);
    expect(map.features).toHaveLength(grids.length);
    for (const f of map.features) {
      const grid = grids.find((g) => g.id === f.properties.gridId)!;
      expect(f.properties.members).toBe(grid.members.length);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
  });

  it('answers 404 for another county, an unknown grid or scope', async () => {
    const { grids } = await pickVillage();
    expect((await t.inject({ url: `/api/counties/340825/grids/${grids[0]!.id}` })).statusCode).toBe(404);
    expect((await call('GET', '/grids/99999999')).status).toBe(404);
    expect((await call('GET', '/grids/coverage?within=340822999')).status).toBe(404);
    expect((await call('GET', '/grids/map?village=340822999999')).status).toBe(404);
  });
});
