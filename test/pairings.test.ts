/**
 * Pairing over the API and in SQL: suggest → confirm → list with real values, capacity refused by the service
 * (422) and by the database (unique/check), 不脱钩 held by constraints (no end without exit or successor, the
 * successor starts the same day, only this household's completed exit), handover, rejections, a returned
 * household paired again, and scope (404 for a secretary of another township).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../src/domain/ids.ts';
import { createTestApp, type TestApp } from './app.ts';
import { asOwner } from './database.ts';
import { buildHousehold, COUNTY, createWorlds, INSIDE_VILLAGE, OUTSIDE_VILLAGE, type World } from './factories.ts';

const API = `/api/counties/${COUNTY}`;
const NV1 = '340822100201001';
const NV2 = '340822100201002';
let t: TestApp;
let inside: World;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field
type Json = Record<string, any>;
async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json) {
  const res = await t.inject({ method, url: `${API}${url}`, payload, headers: { 'accept-language': 'zh-CN' } });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
}
async function ok(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json) {
  const res = await call(method, url, payload);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

async function addMember(n: number, nv: string, capacity: number, expertise: string[]) {
  return (
    await ok('POST', '/members', {
      name: `党员${n}`,
      idNumber: makeResidentId(COUNTY, '1979-04-10', 300 + n),
      ethnicity: 'han',
      education: 'senior',
      joinDate: '2006-07-01',
      membership: 'formal',
      branchName: '党支部',
      naturalVillageCode: nv,
      expertise,
      willingness: [],
      capacity,
    })
  ).id as number;
}

async function addHousehold(n: number, nv: string, overrides: Json = {}) {
  return (
    await ok(
      'POST',
      '/households',
      buildHousehold(n, { naturalVillageCode: nv, registryNo: `T${nv}${n}`, ...overrides }),
    )
  ).id as number;
}

/** Runs SQL expecting a refusal; returns the SQLSTATE. */
async function refused(query: ReturnType<typeof sql>): Promise<string> {
  try {
    await query.execute(t.database.db);
  } catch (e) {
    return (e as { code?: string }).code ?? 'unknown';
  }
  return 'accepted';
}

const ids = {} as Record<'m2' | 'm3' | 'h2' | 'h3' | 'h4' | 'h5', number>;

beforeAll(async () => {
  t = await createTestApp();
  ({ inside } = await createWorlds(t));
  // The world's member (capacity 2) already helps the world's household (pairing 'TESTWORLD1').
  ids.m2 = await addMember(11, NV1, 1, ['medical']);
  ids.m3 = await addMember(12, NV2, 2, ['teaching']);
  ids.h2 = await addHousehold(21, NV1);
  ids.h3 = await addHousehold(22, NV2, { mainCause: 'schooling', otherCauses: [] });
  ids.h4 = await addHousehold(23, NV2);
}, 120_000);
afterAll(async () => t?.close());

