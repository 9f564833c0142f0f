/**
 * Party groups' organisational life (issue 15): the county's rules as data, a group's yearly plan with slot
 * states, the compliance view and county totals, activities planned / held / cancelled with bilingual 422s,
 * attendance for the group's members only, photos, and who may do what: the group's unit, a leader only for the
 * group their member leads (even on a natural-village grant), nobody outside (404). Every write is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRecordUnit } from '../src/db/repositories/record-units.ts';
import { chinaDateOf } from '../src/domain/dates.ts';
import { activityTotals } from '../src/services/party-activities/activity-totals.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { COUNTY, createPlaces, leadGrid, postMember, signInLinked, signInMember, TINY_PNG } from './factories.ts';

const API = `/api/counties/${COUNTY}/party-activities`;
const VILLAGE = '340822100201';
const NV_A = '340822100201001';
const NV_B = '340822100201002';
type Json = Record<string, any>;

let t: TestApp;
const m = { leaderA: 0, leaderB: 0, plain: 0, migrant: 0, outsider: 0 };
const g = { a: 0, b: 0 };
const as = {} as Record<'leaderA' | 'leaderB' | 'secretary' | 'instructor' | 'other' | 'auditor' | 'plain', Inject>;
const today = chinaDateOf();

async function joinGrid(gridId: number, memberId: number) {
  await t.database.db
    .insertInto('grid_member')
    .values({ county_code: COUNTY, grid_id: gridId, member_id: memberId })
    .execute();
}

async function lastAudit(action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'table_name', 'record_id', 'org_code', 'diff'])
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

const create = (who: Inject, payload: Json, within = '') =>
  who({ method: 'POST', url: `${API}${within ? `?within=${within}` : ''}`, payload });

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  m.leaderA = await postMember(t, 1, NV_A, '张组长');
  m.leaderB = await postMember(t, 2, NV_B, '李组长');
  m.plain = await postMember(t, 3, NV_A, '王党员');
  m.migrant = await postMember(t, 4, NV_A, '赵流动');
  m.outsider = await postMember(t, 5, NV_B, '钱党员');
  await t.database.db.updateTable('party_member').set({ is_migrant: true }).where('id', '=', m.migrant).execute();
  const a = await leadGrid(t.database.db, { village: VILLAGE, naturals: [NV_A], leaderId: m.leaderA, name: '一网格' });
  const b = await leadGrid(t.database.db, { village: VILLAGE, naturals: [NV_B], leaderId: m.leaderB, name: '二网格' });
  g.a = a.groupId;
  g.b = b.groupId;
  await joinGrid(a.gridId, m.plain);
  await joinGrid(a.gridId, m.migrant);
  await joinGrid(b.gridId, m.outsider);
  // The groups were set up in 2019, so activities of 2019 and 2020 are after their start.
  await t.database.db.updateTable('party_group').set({ created_at: '2019-01-01T00:00:00+08:00' }).execute();
  await t.database.db
    .updateTable('party_group')
    .set({ activity_address: '一组党员活动室' })
    .where('id', '=', g.a)
    .execute();
  // The demo's case: a leader's grant on their natural village, not on the group's village.
  as.leaderA = await signInLinked(t, 'group_leader', NV_A, m.leaderA);
  as.leaderB = await signInLinked(t, 'group_leader', NV_B, m.leaderB);
  as.secretary = await t.signIn('village_secretary', VILLAGE);
  as.instructor = await t.signIn('instructor', VILLAGE);
  as.other = await t.signIn('township_admin', '340822101');
  as.auditor = await t.signIn('auditor', COUNTY);
  as.plain = await signInMember(t, NV_A, m.plain);
});
afterAll(() => t.close());

describe('rules as data', () => {
  it('gives the defaults to a county without rules, and lets the county admin change them (audited)', async () => {
    const before = (await as.instructor({ url: `${API}/rules` })).json();
    expect(before.isDefault).toBe(true);
    expect(before.rules.map((r: Json) => `${r.kind}:${r.frequency}`)).toEqual([
      'group_meeting:monthly',
      'party_lecture:quarterly',
      'theme_day:monthly',
      'study:quarterly',
      'volunteer:half_yearly',
    ]);
    const refused = await as.secretary({
      method: 'PUT',
      url: `${API}/rules`,
      payload: { rules: [{ kind: 'volunteer', frequency: 'yearly', countsForPoints: false, active: true }] },
    });
    expect(refused.statusCode).toBe(404);
    const twice = await t.inject({
      method: 'PUT',
      url: `${API}/rules`,
      payload: {
        rules: [
          { kind: 'volunteer', frequency: 'yearly', countsForPoints: false, active: true },
          { kind: 'volunteer', frequency: 'monthly', countsForPoints: false, active: true },
        ],
      },
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().details[0]).toMatchObject({ path: 'rules/1/kind', message: '同一类活动只能设置一次' });
    const res = await t.inject({
      method: 'PUT',
      url: `${API}/rules`,
      payload: { rules: [{ kind: 'volunteer', frequency: 'yearly', countsForPoints: false, active: false }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().isDefault).toBe(false);
    expect(res.json().rules).toHaveLength(5);
    expect(res.json().rules[4]).toEqual({
      kind: 'volunteer',
      frequency: 'yearly',
      countsForPoints: false,
      active: false,
    });
    const audit = await lastAudit('party_activity.rules_set');
    expect(audit).toMatchObject({ table_name: 'activity_rule', record_id: COUNTY });
    expect((audit?.diff as Json | undefined)?.source).toEqual(['default', 'county']);
    const rows = await t.database.db
      .selectFrom('activity_rule')
      .selectAll()
      .where('county_code', '=', COUNTY)
      .execute();
    expect(rows).toHaveLength(5);
  });
});

describe('activities', () => {
  let planned = 0;

  it('plans an activity at the group’s activity centre; a leader on a natural-village grant may, for their group', async () => {
    const res = await create(as.leaderA, { groupId: g.a, kind: 'party_lecture', plannedOn: '2020-05-20' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    planned = body.id;
    expect(body).toMatchObject({
      status: 'planned',
      plannedOn: '2020-05-20',
      heldOn: null,
      place: '一组党员活动室',
      groupId: g.a,
      canWrite: true,
    });
    expect(body.roster.map((r: Json) => r.name).sort()).toEqual(['张组长', '王党员', '赵流动'].sort());
    expect(await findRecordUnit(t.database.db, 'activity', COUNTY, planned)).toBe(VILLAGE);
    expect(await lastAudit('party_activity.create')).toMatchObject({
      table_name: 'party_activity',
      record_id: String(planned),
      org_code: VILLAGE,
    });
  });

  it('refuses a leader for another group, and anyone outside the scope (404)', async () => {
    expect((await create(as.leaderB, { groupId: g.a, kind: 'study', plannedOn: '2020-05-20' })).statusCode).toBe(404);
    expect((await create(as.leaderB, { groupId: g.a, kind: 'study', plannedOn: '2020-05-20' }, NV_B)).statusCode).toBe(
      404,
    );
    expect((await create(as.other, { groupId: g.a, kind: 'study', plannedOn: '2020-05-20' })).statusCode).toBe(404);
    expect((await as.other({ url: `${API}/${planned}` })).statusCode).toBe(404);
    expect((await as.leaderB({ url: `${API}/${planned}` })).statusCode).toBe(404);
    // The instructor reads but does not run activities; the leader of group A reads it with canWrite.
    const read = await as.instructor({ url: `${API}/${planned}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().canWrite).toBe(false);
    expect((await create(as.instructor, { groupId: g.a, kind: 'study', plannedOn: '2020-05-20' })).statusCode).toBe(
      404,
    );
  });

  it('checks the dates with bilingual messages', async () => {
    const future = await create(t.inject, { groupId: g.a, kind: 'study', heldOn: '2999-01-01', topic: '学习' });
    expect(future.statusCode).toBe(422);
    expect(future.json().details).toEqual([{ path: 'heldOn', code: 'future', message: '开展日期不能晚于今天' }]);
    const early = await t.inject({
      method: 'POST',
      url: API,
      headers: { 'accept-language': 'en' },
      payload: { groupId: g.a, kind: 'study', heldOn: '2018-06-01' },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().details.map((d: Json) => [d.path, d.code, d.message])).toEqual([
      ['heldOn', 'before_group', 'The held date cannot be before the group was set up (2019-01-01)'],
      ['topic', 'required', 'A held activity needs its topic'],
    ]);
    const none = await create(t.inject, { groupId: g.a, kind: 'study' });
    expect(none.json().details[0].path).toBe('plannedOn');
  });

  it('holds a planned activity (topic, minutes), then refuses to hold or cancel it again (409)', async () => {
    const held = await as.leaderA({
      method: 'POST',
      url: `${API}/${planned}/hold`,
      payload: { heldOn: '2020-06-02', topic: '学习党章', content: '会议记录' },
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({
      status: 'held',
      heldOn: '2020-06-02',
      topic: '学习党章',
      place: '一组党员活动室',
    });
    const audit = await lastAudit('party_activity.hold');
    expect((audit?.diff as Json | undefined)?.status).toEqual(['planned', 'held']);
    const again = await as.leaderA({
      method: 'POST',
      url: `${API}/${planned}/hold`,
      payload: { heldOn: '2020-06-03', topic: '再次' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该活动当前为“已开展”，不能登记开展');
    const cancel = await as.leaderA({ method: 'POST', url: `${API}/${planned}/cancel`, payload: { reason: '下雨' } });
    expect(cancel.statusCode).toBe(409);
  });

  it('cancels a planned activity with its reason', async () => {
    const id = (await create(as.secretary, { groupId: g.b, kind: 'study', plannedOn: '2020-08-01' })).json().id;
    const res = await as.secretary({ method: 'POST', url: `${API}/${id}/cancel`, payload: { reason: '防汛' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '防汛' });
    expect(await lastAudit('party_activity.cancel')).toMatchObject({ record_id: String(id) });
  });

  it('marks attendance for the group’s members only: excused needs a reason, remote only for a migrant', async () => {
    const bad = await as.leaderA({
      method: 'PUT',
      url: `${API}/${planned}/attendance`,
      payload: {
        marks: [
          { memberId: m.outsider, status: 'present' },
          { memberId: m.plain, status: 'excused' },
          { memberId: m.leaderA, status: 'present', remote: true },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.map((d: Json) => [d.path, d.code])).toEqual([
      ['marks/0/memberId', 'not_in_group'],
      ['marks/1/reason', 'required'],
      ['marks/2/remote', 'not_migrant'],
    ]);
    expect(await t.database.db.selectFrom('activity_attendance').selectAll().execute()).toEqual([]);
    const res = await as.leaderA({
      method: 'PUT',
      url: `${API}/${planned}/attendance`,
      payload: {
        marks: [
          { memberId: m.leaderA, status: 'present' },
          { memberId: m.plain, status: 'excused', reason: '外出务工' },
          { memberId: m.migrant, status: 'present', remote: true },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const roster = Object.fromEntries(res.json().roster.map((r: Json) => [r.memberId, r]));
    expect(roster[m.leaderA]).toMatchObject({ status: 'present', remote: false, method: 'leader' });
    expect(roster[m.plain]).toMatchObject({ status: 'excused', reason: '外出务工' });
    expect(roster[m.migrant]).toMatchObject({ status: 'present', remote: true });
    const audit = await lastAudit('party_activity.attendance');
    expect(Object.keys((audit?.diff ?? {}) as Json).sort()).toEqual(
      [`member_${m.leaderA}`, `member_${m.plain}`, `member_${m.migrant}`].sort(),
    );
    // Marking the same again changes nothing and records nothing.
    const seqBefore = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await as.leaderA({
      method: 'PUT',
      url: `${API}/${planned}/attendance`,
      payload: { marks: [{ memberId: m.plain, status: 'excused', reason: '外出务工' }] },
    });
    const seqAfter = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(seqAfter.n)).toBe(Number(seqBefore.n));
  });

  it('refuses attendance for an activity not held (409)', async () => {
    const id = (await create(as.leaderA, { groupId: g.a, kind: 'study', plannedOn: '2020-09-09' })).json().id;
    const res = await as.leaderA({
      method: 'PUT',
      url: `${API}/${id}/attendance`,
      payload: { marks: [{ memberId: m.plain, status: 'present' }] },
    });
    expect(res.statusCode).toBe(409);
  });

  it('attaches a photo and serves it to readers of the activity', async () => {
    const res = await as.leaderA({
      method: 'POST',
      url: `${API}/${planned}/photos`,
      payload: { data: TINY_PNG, thumbnail: TINY_PNG },
    });
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json().photos[0];
    expect(photo).toMatchObject({ mime: 'image/png' });
    const file = await as.instructor({ url: `${API}/${planned}/photos/${photo.id}/thumbnail` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(Buffer.from(TINY_PNG, 'base64'))).toBe(true);
    expect((await as.other({ url: `${API}/${planned}/photos/${photo.id}` })).statusCode).toBe(404);
    const bad = await as.leaderA({
      method: 'POST',
      url: `${API}/${planned}/photos`,
      payload: { data: Buffer.from('not an image').toString('base64'), thumbnail: TINY_PNG },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('lists activities by scope and group with filters, paged', async () => {
    const all = (await as.secretary({ url: `${API}?within=${VILLAGE}` })).json();
    expect(all.total).toBe(3);
    const held = (await as.secretary({ url: `${API}?status=held` })).json();
    expect(held.items.map((i: Json) => [i.id, i.present, i.marked])).toEqual([[planned, 2, 3]]);
    const mine = (await as.leaderA({ url: `${API}` })).json();
    expect(mine.items.every((i: Json) => i.groupId === g.a)).toBe(true);
    expect(mine.total).toBe(2);
    const byKind = (await as.secretary({ url: `${API}?kind=party_lecture&from=2020-06-01&to=2020-06-30` })).json();
    expect(byKind.items.map((i: Json) => i.id)).toEqual([planned]);
    const paged = (await as.secretary({ url: `${API}?pageSize=1&page=2&sort=date` })).json();
    expect(paged.items).toHaveLength(1);
    expect((await as.other({ url: `${API}?within=${VILLAGE}` })).statusCode).toBe(404);
  });
});

describe('plan and compliance', () => {
  it('gives each slot of the year its state, and sums compliance by village and group', async () => {
    // 2020 for group A: January and February meetings (February's late, in March), the rest of the year missed.
    for (const [plannedOn, heldOn] of [
      ['2020-01-10', '2020-01-10'],
      ['2020-02-10', '2020-03-05'],
    ] as const) {
      const id = (await create(t.inject, { groupId: g.a, kind: 'group_meeting', plannedOn })).json().id;
      const held = await t.inject({ method: 'POST', url: `${API}/${id}/hold`, payload: { heldOn, topic: '组会' } });
      expect(held.statusCode, held.body).toBe(200);
    }
    const plan = (await as.leaderA({ url: `${API}/plan?groupId=${g.a}&year=2020` })).json();
    // Rules now: volunteer inactive → 12 + 4 + 12 + 4 slots.
    expect(plan.slots).toHaveLength(32);
    const meetings = plan.slots.filter((s: Json) => s.kind === 'group_meeting');
    expect(meetings.slice(0, 3).map((s: Json) => [s.state, s.heldOn])).toEqual([
      ['held', '2020-01-10'],
      ['late', '2020-03-05'],
      [today > '2020-03-31' ? 'missed' : 'due', null],
    ]);
    const lecture = plan.slots.find((s: Json) => s.kind === 'party_lecture' && s.period === 2);
    expect(lecture).toMatchObject({ state: 'held', heldOn: '2020-06-02' });
    expect(plan.compliance).toEqual({ required: 32, held: 2, late: 1, missed: 29, due: 0 });

    const byGroup = (await as.secretary({ url: `${API}/compliance?year=2020&by=group&sort=-held` })).json();
    expect(byGroup.items.map((r: Json) => [r.code, r.held, r.late, r.missed])).toEqual([
      [String(g.a), 2, 1, 29],
      [String(g.b), 0, 0, 32],
    ]);
    expect(byGroup.totals).toEqual({ required: 64, held: 2, late: 1, missed: 61, due: 0 });
    const byVillage = (await as.secretary({ url: `${API}/compliance?year=2020` })).json();
    expect(byVillage.items).toEqual([
      expect.objectContaining({ code: VILLAGE, groups: 2, required: 64, held: 2, late: 1, missed: 61, due: 0 }),
    ]);
    expect(byVillage.items[0].rate).toBeCloseTo(2 / 64, 3);
    // A leader's natural village reaches only their own group.
    const leader = (await as.leaderA({ url: `${API}/compliance?year=2020&by=group` })).json();
    expect(leader.items.map((r: Json) => r.code)).toEqual([String(g.a)]);
    expect((await as.leaderB({ url: `${API}/plan?groupId=${g.a}&year=2020` })).statusCode).toBe(404);
    expect((await as.other({ url: `${API}/compliance?within=${VILLAGE}` })).statusCode).toBe(404);
    // The county's totals are the same figures.
    expect(await activityTotals(t.database.db, COUNTY, 2020)).toEqual(byGroup.totals);
  });
});

describe('a member’s own view', () => {
  it('lists the activities of the member’s group with their own attendance', async () => {
    const res = await as.plain({ url: `${API}/mine` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.group).toEqual({ id: g.a, name: '一网格党小组' });
    const lecture = body.items.find((i: Json) => i.kind === 'party_lecture');
    expect(lecture).toMatchObject({ status: 'held', myStatus: 'excused' });
    expect(body.items.every((i: Json) => i.status !== 'cancelled')).toBe(true);
    const none = await as.instructor({ url: `${API}/mine` });
    expect(none.json()).toMatchObject({ member: null, group: null, items: [] });
  });
});
