/**
 * Public commitments over the API: the whole yearly cycle with real values, the item rules (1–3, paired
 * households), wrong-state transitions, the year-end evaluation date, a 'member' user writing only their own,
 * a village secretary reviewing, scope 404s, and the database's own bound on item positions.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoAccounts } from '../src/demo/accounts.ts';
import { seedDemoCommitments } from '../src/demo/commitments.ts';
import { Rng } from '../src/demo/random.ts';
import { chinaDateOf } from '../src/domain/dates.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { asOwner } from './database.ts';
import { COUNTY, createPlaces, insertPairing, postHousehold, postMember, signInMember } from './factories.ts';

const BASE = `/api/counties/${COUNTY}/commitments`;
const NV = '340822100201001';
const NV2 = '340822100201002';
const OUT_NV = '340822101201001';
const TODAY = chinaDateOf();
const YEAR = Number(TODAY.slice(0, 4));

let t: TestApp;
const m = { a: 0, b: 0, out: 0 };
const h = { a1: 0, a2: 0, b1: 0, out: 0 };

type Json = Record<string, unknown>;

async function send(as: Inject, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json, lang = 'zh') {
  return as({ method, url, ...(payload ? { payload } : {}), headers: { 'accept-language': lang } });
}

async function propose(as: Inject, memberId: number, year: number, items: Json[]) {
  return send(as, 'POST', BASE, { memberId, year, items });
}

/** A commitment of member `memberId` for `year` brought to `published` by the county admin; returns it. */
async function published(memberId: number, year: number, items: Json[] = [{ content: '帮助联系务工岗位' }]) {
  const created = await propose(t.inject, memberId, year, items);
  expect(created.statusCode).toBe(201);
  const id = created.json().id;
  expect((await send(t.inject, 'POST', `${BASE}/${id}/review`, { decision: 'approve' })).statusCode).toBe(200);
  const res = await send(t.inject, 'POST', `${BASE}/${id}/publish`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  m.a = await postMember(t, 1, NV, '王承诺');
  m.b = await postMember(t, 2, NV, '李守信');
  m.out = await postMember(t, 3, OUT_NV, '赵外乡');
  h.a1 = await postHousehold(t, 11, NV);
  h.a2 = await postHousehold(t, 12, NV);
  h.b1 = await postHousehold(t, 13, NV2);
  h.out = await postHousehold(t, 14, OUT_NV);
  const db = t.database.db;
  await insertPairing(db, { memberId: m.a, householdId: h.a1, slot: 1 });
  await insertPairing(db, { memberId: m.a, householdId: h.a2, slot: 2 });
  await insertPairing(db, { memberId: m.b, householdId: h.b1, slot: 1 });
  await insertPairing(db, { memberId: m.out, householdId: h.out, slot: 1 });
});
afterAll(() => t.close());