describe('suggest → confirm → list', () => {
  it('suggests the optimal pairs with reasons and alternatives, then confirms them', async () => {
    const s = await ok('GET', `/pairings/suggestions?within=${INSIDE_VILLAGE}`);
    expect(s.summary).toMatchObject({ householdsNeedingHelp: 3, householdsCovered: 3, shortfall: 0 });
    const byHousehold = new Map<number, Json>(s.suggestions.map((x: Json) => [x.household.id, x]));
    // The doctor takes an 因病 household, the teacher the 因学 one (skill), the world's member the last.
    expect(byHousehold.get(ids.h3)).toMatchObject({
      member: { id: ids.m3, name: '党员12', expertise: ['教育教学'] },
      household: { headName: '张建国22', villageName: '试点村', naturalVillageName: '李家冲', mainCause: '因学' },
      parts: { closeness: 4 },
    });
    expect(byHousehold.get(ids.h3)?.reasons).toContain('同一自然村');
    expect(byHousehold.get(ids.h3)?.reasons[0]).toMatch(/^教育教学特长对应因学致贫（主因）/);
    const doctor = s.suggestions.find((x: Json) => x.member.id === ids.m2);
    expect(doctor.household.mainCause).toBe('因病');
    expect(doctor.household.needs).toEqual(['看病就医']);
    for (const x of s.suggestions) expect(x.fit).toBe(x.parts.skill + x.parts.closeness + x.parts.wish);
    // The world's member keeps one free slot, the teacher one: both can be swapped in elsewhere.
    const alternativeIds = s.suggestions.flatMap((x: Json) => x.alternatives.map((a: Json) => a.member.id));
    expect(alternativeIds.length).toBeGreaterThan(0);
    expect(s.timing.loadMs).toBeGreaterThanOrEqual(0);

    const pairs = s.suggestions.map((x: Json) => ({ memberId: x.member.id, householdId: x.household.id }));
    const confirmed = await ok('POST', '/pairings/confirm', { startOn: '2024-01-02', pairs });
    expect(confirmed.items).toHaveLength(3);
    for (const p of confirmed.items) {
      expect(p.plaqueCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(p).toMatchObject({ startedOn: '2024-01-02', endedOn: null, needsHandover: false });
    }
    const world = confirmed.items.find((p: Json) => p.member.id === inside.memberId);
    expect(world.slot).toBe(2); // slot 1 is the world's first pairing
    const list = await ok('GET', `/pairings?within=${INSIDE_VILLAGE}&sort=household`);
    expect(list.total).toBe(4);
    expect(list.items.map((p: Json) => p.household.headName)).toEqual(['张建国1', '张建国21', '张建国22', '张建国23']);
    const mine = await ok('GET', `/pairings?memberId=${inside.memberId}&q=${encodeURIComponent('党员1')}`);
    expect(mine.total).toBe(2);
    const audits = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'pairing.confirm'`.execute(t.database.db);
    expect(audits.rows[0]!.n).toBe(3);
    const again = await ok('GET', `/pairings/suggestions?within=${INSIDE_VILLAGE}`);
    expect(again.summary).toMatchObject({ householdsNeedingHelp: 0, householdsCovered: 0 });
  });

  it('refuses a member over capacity through the API with a problem per item, writing nothing', async () => {
    ids.h5 = await addHousehold(24, NV1);
    const res = await call('POST', '/pairings/confirm', {
      startOn: '2024-02-01',
      pairs: [
        { memberId: ids.m3, householdId: ids.h5 },
        { memberId: ids.m2, householdId: ids.h5 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([
      expect.objectContaining({ path: 'pairs.1.memberId', code: 'capacity_exceeded' }),
    ]);
    const future = await call('POST', '/pairings/confirm', {
      startOn: '2999-01-01',
      pairs: [{ memberId: ids.m3, householdId: ids.h5 }],
    });
    expect(future.body.details).toEqual([expect.objectContaining({ path: 'startOn', code: 'date_future' })]);
    expect((await ok('GET', `/pairings?householdId=${ids.h5}&status=all`)).total).toBe(0);
  });
});

describe('invariants in SQL', () => {
  const pairingOf = async (memberId: number, householdId: number) =>
    (
      await sql<{ id: number; started_on: string }>`select id, started_on from pairing
        where member_id = ${memberId} and household_id = ${householdId} and ended_on is null`.execute(t.database.db)
    ).rows[0]!;

  it('a third current pairing of a member is a unique violation; a slot beyond 2 a check violation', async () => {
    const insert = (slot: number) =>
      sql`insert into pairing (county_code, member_id, household_id, slot, started_on, plaque_code)
        values (${COUNTY}, ${inside.memberId}, ${ids.h5}, ${slot}, '2024-03-01', ${`SQLTEST${slot}`})`;
    expect(await refused(insert(1))).toBe('23505');
    expect(await refused(insert(3))).toBe('23514');
  });

  it('a pairing ends only by an exit of its household or a successor starting the same day', async () => {
    const p = await pairingOf(inside.memberId, inside.householdId);
    expect(
      await refused(sql`update pairing set ended_on = '2024-06-01', end_reason = 'moved' where id = ${p.id}`),
    ).toBe('23514');
    // A second helper of the same household who started another day cannot be the successor.
    const helper = await sql<{
      id: number;
    }>`insert into pairing (county_code, member_id, household_id, slot, started_on, plaque_code)
      values (${COUNTY}, ${ids.m3}, ${inside.householdId}, 2, '2024-03-01', 'SQLHELPER1') returning id`.execute(
      t.database.db,
    );
    const successor = helper.rows[0]!.id;
    expect(
      await refused(sql`update pairing set ended_on = '2024-06-01', end_reason = 'moved', successor_id = ${successor}
        where id = ${p.id}`),
    ).toBe('23503');
    await asOwner(t.database.db, (tx) => sql`delete from pairing where id = ${successor}`.execute(tx));
  });

  it("another household's exit, or an exit not yet 'exited', cannot end a pairing", async () => {
    const exitOf = async (householdId: number, status: 'exited' | 'notice') =>
      (
        await sql<{
          id: number;
        }>`insert into household_exit (county_code, household_id, year, status, per_capita_net, line,
          assessment, assessed_on, verified_on, signed_on, signer_name, notice_from, exited_on)
        values (${COUNTY}, ${householdId}, 2024, ${status}, 5000, 4000, '{}', '2024-05-01', '2024-05-02', '2024-05-03',
          '户主', '2024-05-04', ${status === 'exited' ? '2024-05-10' : null}) returning id`.execute(t.database.db)
      ).rows[0]!.id;
    const household = await pairingOfAny(ids.m2);
    const p = await pairingOf(ids.m2, household);
    const foreign = await exitOf(household === ids.h4 ? ids.h2 : ids.h4, 'exited');
    const own = await exitOf(household, 'notice');
    const end = (exitId: number) =>
      sql`update pairing set ended_on = '2024-06-01', end_reason = 'exited', exit_id = ${exitId}, exit_status = 'exited'
        where id = ${p.id}`;
    expect(await refused(end(foreign))).toBe('23503');
    expect(await refused(end(own))).toBe('23503');
    await asOwner(t.database.db, (tx) => sql`delete from household_exit where id in (${foreign}, ${own})`.execute(tx));
  });
});

async function pairingOfAny(memberId: number): Promise<number> {
  const { rows } = await sql<{ household_id: number }>`select household_id from pairing
    where member_id = ${memberId} and ended_on is null`.execute(t.database.db);
  return rows[0]!.household_id;
}

describe('handover, measures, rejections, returns, scope', () => {
  it('hands a pairing over the same day and refuses a successor over capacity', async () => {
    const [current] = (await ok('GET', `/pairings?memberId=${ids.m2}`)).items;
    const full = await call('POST', `/pairings/${current.id}/handover`, {
      successorMemberId: inside.memberId,
      on: '2024-06-01',
      reason: 'moved',
      note: '迁往县城',
    });
    expect(full.status).toBe(422);
    expect(full.body.details).toEqual([
      expect.objectContaining({ path: 'successorMemberId', code: 'capacity_exceeded' }),
    ]);
    const m4 = await addMember(13, NV1, 2, ['planting']);
    const successor = await ok('POST', `/pairings/${current.id}/handover`, {
      successorMemberId: m4,
      on: '2024-06-01',
      reason: 'illness',
      note: '长期住院',
    });
    expect(successor).toMatchObject({
      member: { id: m4, name: '党员13' },
      household: { id: current.household.id },
      startedOn: '2024-06-01',
      predecessor: { id: current.id, endedOn: '2024-06-01', endReason: 'illness', successorId: successor.id },
    });
    const old = await ok('GET', `/pairings/${current.id}`);
    expect(old).toMatchObject({ endNote: '长期住院', successor: { id: successor.id } });
    expect(old.history.map((p: Json) => p.id)).toEqual([successor.id, current.id]);
    const patched = await ok('PATCH', `/pairings/${successor.id}`, { measures: '协助办理大病救助' });
    expect(patched.measures).toBe('协助办理大病救助');
  });

  it('never suggests a rejected pair again until the rejection is withdrawn', async () => {
    const first = (await ok('GET', `/pairings/suggestions?within=${INSIDE_VILLAGE}`)).suggestions.find(
      (x: Json) => x.household.id === ids.h5,
    );
    expect(first).toBeDefined();
    await ok('POST', '/pairings/rejections', { memberId: first.member.id, householdId: ids.h5, reason: '年事已高' });
    const next = await ok('GET', `/pairings/suggestions?within=${INSIDE_VILLAGE}`);
    const pairs = next.suggestions.map((x: Json) => `${x.member.id}:${x.household.id}`);
    expect(pairs).not.toContain(`${first.member.id}:${ids.h5}`);
    for (const x of next.suggestions) {
      expect(x.alternatives.map((a: Json) => `${a.member.id}:${x.household.id}`)).not.toContain(
        `${first.member.id}:${ids.h5}`,
      );
    }
    await ok('DELETE', `/pairings/rejections/${first.member.id}/${ids.h5}`);
    const back = await ok('GET', `/pairings/suggestions?within=${INSIDE_VILLAGE}`);
    expect(back.suggestions.find((x: Json) => x.household.id === ids.h5).member.id).toBe(first.member.id);
  });

  it('suggests a helper again for a returned household whose pairing ended with its exit', async () => {
    const [p] = (await ok('GET', `/pairings?householdId=${ids.h3}`)).items;
    const db = t.database.db;
    const exit = await sql<{ id: number }>`insert into household_exit (county_code, household_id, year, status,
        per_capita_net, line, assessment, assessed_on, verified_on, signed_on, signer_name, notice_from, exited_on)
      values (${COUNTY}, ${ids.h3}, 2024, 'exited', 6000, 4000, '{}', '2024-07-01', '2024-07-02', '2024-07-03', '户主',
        '2024-07-04', '2024-07-10') returning id`.execute(db);
    await sql`update pairing set ended_on = '2024-07-10', end_reason = 'exited', exit_id = ${exit.rows[0]!.id},
      exit_status = 'exited' where id = ${p.id}`.execute(db);
    await sql`update household set status = 'exited' where id = ${ids.h3}`.execute(db);
    let s = await ok('GET', `/pairings/suggestions?within=${NV2}`);
    expect(s.suggestions.map((x: Json) => x.household.id)).not.toContain(ids.h3);
    await sql`update household set status = 'returned' where id = ${ids.h3}`.execute(db);
    s = await ok('GET', `/pairings/suggestions?within=${NV2}`);
    expect(s.suggestions.map((x: Json) => x.household.id)).toContain(ids.h3);
    const history = await ok('GET', `/pairings?householdId=${ids.h3}&status=all`);
    expect(history.items.map((x: Json) => x.endReason)).toEqual(['exited']);
  });

  it('filters by grid and finds pairings needing a handover (member gone or over their card)', async () => {
    const grid = await ok('GET', `/pairings?gridId=${inside.gridId}&status=all&pageSize=100`);
    expect(grid.items.map((p: Json) => p.household.id)).toContain(inside.householdId);
    const suggestions = await ok('GET', `/pairings/suggestions?gridId=${inside.gridId}`);
    expect(suggestions.scope).toEqual({ code: INSIDE_VILLAGE, gridId: inside.gridId });
    expect((await ok('GET', `/pairings?needsHandover=true&within=${INSIDE_VILLAGE}`)).total).toBe(0);
    await sql`update party_member set status = 'deceased' where id = ${inside.memberId}`.execute(t.database.db);
    const gone = await ok('GET', `/pairings?needsHandover=true&within=${INSIDE_VILLAGE}`);
    expect(gone.items.map((p: Json) => p.member.id)).toEqual([inside.memberId, inside.memberId]);
    expect(gone.items.every((p: Json) => p.needsHandover)).toBe(true);
    await sql`update party_member set status = 'active', capacity = 1 where id = ${inside.memberId}`.execute(
      t.database.db,
    );
    expect((await ok('GET', `/pairings?needsHandover=true&within=${INSIDE_VILLAGE}`)).total).toBe(2);
    await sql`update party_member set capacity = 2 where id = ${inside.memberId}`.execute(t.database.db);
  });

  it('answers 404 to a village secretary of another township', async () => {
    const other = await t.signIn('village_secretary', OUTSIDE_VILLAGE);
    const [p] = (await ok('GET', `/pairings?within=${INSIDE_VILLAGE}`)).items;
    const get = await other({ url: `${API}/pairings/${p.id}` });
    expect(get.statusCode).toBe(404);
    const suggest = await other({ url: `${API}/pairings/suggestions?within=${INSIDE_VILLAGE}` });
    expect(suggest.statusCode).toBe(404);
    const confirm = await other({
      method: 'POST',
      url: `${API}/pairings/confirm`,
      payload: { startOn: '2024-01-01', pairs: [{ memberId: ids.m3, householdId: ids.h5 }] },
    });
    expect(confirm.statusCode).toBe(404);
    const grid = await other({ url: `${API}/pairings/suggestions?gridId=${inside.gridId}` });
    expect(grid.statusCode).toBe(404);
    const own = await other({ url: `${API}/pairings` });
    expect(own.json().items.every((x: Json) => x.villageName === '石牌村')).toBe(true);
  });
});
