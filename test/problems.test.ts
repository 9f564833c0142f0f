/**
 * Problems over the API: raised by a helper, carried grid → village → township → county, resolved and confirmed;
 * reopened; refusals (wrong level or role, the county's ceiling, blank fields, scope 404); deadlines and the
 * overdue sweep moving exactly the late ones, idempotent; notifications and unread counts; the scheduler.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOverdue } from '../src/services/problems/sweep-overdue.ts';
import { startSweepScheduler } from '../src/services/problems/sweep-scheduler.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import {
  COUNTY,
  createPlaces,
  insertPairing,
  leadGrid,
  postHousehold,
  postMember,
  signInLinked,
  signInMember,
} from './factories.ts';

const BASE = `/api/counties/${COUNTY}/problems`;
const INBOX = `/api/counties/${COUNTY}/inbox`;
const NV = '340822100201001';
const OUT_NV = '340822101201001';
const HOUR = 3600_000;

let t: TestApp;
const h = { a: 0, b: 0, out: 0 };
const as = {} as Record<'helper' | 'leader' | 'secretary' | 'township' | 'county' | 'outsider', Inject>;

type Json = Record<string, unknown>;
const post = (who: Inject, url: string, payload: Json) => who({ method: 'POST', url, payload });
const act = (who: Inject, id: number, payload: Json) => post(who, `${BASE}/${id}/actions`, payload);
const unread = async (who: Inject) => (await who({ method: 'GET', url: INBOX })).json().unread as number;

async function raise(who: Inject, householdId: number, extra: Json = {}) {
  const res = await post(who, BASE, { householdId, category: 'industry', description: '缺少种苗资金', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  const member = await postMember(t, 1, NV, '王帮扶');
  h.a = await postHousehold(t, 11, NV);
  h.b = await postHousehold(t, 12, NV);
  h.out = await postHousehold(t, 13, OUT_NV);
  await insertPairing(t.database.db, { memberId: member, householdId: h.a, slot: 1 });
  as.helper = await signInMember(t, NV, member);
  // The group leader is the member who leads the grid of NV; their grant names that member.
  const leader = await postMember(t, 2, NV, '李组长');
  await leadGrid(t.database.db, { village: '340822100201', naturals: [NV], leaderId: leader });
  as.leader = await signInLinked(t, 'group_leader', NV, leader);
  as.secretary = await t.signIn('village_secretary', '340822100201');
  as.township = await t.signIn('township_admin', '340822100');
  as.county = t.inject;
  as.outsider = await t.signIn('township_admin', '340822101');
});
afterAll(() => t.close());

describe('problem escalation', () => {
  let id = 0;
  it('is raised by the helper at the grid with the grid deadline, and the group leader is notified', async () => {
    const before = Date.now();
    const p = await raise(as.helper, h.a);
    id = p.id;
    expect(p).toMatchObject({ level: 'grid', status: 'open', holderCode: NV, urgency: 'normal', overdue: false });
    expect(p.events.map((e: Json) => e.action)).toEqual(['raise']);
    const hours = (Date.parse(p.dueAt) - Date.parse(p.levelEnteredAt)) / HOUR;
    expect(hours).toBe(72);
    expect(Date.parse(p.levelEnteredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await unread(as.leader)).toBe(1);
    expect(await unread(as.secretary)).toBe(0);
    const leaderView = (await as.leader({ method: 'GET', url: `${BASE}/${id}` })).json();
    expect(leaderView.allowedActions).toEqual(['accept', 'hand_to_department', 'resolve', 'escalate']);
  });

  it('goes up grid → village → township → county, each level notified, and no further', async () => {
    expect((await act(as.leader, id, { action: 'accept' })).json().status).toBe('accepted');
    let res = await act(as.leader, id, { action: 'escalate', reason: '资金超出网格能力' });
    expect(res.json()).toMatchObject({
      level: 'village',
      status: 'open',
      holderCode: '340822100201',
      holderName: '试点村',
    });
    expect(await unread(as.secretary)).toBe(1);
    res = await act(as.secretary, id, { action: 'hand_to_department', department: '村集体经济合作社' });
    expect(res.json()).toMatchObject({ status: 'with_department', department: '村集体经济合作社' });
    res = await act(as.secretary, id, { action: 'escalate', reason: '需乡镇协调' });
    expect(res.json()).toMatchObject({ level: 'township', status: 'open', holderCode: '340822100', department: null });
    expect(await unread(as.township)).toBe(1);
    res = await act(as.township, id, { action: 'escalate', reason: '需县级政策' });
    expect(res.json()).toMatchObject({ level: 'county', status: 'open', holderCode: COUNTY });
    expect(await unread(as.county)).toBe(1);
    expect((Date.parse(res.json().dueAt) - Date.parse(res.json().levelEnteredAt)) / HOUR).toBe(480);
    res = await act(as.county, id, { action: 'escalate', reason: '再上报' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
  });

  it('is resolved with a resolution only, and the helper who raised it confirms', async () => {
    let res = await act(as.county, id, { action: 'resolve', resolution: '  ' });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].path).toBe('resolution');
    res = await act(as.county, id, { action: 'resolve', resolution: '县农业农村局落实产业补助 3000 元' });
    expect(res.json()).toMatchObject({ status: 'resolved', resolution: '县农业农村局落实产业补助 3000 元' });
    expect(await unread(as.helper)).toBe(1);
    const view = (await as.helper({ method: 'GET', url: `${BASE}/${id}` })).json();
    expect(view.allowedActions).toEqual(['confirm', 'reopen']);
    res = await act(as.helper, id, { action: 'confirm', comment: '户主满意' });
    expect(res.json()).toMatchObject({ status: 'closed', level: 'county' });
    expect(res.json().closedAt).not.toBeNull();
    expect(res.json().events.map((e: Json) => e.action)).toEqual([
      'raise',
      'accept',
      'escalate',
      'hand_to_department',
      'escalate',
      'escalate',
      'resolve',
      'confirm',
    ]);
    expect(res.json().events[2]).toMatchObject({ fromLevel: 'grid', toLevel: 'village', comment: '资金超出网格能力' });
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('table_name', '=', 'problem')
      .where('record_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'problem.raise',
      'problem.accept',
      'problem.escalate',
      'problem.hand_to_department',
      'problem.escalate',
      'problem.escalate',
      'problem.resolve',
      'problem.confirm',
    ]);
  });

  it('is reopened with a reason at the level that resolved it, with a fresh deadline', async () => {
    expect((await act(as.helper, id, { action: 'reopen', reason: '' })).statusCode).toBe(422);
    const countyUnread = await unread(as.county);
    const res = await act(as.helper, id, { action: 'reopen', reason: '补助未到账' });
    expect(res.json()).toMatchObject({
      status: 'reopened',
      level: 'county',
      reopenedCount: 1,
      resolution: null,
      closedAt: null,
    });
    expect(await unread(as.county)).toBe(countyUnread + 1);
    expect((await act(as.county, id, { action: 'accept' })).json().status).toBe('accepted');
  });
});

describe('refusals', () => {
  it('refuses the wrong level or role with 409, and a non-helper member with 404', async () => {
    const p = await raise(as.leader, h.b, { category: 'medical', urgency: 'urgent' });
    expect((Date.parse(p.dueAt) - Date.parse(p.levelEnteredAt)) / HOUR).toBe(12);
    expect(p.raisedByMemberId).toBeNull();
    expect((await act(as.township, p.id, { action: 'accept' })).statusCode).toBe(409);
    expect((await act(as.helper, p.id, { action: 'accept' })).statusCode).toBe(409);
    expect((await act(as.leader, p.id, { action: 'confirm' })).statusCode).toBe(409);
    await act(as.leader, p.id, { action: 'escalate', reason: '需村里协调' });
    expect((await act(as.leader, p.id, { action: 'resolve', resolution: '已解决' })).statusCode).toBe(409);
    expect((await post(as.helper, BASE, { householdId: h.b, category: 'industry', description: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('answers 404 outside the scope and 422 for an unknown category', async () => {
    const p = await raise(as.county, h.a);
    expect((await as.outsider({ method: 'GET', url: `${BASE}/${p.id}` })).statusCode).toBe(404);
    expect((await act(as.outsider, p.id, { action: 'accept' })).statusCode).toBe(404);
    expect(
      (await post(as.outsider, BASE, { householdId: h.a, category: 'industry', description: 'x' })).statusCode,
    ).toBe(404);
    const list = (await as.outsider({ method: 'GET', url: BASE })).json();
    expect(list.items.every((i: Json) => String(i.naturalVillageCode).startsWith('340822101'))).toBe(true);
    const bad = await post(as.county, BASE, { householdId: h.a, category: 'nonsense', description: 'x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details[0].path).toBe('category');
    expect((await as.county({ method: 'GET', url: `${BASE}/999999` })).statusCode).toBe(404);
  });
});

describe('deadlines and the overdue sweep', () => {
  it('lists the late ones by level and escalates exactly those, once', async () => {
    const db = t.database.db;
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await raise(as.county, h.out, { description: `超期测试${i}` })).id);
    const [gridLate, townshipLate, countyLate, gridOnTime, resolvedLate] = ids as number[];
    const late = sql`now() - interval '1 hour'`;
    const entered = sql`now() - interval '500 hours'`;
    const move = async (id: number, level: string, holder: string) =>
      sql`update problem set level = ${level}, holder_code = ${holder}, level_entered_at = ${entered}, due_at = ${late} where id = ${id}`.execute(
        db,
      );
    await move(gridLate as number, 'grid', OUT_NV);
    await move(townshipLate as number, 'township', '340822101');
    await move(countyLate as number, 'county', COUNTY);
    await move(resolvedLate as number, 'grid', OUT_NV);
    await sql`update problem set status = 'resolved', resolution = '已解决', resolved_at = now() where id = ${resolvedLate}`.execute(
      db,
    );
    const board = (await as.county({ method: 'GET', url: `${BASE}/overdue` })).json();
    expect(board.levels).toEqual([
      { level: 'grid', count: 1, maxHoursLate: 1 },
      { level: 'village', count: 0, maxHoursLate: 0 },
      { level: 'township', count: 1, maxHoursLate: 1 },
      { level: 'county', count: 1, maxHoursLate: 1 },
    ]);
    expect(board.items.map((i: Json) => i.id).sort()).toEqual([gridLate, townshipLate, countyLate].sort());
    expect(board.items[0]).toMatchObject({ overdue: true, hoursLate: 1 });
    const filtered = (await as.county({ method: 'GET', url: `${BASE}?overdue=true&level=grid` })).json();
    expect(filtered.items.map((i: Json) => i.id)).toEqual([gridLate]);
    const countyBefore = await unread(as.county);

    expect(await sweepOverdue(db, { batchSize: 2 })).toEqual({ checked: 3, escalated: 2 });
    const rows = await db
      .selectFrom('problem')
      .select(['id', 'level', 'status', 'overdue_flagged_at', 'due_at'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    expect(byId.get(gridLate as number)).toMatchObject({ level: 'village', status: 'open', overdue_flagged_at: null });
    expect(byId.get(townshipLate as number)).toMatchObject({ level: 'county', status: 'open' });
    expect(byId.get(countyLate as number)?.level).toBe('county');
    expect(byId.get(countyLate as number)?.overdue_flagged_at).not.toBeNull();
    expect(byId.get(gridOnTime as number)?.level).toBe('grid');
    expect(byId.get(resolvedLate as number)).toMatchObject({ level: 'grid', status: 'resolved' });
    expect(new Date(byId.get(gridLate as number)?.due_at as Date).getTime()).toBeGreaterThan(Date.now());
    const trail = (await as.county({ method: 'GET', url: `${BASE}/${gridLate}` })).json().events.at(-1);
    expect(trail).toMatchObject({
      action: 'escalate',
      automatic: true,
      fromLevel: 'grid',
      toLevel: 'village',
      actor: 'system',
    });
    // township → county: one 'arrived'; the county one: one 'overdue'.
    expect(await unread(as.county)).toBe(countyBefore + 2);

    expect(await sweepOverdue(db)).toEqual({ checked: 0, escalated: 0 });
    expect(await unread(as.county)).toBe(countyBefore + 2);
  });

  it('runs in the scheduler never twice at once', async () => {
    const scheduler = startSweepScheduler(t.database.db, 0);
    const [first, second] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(first).toEqual({ checked: 0, escalated: 0 });
    expect(second).toBeNull();
    await scheduler.stop();
  });
});

describe('inbox', () => {
  it('lists notifications newest first and marks them read', async () => {
    const page = (await as.leader({ method: 'GET', url: `${INBOX}?unread=true` })).json();
    expect(page.unread).toBeGreaterThanOrEqual(2);
    expect(page.items[0]).toMatchObject({ kind: 'problem_arrived', readAt: null });
    expect(page.items[0].textZh).toMatch(/已到网格/);
    const first = page.items[0].id;
    const one = await post(as.leader, `${INBOX}/read`, { ids: [first] });
    expect(one.json()).toEqual({ marked: 1, unread: page.unread - 1 });
    const all = await post(as.leader, `${INBOX}/read`, {});
    expect(all.json()).toEqual({ marked: page.unread - 1, unread: 0 });
    expect((await post(as.outsider, `${INBOX}/read`, { ids: [first] })).json()).toEqual({ marked: 0, unread: 0 });
  });
});