describe('commitment lifecycle', () => {
  it('proposes, returns, edits, approves, publishes, fulfils an item and evaluates, audited at every step', async () => {
    const year = YEAR - 1;
    const created = await propose(t.inject, m.a, year, [
      { content: '帮助张建国11申请小额信贷发展养殖', householdId: h.a1, dueOn: `${year}-06-30` },
      { content: '每月走访张建国12一次', householdId: h.a2 },
    ]);
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      memberId: m.a,
      memberName: '王承诺',
      naturalVillageCode: NV,
      naturalVillageName: '张家湾',
      villageName: '试点村',
      year,
      status: 'proposed',
      reviewComment: null,
      publishedOn: null,
    });
    expect(c.items).toEqual([
      {
        id: expect.any(Number),
        position: 1,
        content: '帮助张建国11申请小额信贷发展养殖',
        householdId: h.a1,
        householdHeadName: '张建国11',
        dueOn: `${year}-06-30`,
        fulfilledOn: null,
        evidence: null,
      },
      expect.objectContaining({ position: 2, householdId: h.a2, householdHeadName: '张建国12', dueOn: null }),
    ]);
    const url = `${BASE}/${c.id}`;

    const returned = await send(t.inject, 'POST', `${url}/review`, {
      decision: 'return',
      comment: '请补充一项集体事务承诺',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewComment: '请补充一项集体事务承诺',
      reviewedOn: TODAY,
    });

    const edited = await send(t.inject, 'PUT', url, {
      items: [
        { content: '帮助张建国11申请小额信贷发展养殖', householdId: h.a1, dueOn: `${year}-06-30` },
        { content: '每月走访张建国12一次', householdId: h.a2 },
        { content: '  参与村组道路维护义务劳动  ' },
      ],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().status).toBe('proposed');
    expect(edited.json().items.map((i: Json) => [i.position, i.content, i.householdId])).toEqual([
      [1, '帮助张建国11申请小额信贷发展养殖', h.a1],
      [2, '每月走访张建国12一次', h.a2],
      [3, '参与村组道路维护义务劳动', null],
    ]);

    const approved = await send(t.inject, 'POST', `${url}/review`, { decision: 'approve', comment: '同意' });
    expect(approved.json()).toMatchObject({ status: 'approved', reviewComment: '同意' });
    const pub = await send(t.inject, 'POST', `${url}/publish`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', publishedOn: TODAY });

    const first = pub.json().items[0].id;
    const fulfilled = await send(t.inject, 'POST', `${url}/items/${first}/fulfil`, {
      on: `${year}-05-20`,
      evidence: '贷款 3 万元已发放，购入母猪 5 头',
    });
    expect(fulfilled.statusCode).toBe(200);
    expect(fulfilled.json().items[0]).toMatchObject({
      fulfilledOn: `${year}-05-20`,
      evidence: '贷款 3 万元已发放，购入母猪 5 头',
    });
    expect(fulfilled.json().items[1]).toMatchObject({ fulfilledOn: null, evidence: null });

    const list = await send(t.inject, 'GET', `${BASE}?within=340822100201&year=${year}`);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.json().items[0]).toMatchObject({
      id: c.id,
      memberName: '王承诺',
      villageName: '试点村',
      status: 'published',
      items: 3,
      fulfilled: 1,
      publishedOn: TODAY,
    });

    const evaluated = await send(t.inject, 'POST', `${url}/evaluate`, {
      grade: 'good',
      evaluation: '兑现 1 项，其余在推进',
    });
    expect(evaluated.statusCode).toBe(200);
    expect(evaluated.json()).toMatchObject({
      status: 'evaluated',
      evaluationGrade: 'good',
      evaluation: '兑现 1 项，其余在推进',
      evaluatedOn: TODAY,
    });

    const trail = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'org_code'])
      .where('table_name', '=', 'commitment')
      .where('record_id', '=', String(c.id))
      .orderBy('seq')
      .execute();
    expect(trail.map((r) => r.action)).toEqual([
      'commitment.propose',
      'commitment.review',
      'commitment.edit',
      'commitment.review',
      'commitment.publish',
      'commitment.fulfil',
      'commitment.evaluate',
    ]);
    expect(new Set(trail.map((r) => r.org_code))).toEqual(new Set([NV]));
  });

  it('lists by status, member, name search, sort and page', async () => {
    await propose(t.inject, m.b, YEAR, [{ content: '帮助李家冲户销售茶叶', householdId: h.b1 }]);
    const byName = await send(t.inject, 'GET', `${BASE}?q=${encodeURIComponent('守信')}`);
    expect(byName.json().items.map((r: Json) => r.memberName)).toEqual(['李守信']);
    const proposed = await send(t.inject, 'GET', `${BASE}?status=proposed&memberId=${m.b}`);
    expect(proposed.json().items).toHaveLength(1);
    expect(proposed.json().items[0]).toMatchObject({ year: YEAR, items: 1, fulfilled: 0, status: 'proposed' });
    const byYear = await send(t.inject, 'GET', `${BASE}?sort=year&pageSize=1&page=1`);
    expect(byYear.json().total).toBeGreaterThanOrEqual(2);
    expect(byYear.json().items[0].year).toBe(YEAR - 1);
    const paged = await send(t.inject, 'GET', `${BASE}?sort=-year&pageSize=1&page=2`);
    expect(paged.json().items).toHaveLength(1);
    expect(paged.json().page).toBe(2);
  });
});

