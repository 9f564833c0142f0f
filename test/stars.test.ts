/**
 * Star ratings over the API and the round's services: stars by the county's thresholds and quotas, a veto caps
 * the stars with its reason (automatic from a poor commitment, recorded with its evidence and approved by
 * someone else), the review steps by role (self, group leader, branch), notice with objections, the final
 * result in the member's history, and 评先评优 by township quota with an objection removing a shortlisted member.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceRound } from '../src/services/assessment/advance-round.ts';
import { finalizeExemplary } from '../src/services/assessment/shortlist-exemplary.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import {
  COUNTY,
  insertHelpRecord,
  leadGrid,
  openPointsWorld,
  publishCommitment,
  signInLinked,
  signInMember,
} from './factories.ts';

const BASE = `/api/counties/${COUNTY}/assessment`;
const VILLAGE = '340822100201';
const NV = '340822100201001';
const YEAR = 2020;

let t: TestApp;
/** Ten members of one natural village: member i has i verified help records (score i with 1 point each). */
const members: number[] = [];
let household = 0;
let verifier = 0;

/** `n` help records of a member, spread over the year's first months. */
async function helpRecords(memberId: number, n: number, status: 'verified' | 'returned' = 'verified') {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const visitedOn = `2020-0${1 + (i % 9)}-1${i % 10}`;
    ids.push(await insertHelpRecord(t.database.db, { householdId: household, memberId, visitedOn, status, verifier }));
  }
  return ids;
}

const post = (as: Inject, url: string, payload: Record<string, unknown>) =>
  as({ method: 'POST', url: `${BASE}${url}`, payload });

async function recompute() {
  const res = await post(t.inject, '/recompute', { year: YEAR });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function rating(memberId: number) {
  return t.database.db
    .selectFrom('star_rating')
    .selectAll()
    .where('year', '=', YEAR)
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestApp();
  const world = await openPointsWorld(
    t,
    Array.from({ length: 10 }, (_, i) => [NV, `党员${i + 1}号`] as const),
    21,
  );
  members.push(...world.members);
  ({ household, verifier } = world);
  for (const [i, id] of members.entries()) await helpRecords(id, i + 1);
  // Thresholds 2/4/6/8 with 5★ ≤ 10 % and 4★ ≤ 20 % of the ten rated members.
  const settings = await t.inject({
    method: 'PUT',
    url: `${BASE}/star-settings`,
    payload: {
      thresholds: [2, 4, 6, 8],
      quotas: { '5': 0.1, '4': 0.2, '3': null },
      noticeDays: 5,
      exemplaryQuota: 1,
      exemplaryQuotas: {},
    },
  });
  expect(settings.statusCode, settings.body).toBe(200);
});
afterAll(() => t?.close());

