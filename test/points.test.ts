/**
 * Member points over the API: every line traces to its record and links to its page; a help record counts only
 * while verified (the page is live: a verification or a return shows at once); manual items need someone else's
 * approval; a rule change re-scores the computed year; and who reads whose points (own only, points.read in
 * scope, the auditor, nobody outside).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import {
  COUNTY,
  type HelpRecordFixture,
  insertHelpRecord,
  openPointsWorld,
  publishCommitment,
  signInLinked,
  signInMember,
} from './factories.ts';

const BASE = `/api/counties/${COUNTY}/assessment`;
const NV = '340822100201001';
const OUT_NV = '340822101201001';
const YEAR = 2020;

let t: TestApp;
const m = { a: 0, b: 0, out: 0 };
let household = 0;
let verifier = 0;

type Json = Record<string, unknown>;

const helpRecord = (memberId: number, visitedOn: string, status: HelpRecordFixture['status']) =>
  insertHelpRecord(t.database.db, { householdId: household, memberId, visitedOn, status, verifier });

const points = async (as: Inject, memberId: number) => {
  const res = await as({ method: 'GET', url: `${BASE}/members/${memberId}/points?year=${YEAR}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  const world = await openPointsWorld(
    t,
    [
      [NV, '王积分'],
      [NV, '李积分'],
      [OUT_NV, '赵外乡'],
    ],
    11,
  );
  [m.a, m.b, m.out] = world.members as [number, number, number];
  ({ household, verifier } = world);
});
afterAll(() => t?.close());

describe('member points', () => {
  it('trace every line to its record, link it to the record page, and total by the rules', async () => {
    const verified = await helpRecord(m.a, '2020-03-02', 'verified');
    await helpRecord(m.a, '2020-03-05', 'submitted');
    await helpRecord(m.a, '2020-04-01', 'returned');
    await helpRecord(m.a, '2019-12-30', 'verified'); // another year
    const commitment = await publishCommitment(t.database.db, m.a, YEAR, [
      { content: '帮助联系务工岗位', fulfilledOn: '2020-06-01' },
      { content: '协调危房改造' },
    ]);
    const page = await points(t.inject, m.a);
    expect(page).toMatchObject({ memberId: m.a, memberName: '王积分', year: YEAR, total: 6 });
    expect(page.lines).toEqual([
      {
        item: 'help_verified',
        table: 'assistance_record',
        recordId: verified,
        on: '2020-03-02',
        link: 'household',
        linkId: household,
        rulePoints: 1,
        awarded: 1,
        capped: false,
      },
      expect.objectContaining({
        item: 'commitment_fulfilled',
        table: 'commitment_item',
        on: '2020-06-01',
        link: 'commitment',
        linkId: commitment,
        awarded: 5,
      }),
    ]);
    expect(page.byItem).toEqual([
      { item: 'help_verified', points: 1, cap: 20 },
      { item: 'commitment_fulfilled', points: 5, cap: 20 },
    ]);
    expect(page.computedAt).toBeNull();
  });

  it('are live: a verification adds its points at once, a returned record has none and loses them at once', async () => {
    const id = await helpRecord(m.a, '2020-05-05', 'submitted');
    const before = (await points(t.inject, m.a)).total;
    const verify = await t.inject({
      method: 'POST',
      url: `/api/counties/${COUNTY}/help-records/${id}/verify`,
      payload: { decision: 'verify' },
    });
    expect(verify.statusCode, verify.body).toBe(200);
    const after = await points(t.inject, m.a);
    expect(after.total).toBe(before + 1);
    expect(after.lines.map((l: Json) => l.recordId)).toContain(id);
    const other = await helpRecord(m.a, '2020-05-06', 'submitted');
    const returned = await t.inject({
      method: 'POST',
      url: `/api/counties/${COUNTY}/help-records/${other}/verify`,
      payload: { decision: 'return', comment: '照片与内容不符' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await points(t.inject, m.a)).total).toBe(before + 1);
    // A record found fabricated after its verification (a correction by the registry office) is returned too:
    // its points leave the page with it, before any recompute.
    await sql`update assistance_record set status = 'returned', verify_comment = '事后核查为虚报'
      where id = ${id}`.execute(t.database.db);
    const corrected = await points(t.inject, m.a);
    expect(corrected.total).toBe(before);
    expect(corrected.lines.map((l: Json) => l.recordId)).not.toContain(id);
  });

  it('count a manual bonus only once someone other than its requester approved it', async () => {
    const other = await t.signIn('county_admin', COUNTY);
    const requested = await t.inject({
      method: 'POST',
      url: `${BASE}/members/${m.a}/adjustments`,
      payload: { year: YEAR, kind: 'bonus', points: 3, reason: '抗洪救灾表现突出' },
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const id = requested.json().id;
    const before = (await points(t.inject, m.a)).total;
    const own = await t.inject({
      method: 'POST',
      url: `${BASE}/members/${m.a}/adjustments/${id}/decision`,
      payload: { decision: 'approved' },
    });
    expect(own.statusCode).toBe(422);
    expect(own.json().details[0]).toMatchObject({ path: 'decision', code: 'own_request' });
    const wrongMember = await other({
      method: 'POST',
      url: `${BASE}/members/${m.b}/adjustments/${id}/decision`,
      payload: { decision: 'approved' },
    });
    expect(wrongMember.statusCode).toBe(404);
    const approved = await other({
      method: 'POST',
      url: `${BASE}/members/${m.a}/adjustments/${id}/decision`,
      payload: { decision: 'approved' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const page = await points(t.inject, m.a);
    expect(page.total).toBe(before + 3);
    expect(page.lines).toContainEqual(
      expect.objectContaining({
        item: 'bonus',
        table: 'point_adjustment',
        recordId: id,
        awarded: 3,
        link: 'adjustment',
      }),
    );
    const again = await other({
      method: 'POST',
      url: `${BASE}/members/${m.a}/adjustments/${id}/decision`,
      payload: { decision: 'rejected' },
    });
    expect(again.statusCode).toBe(422);
    const list = await t.inject({ method: 'GET', url: `${BASE}/requests?year=${YEAR}` });
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ kind: 'adjustment', id, memberId: m.a, status: 'approved', points: 3 }),
    );
  });

  it('are stored by the recompute, and a rule change re-scores the computed year', async () => {
    const live = (await points(t.inject, m.a)).total;
    const run = await t.inject({ method: 'POST', url: `${BASE}/recompute`, payload: { year: YEAR } });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ year: YEAR, members: 3, rated: 3, exempt: 0 });
    const stored = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('member_points')
            .select('total')
            .where('member_id', '=', m.a)
            .where('year', '=', YEAR)
            .executeTakeFirstOrThrow()
        ).total,
      );
    expect(await stored()).toBe(live);
    const page = await points(t.inject, m.a);
    expect(page.computedAt).not.toBeNull();
    expect(page.rating).toMatchObject({ score: live, computedStars: 1 });
    const settings = (await t.inject({ method: 'GET', url: `${BASE}/settings` })).json();
    expect(settings.own).toBe(false);
    const rules = settings.rules.map((r: Json) => (r.item === 'help_verified' ? { ...r, points: 4 } : r));
    const changed = await t.inject({ method: 'PUT', url: `${BASE}/point-rules`, payload: { rules } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ rescored: [YEAR] });
    // One verified record of 2020 is left: +3 for it.
    expect(await stored()).toBe(live + 3);
    expect((await points(t.inject, m.a)).total).toBe(live + 3);
    const bad = await t.inject({
      method: 'PUT',
      url: `${BASE}/point-rules`,
      payload: { rules: [{ item: 'attendance', points: -1, yearlyCap: 30 }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details[0].path).toBe('rules.0.points');
  });
});

describe('who reads points', () => {
  it('lets a member read only their own points, through /me (none when the account names no member)', async () => {
    const member = await signInMember(t, NV, m.a);
    const own = await member({ method: 'GET', url: `${BASE}/me/points?year=${YEAR}` });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().points).toMatchObject({ memberId: m.a, memberName: '王积分' });
    expect((await member({ method: 'GET', url: `${BASE}/members/${m.b}/points` })).statusCode).toBe(404);
    expect((await member({ method: 'GET', url: `${BASE}/members/${m.a}/points` })).statusCode).toBe(404);
    const unlinked = await signInMember(t, NV, null);
    expect((await unlinked({ method: 'GET', url: `${BASE}/me/points` })).json()).toEqual({ points: null });
    const elsewhere = await signInLinked(t, 'member', '340822101', m.out);
    expect((await elsewhere({ method: 'GET', url: `${BASE}/me/points?year=${YEAR}` })).json().points.memberId).toBe(
      m.out,
    );
  });

  it('lets points.read holders and the auditor read in their scope, and nobody outside it', async () => {
    const auditor = await t.signIn('auditor', '340822100');
    expect((await points(auditor, m.a)).memberId).toBe(m.a);
    const secretary = await t.signIn('village_secretary', '340822100201');
    expect((await points(secretary, m.b)).memberId).toBe(m.b);
    const outside = await t.signIn('township_admin', '340822101');
    expect((await outside({ method: 'GET', url: `${BASE}/members/${m.a}/points` })).statusCode).toBe(404);
    expect((await points(outside, m.out)).memberId).toBe(m.out);
    const board = await outside({ method: 'GET', url: `${BASE}/board?year=${YEAR}&within=340822100` });
    expect(board.statusCode).toBe(404);
    const own = await outside({ method: 'GET', url: `${BASE}/board?year=${YEAR}` });
    expect(own.json()).toMatchObject({ scope: '340822101', members: 1 });
    const request = await outside({
      method: 'POST',
      url: `${BASE}/members/${m.a}/adjustments`,
      payload: { year: YEAR, kind: 'bonus', points: 1, reason: '越权' },
    });
    expect(request.statusCode).toBe(404);
  });
});