describe('commitment rules', () => {
  it('refuses a fourth item, an empty list, blank words and a due date outside the year (422)', async () => {
    const items = [1, 2, 3, 4].map((n) => ({ content: `承诺事项${n}` }));
    const four = await propose(t.inject, m.a, YEAR + 1, items);
    expect(four.statusCode).toBe(422);
    expect(four.json().details).toEqual([{ path: 'items', code: 'item_count', message: '每年承诺 1–3 项，现有 4 项' }]);
    const none = await propose(t.inject, m.a, YEAR + 1, []);
    expect(none.statusCode).toBe(422);
    const bad = await propose(t.inject, m.a, YEAR + 1, [{ content: '   ', dueOn: `${YEAR}-12-31` }]);
    expect(bad.json().details.map((d: Json) => d.path)).toEqual(['items.0.content', 'items.0.dueOn']);
    const count = await t.database.db
      .selectFrom('commitment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('member_id', '=', m.a)
      .where('year', '=', YEAR + 1)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a household the member is not paired with (422), and a year out of range (422)', async () => {
    const other = await propose(t.inject, m.a, YEAR + 1, [{ content: '帮扶李家冲户', householdId: h.b1 }]);
    expect(other.statusCode).toBe(422);
    expect(other.json().details).toEqual([
      { path: 'items.0.householdId', code: 'household_not_paired', message: '只能选择该党员当前结对帮扶的户' },
    ]);
    const old = await propose(t.inject, m.a, YEAR - 2, [{ content: '补报承诺' }]);
    expect(old.statusCode).toBe(422);
    expect(old.json().details[0]).toMatchObject({ path: 'year', code: 'year_out_of_range' });
  });

  it('refuses wrong transitions with 409 naming the current state', async () => {
    const created = await propose(t.inject, m.out, YEAR, [{ content: '帮助王家畈户修缮房屋', householdId: h.out }]);
    const id = created.json().id;
    const item = created.json().items[0].id;
    const publish = await send(t.inject, 'POST', `${BASE}/${id}/publish`);
    expect(publish.statusCode).toBe(409);
    expect(publish.json().message).toBe('承诺当前状态为“待审核”，不能公开（须为“已审核”）');
    const fulfil = await send(
      t.inject,
      'POST',
      `${BASE}/${id}/items/${item}/fulfil`,
      { on: TODAY, evidence: '已完成' },
      'en',
    );
    expect(fulfil.statusCode).toBe(409);
    expect(fulfil.json().message).toBe('The commitment is proposed: cannot record fulfilment (it must be published)');
    const noComment = await send(t.inject, 'POST', `${BASE}/${id}/review`, { decision: 'return', comment: '  ' });
    expect(noComment.statusCode).toBe(422);
    expect(noComment.json().details[0]).toMatchObject({ path: 'comment', code: 'comment_required' });
    expect((await send(t.inject, 'POST', `${BASE}/${id}/review`, { decision: 'approve' })).statusCode).toBe(200);
    const again = await send(t.inject, 'POST', `${BASE}/${id}/review`, { decision: 'approve' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('“已审核”');
    await send(t.inject, 'POST', `${BASE}/${id}/publish`);
    const edit = await send(t.inject, 'PUT', `${BASE}/${id}`, { items: [{ content: '改' }] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('“已公开”');
    const future = await send(t.inject, 'POST', `${BASE}/${id}/items/${item}/fulfil`, {
      on: `${YEAR + 1}-01-01`,
      evidence: '已完成',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().details[0]).toMatchObject({ path: 'on', code: 'future_date' });
    expect(
      (await send(t.inject, 'POST', `${BASE}/${id}/items/${item}/fulfil`, { on: TODAY, evidence: '房屋已修缮' }))
        .statusCode,
    ).toBe(200);
    const twice = await send(t.inject, 'POST', `${BASE}/${id}/items/${item}/fulfil`, { on: TODAY, evidence: '再次' });
    expect(twice.statusCode).toBe(409);
    const duplicate = await propose(t.inject, m.out, YEAR, [{ content: '再提一次' }]);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toContain('已有承诺（当前状态为“已公开”）');
    const missing = await send(t.inject, 'POST', `${BASE}/${id}/items/999999/fulfil`, { on: TODAY, evidence: '无' });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses to evaluate before 1 December of the commitment year (422)', async () => {
    const c = await published(m.out, YEAR + 1);
    const res = await send(t.inject, 'POST', `${BASE}/${c.id}/evaluate`, { grade: 'excellent', evaluation: '好' });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0]).toMatchObject({ path: 'grade', code: 'too_early' });
    expect(res.json().details[0].message).toBe(`${YEAR + 1} 年的承诺须在年终评价，${YEAR + 1}-12-01 起方可评价`);
  });
});

describe('commitment access', () => {
  it("lets a 'member' user propose and fulfil their own, and answers 404 for another member's", async () => {
    const own = await signInMember(t, NV, m.a);
    const mine = await propose(own, m.a, YEAR, [{ content: '帮助张建国11联系技术培训', householdId: h.a1 }]);
    expect(mine.statusCode).toBe(201);
    const theirs = await propose(own, m.b, YEAR + 1, [{ content: '替别人承诺' }]);
    expect(theirs.statusCode).toBe(404);
    const bOfYear = await send(t.inject, 'GET', `${BASE}?memberId=${m.b}&year=${YEAR}`);
    const bId = bOfYear.json().items[0].id;
    expect((await send(own, 'GET', `${BASE}/${bId}`)).statusCode).toBe(200); // reading is pairing.read
    expect((await send(own, 'PUT', `${BASE}/${bId}`, { items: [{ content: '改别人的' }] })).statusCode).toBe(404);
    expect((await send(own, 'PUT', `${BASE}/${mine.json().id}`, { items: [{ content: '改自己的' }] })).statusCode).toBe(
      200,
    );
    expect((await send(own, 'POST', `${BASE}/${mine.json().id}/review`, { decision: 'approve' })).statusCode).toBe(404);
    const nobody = await signInMember(t, NV, null);
    expect((await propose(nobody, m.a, YEAR + 1, [{ content: '无党员身份' }])).statusCode).toBe(404);
  });

  it('lets the village secretary review in the village, and answers 404 from another township', async () => {
    const created = await propose(t.inject, m.a, YEAR + 1, [{ content: '年度承诺' }]);
    const id = created.json().id;
    const outside = await t.signIn('village_secretary', '340822101201');
    expect((await send(outside, 'POST', `${BASE}/${id}/review`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await send(outside, 'GET', `${BASE}/${id}`)).statusCode).toBe(404);
    expect((await send(outside, 'GET', `${BASE}?within=340822100`)).statusCode).toBe(404);
    expect((await propose(outside, m.b, YEAR + 1, [{ content: '跨乡镇' }])).statusCode).toBe(404);
    const outsideList = await send(outside, 'GET', BASE);
    expect(outsideList.json().items.every((r: Json) => r.naturalVillageCode === OUT_NV)).toBe(true);
    const secretary = await t.signIn('village_secretary', '340822100201');
    const res = await send(secretary, 'POST', `${BASE}/${id}/review`, { decision: 'approve', comment: '支部同意' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reviewComment: '支部同意' });
    const households = await send(secretary, 'GET', `${BASE}/members/${m.a}/households`);
    expect(households.json()).toMatchObject({
      memberId: m.a,
      memberName: '王承诺',
      households: [
        { householdId: h.a1, headName: '张建国11', startedOn: '2020-03-01' },
        { householdId: h.a2, headName: '张建国12', startedOn: '2020-03-01' },
      ],
    });
    expect((await send(outside, 'GET', `${BASE}/members/${m.a}/households`)).statusCode).toBe(404);
  });
});

describe('commitment constraints in SQL', () => {
  it('refuses a fourth item position and a second commitment of the same year', async () => {
    const db = t.database.db;
    const c = await db
      .selectFrom('commitment')
      .select('id')
      .where('member_id', '=', m.a)
      .where('year', '=', YEAR)
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('commitment_item')
        .values({ county_code: COUNTY, commitment_id: c.id, position: 4, content: '第四项' })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`insert into commitment (county_code, member_id, year) values (${COUNTY}, ${m.a}, ${YEAR})`.execute(db),
    ).rejects.toThrow(/duplicate key|unique/);
  });
});

describe('demo seed', () => {
  async function seeded() {
    return (
      await sql<Json>`select c.member_id, c.status, c.review_comment, c.reviewed_on::text, c.published_on::text,
          i.position, i.content, i.household_id, i.due_on::text, i.fulfilled_on::text, i.evidence
        from commitment c join commitment_item i on i.county_code = c.county_code and i.commitment_id = c.id
        where c.year = 2020 order by c.member_id, i.position`.execute(t.database.db)
    ).rows;
  }

  it("writes the year's commitments for paired members, deterministically, naming only their households", async () => {
    const db = t.database.db;
    const summary = await seedDemoCommitments(db, COUNTY, new Rng(7), 2020, '2020-12-31');
    expect(summary.commitments).toBe(3); // the three members holding pairings
    const first = await seeded();
    expect(first).toHaveLength(summary.items);
    expect(first.filter((r) => r.fulfilled_on !== null)).toHaveLength(summary.fulfilled);
    const paired = new Map([
      [m.a, [h.a1, h.a2]],
      [m.b, [h.b1]],
      [m.out, [h.out]],
    ]);
    for (const row of first) {
      if (row.household_id !== null) expect(paired.get(Number(row.member_id))).toContain(Number(row.household_id));
      if (row.fulfilled_on !== null) {
        expect(row.status).toBe('published');
        expect(String(row.fulfilled_on) >= String(row.published_on)).toBe(true);
        expect(String(row.fulfilled_on) <= '2020-12-31').toBe(true);
      }
      expect(Number(row.position)).toBeLessThanOrEqual(3);
    }
    // Again with the same seed on the same pairings: the same rows; and a second run adds nothing.
    // Commitments are append-only for the application's role: the test's reset is the owner's.
    await asOwner(db, async (tx) => {
      await sql`delete from commitment_item where commitment_id in (select id from commitment where year = 2020)`.execute(
        tx,
      );
      await sql`delete from commitment where year = 2020`.execute(tx);
    });
    await seedDemoCommitments(db, COUNTY, new Rng(7), 2020, '2020-12-31');
    expect(await seeded()).toEqual(first);
    expect((await seedDemoCommitments(db, COUNTY, new Rng(7), 2020, '2020-12-31')).commitments).toBe(0);
  });

  it('links the demo member account to an active member of its natural village', async () => {
    await writeDemoAccounts(t.database.db, COUNTY);
    const grant = await t.database.db
      .selectFrom('role_grant as g')
      .innerJoin('app_user as u', 'u.id', 'g.user_id')
      .select(['g.org_code', 'g.member_id'])
      .where('u.username', '=', 'demo_member')
      .executeTakeFirstOrThrow();
    expect(grant).toEqual({ org_code: NV, member_id: m.a });
  });
});