describe('star ratings', () => {
  it('give stars by thresholds, then move the excess over a quota down a star', async () => {
    const summary = await recompute();
    // By score: 8,9,10 → 5★ (quota 1: 10 stays, 9 and 8 move to 4★); 6,7 → 4★ (quota 2 of 4 candidates).
    expect(summary).toMatchObject({ members: 10, rated: 10, byStars: { '5': 1, '4': 2, '3': 4, '2': 2, '1': 1 } });
    expect(await rating(members[9] as number)).toMatchObject({ computed_stars: 5, by_score: 5, lowered: null });
    expect(await rating(members[8] as number)).toMatchObject({ computed_stars: 4, by_score: 5, lowered: 'quota' });
    const board = await t.inject({ method: 'GET', url: `${BASE}/board?year=${YEAR}` });
    expect(board.json()).toMatchObject({ stage: 'review', members: 10, rated: 10, byStars: summary.byStars });
  });

  it('cap the stars by a veto with its reason: a poor commitment at once, a recorded one once approved', async () => {
    const top = members[9] as number;
    const commitment = await publishCommitment(t.database.db, top, YEAR, [{ content: '帮助销售农产品' }]);
    await sql`update commitment set status = 'evaluated', evaluation_grade = 'poor', evaluation = '未兑现',
      evaluated_on = '2020-12-05' where id = ${commitment}`.execute(t.database.db);
    await recompute();
    expect(await rating(top)).toMatchObject({
      computed_stars: 2,
      by_score: 5,
      veto_code: 'commitment_poor',
      lowered: 'veto',
    });
    const page = (await t.inject({ method: 'GET', url: `${BASE}/members/${top}/points?year=${YEAR}` })).json();
    expect(page.vetoes).toEqual([
      {
        code: 'commitment_poor',
        maxStars: 2,
        reason: { zh: '公开承诺年终评价为较差', en: 'Commitment evaluated poor' },
      },
    ]);

    const target = members[7] as number;
    const [verified] = await helpRecords(target, 1);
    const [returned] = await helpRecords(target, 1, 'returned');
    const wrong = await post(t.inject, `/members/${target}/vetoes`, {
      year: YEAR,
      vetoCode: 'fabricated_record',
      recordId: verified,
      reason: '虚报',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().details[0].path).toBe('recordId');
    const recorded = await post(t.inject, `/members/${target}/vetoes`, {
      year: YEAR,
      vetoCode: 'fabricated_record',
      recordId: returned,
      reason: '帮扶纪实经核查为虚报',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    await recompute();
    expect((await rating(target)).veto_code).toBeNull(); // not approved yet
    const other = await t.signIn('township_admin', '340822100');
    const approved = await post(other, `/members/${target}/vetoes/${recorded.json().id}/decision`, {
      decision: 'approved',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    await recompute();
    expect(await rating(target)).toMatchObject({ computed_stars: 1, veto_code: 'fabricated_record', lowered: 'veto' });
  });

  it('take the review steps from the member, their group leader and their branch, within the veto cap', async () => {
    const [leader, ...rest] = members.slice(0, 6) as [number, ...number[]];
    const subject = rest[4] as number; // members[5], score 6
    const { gridId } = await leadGrid(t.database.db, { village: VILLAGE, naturals: [NV], leaderId: leader });
    await t.database.db
      .insertInto('grid_member')
      .values({ county_code: COUNTY, grid_id: gridId, member_id: subject })
      .execute();
    const self = await signInMember(t, NV, subject);
    const mine = await self({
      method: 'POST',
      url: `${BASE}/me/review`,
      payload: { year: YEAR, stars: 4, comment: '积极帮扶' },
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const notLeader = await signInLinked(t, 'group_leader', NV, members[1] as number);
    const refused = await post(notLeader, `/members/${subject}/review`, { year: YEAR, step: 'group', stars: 3 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details[0].code).toBe('not_reviewer');
    const groupLeader = await signInLinked(t, 'group_leader', NV, leader);
    expect(
      (await post(groupLeader, `/members/${subject}/review`, { year: YEAR, step: 'group', stars: 3 })).statusCode,
    ).toBe(200);
    const asBranch = await post(groupLeader, `/members/${subject}/review`, { year: YEAR, step: 'branch', stars: 3 });
    expect(asBranch.statusCode).toBe(422);
    const secretary = await t.signIn('village_secretary', VILLAGE);
    expect(
      (await post(secretary, `/members/${subject}/review`, { year: YEAR, step: 'branch', stars: 3 })).statusCode,
    ).toBe(200);
    expect(await rating(subject)).toMatchObject({ self_stars: 4, group_stars: 3, branch_stars: 3 });
    const overCap = await post(secretary, `/members/${members[7]}/review`, { year: YEAR, step: 'branch', stars: 3 });
    expect(overCap.statusCode).toBe(422);
    expect(overCap.json().details[0]).toMatchObject({ path: 'stars', code: 'veto_cap' });
    // A recompute keeps the steps already taken.
    await recompute();
    expect(await rating(subject)).toMatchObject({ self_stars: 4, group_stars: 3, branch_stars: 3 });
  });

  it('go on notice, take objections, and become final only after the notice with none open', async () => {
    const subject = members[5] as number;
    const early = await post(t.inject, `/members/${subject}/objections`, {
      year: YEAR,
      target: 'rating',
      content: '不实',
    });
    expect(early.statusCode).toBe(422);
    const notice = await t.inject({ method: 'POST', url: `${BASE}/rounds/${YEAR}/notice` });
    expect(notice.statusCode, notice.body).toBe(200);
    const from = (await t.database.db.selectFrom('assessment_round').select('notice_from').executeTakeFirstOrThrow())
      .notice_from as string;
    const neighbour = await signInMember(t, NV, members[2] as number);
    const objection = await post(neighbour, `/members/${subject}/objections`, {
      year: YEAR,
      target: 'rating',
      content: '该党员全年入户次数多，评议偏低',
    });
    expect(objection.statusCode, objection.body).toBe(201);
    const later = new Date(Date.parse(`${from}T00:00:00Z`) + 5 * 86400_000).toISOString().slice(0, 10);
    await expect(advanceRound(t.database.db, COUNTY, YEAR, 'final', from)).rejects.toMatchObject({
      details: [{ code: 'notice_running' }],
    });
    await expect(advanceRound(t.database.db, COUNTY, YEAR, 'final', later)).rejects.toMatchObject({
      details: [{ code: 'open_objections' }],
    });
    const resolved = await post(t.inject, `/members/${subject}/objections/${objection.json().id}/resolve`, {
      decision: 'upheld',
      resolution: '复核后调整为四星',
      stars: 4,
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await advanceRound(t.database.db, COUNTY, YEAR, 'final', later)).toMatchObject({
      stage: 'final',
      finalized: 10,
    });
    expect(await rating(subject)).toMatchObject({ branch_stars: 4, final_stars: 4 });
    expect((await rating(members[7] as number)).final_stars).toBe(1);
    const page = (await t.inject({ method: 'GET', url: `${BASE}/members/${subject}/points?year=${YEAR}` })).json();
    expect(page.history).toEqual([expect.objectContaining({ year: YEAR, stars: 4, final: true })]);
    expect(page.stage).toBe('final');
  });

  it('shortlist exemplary members by township quota from final stars then points; an upheld objection removes one', async () => {
    const run = await t.inject({ method: 'POST', url: `${BASE}/rounds/${YEAR}/exemplary` });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ shortlisted: 1, townships: 1 });
    const list = (await t.inject({ method: 'GET', url: `${BASE}/exemplary?year=${YEAR}` })).json();
    // Vetoes took members[9] and [7] out of the top: members[8] (9 points) holds the 5★ place, ahead of the 4★
    // members[6] and [5]; the township's quota is 1.
    expect(list).toMatchObject({
      stage: 'notice',
      items: [{ memberId: members[8], rank: 1, stars: 5, status: 'shortlisted' }],
    });
    const objection = await post(t.inject, `/members/${members[8]}/objections`, {
      year: YEAR,
      target: 'exemplary',
      content: '群众反映帮扶走过场',
    });
    expect(objection.statusCode, objection.body).toBe(201);
    const other = await t.signIn('county_admin', COUNTY);
    const upheld = await post(other, `/members/${members[8]}/objections/${objection.json().id}/resolve`, {
      decision: 'upheld',
      resolution: '经核实属实，取消推荐',
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(await finalizeExemplary(t.database.db, COUNTY, YEAR, '2100-01-01')).toEqual({ year: YEAR, final: 0 });
    const final = (await t.inject({ method: 'GET', url: `${BASE}/exemplary?year=${YEAR}` })).json();
    expect(final).toMatchObject({ stage: 'final', items: [{ memberId: members[8], status: 'removed' }] });
  });
});
