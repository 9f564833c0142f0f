/**
 * Plaques and their public page over the API: the member's published number, a plaque's real values and QR code,
 * a village's bulk print order, nothing sensitive in any plaque or public answer, public feedback (validation,
 * rate limit, once a day), moderation (pending hidden, approved shown, scope), and ended or unknown plaques.
 * Pairings and commitments are inserted directly (test/pairing-factory.ts).
 */
import type { InjectOptions } from 'fastify';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../src/domain/dates.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { buildHousehold, COUNTY, createPairing, createPlaces, publishCommitment } from './factories.ts';

const API = `/api/counties/${COUNTY}`;
const VILLAGE = '340822100201';
const HOST = { host: 'lianxin.example.test', 'x-forwarded-proto': 'https' };
const YEAR = Number(chinaDateOf().slice(0, 4));

let t: TestApp;
const ids = { h1: 0, h2: 0, h3: 0, helper: 0, other: 0 };
const plaques = { p1: { id: 0, plaqueCode: '' }, p2: { id: 0, plaqueCode: '' }, p3: { id: 0, plaqueCode: '' } };
let ended = '';
let ip = 0;

/** A request from a visitor of its own (a fresh IP), unless `from` is given. */
function visitor(options: InjectOptions, from?: string) {
  ip += 1;
  return t.app.inject({ ...options, remoteAddress: from ?? `10.1.${Math.floor(ip / 250)}.${ip % 250}` });
}

async function household(n: number, nv: string): Promise<number> {
  const payload = buildHousehold(n, { naturalVillageCode: nv, registryNo: `${nv}${String(n).padStart(2, '0')}` });
  const res = await t.inject({ method: 'POST', url: `${API}/households`, payload });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

async function member(n: number, nv: string, extra: Record<string, unknown> = {}): Promise<number> {
  const payload = {
    name: `帮扶人${n}`,
    idNumber: makeResidentId(COUNTY, '1979-04-02', 200 + n),
    phone: `1390000000${n}`,
    ethnicity: 'han',
    education: 'college',
    joinDate: '2004-07-01',
    membership: 'formal',
    branchName: '试点村党支部',
    naturalVillageCode: nv,
    capacity: 2,
    ...extra,
  };
  const res = await t.inject({ method: 'POST', url: `${API}/members`, payload });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  ids.h1 = await household(1, '340822100201002');
  ids.h2 = await household(2, '340822100201001');
  ids.h3 = await household(3, '340822101201001');
  ids.helper = await member(1, '340822100201001', { workUnit: '县农业农村局', post: '农技员' });
  ids.other = await member(2, '340822101201001');
  const db = t.database.db;
  plaques.p1 = await createPairing(db, {
    memberId: ids.helper,
    householdId: ids.h1,
    measures: '发展茶叶种植，申请小额信贷',
    startedOn: '2026-01-15',
  });
  plaques.p2 = await createPairing(db, { memberId: ids.helper, householdId: ids.h2, slot: 2 });
  plaques.p3 = await createPairing(db, { memberId: ids.other, householdId: ids.h3, startedOn: '2026-01-15' });
  // An earlier pairing of household 3 handed over to p3 the day p3 started.
  const old = await db
    .insertInto('pairing')
    .values({
      county_code: COUNTY,
      member_id: ids.helper,
      household_id: ids.h3,
      slot: 1,
      started_on: '2025-03-01',
      ended_on: '2026-01-15',
      end_reason: 'moved',
      successor_id: plaques.p3.id,
      plaque_code: 'OLD0001',
    })
    .returning('plaque_code')
    .executeTakeFirstOrThrow();
  ended = old.plaque_code;
  await publishCommitment(db, ids.helper, YEAR, [
    { content: '帮助联系茶叶收购商', fulfilledOn: `${YEAR}-01-02` },
    { content: '每月走访一次' },
  ]);
});
afterAll(() => t.close());

describe('the member card publishes a contact number', () => {
  it('PATCH accepts publicPhone, GET returns it unmasked, bad numbers are refused', async () => {
    const url = `${API}/members/${ids.helper}`;
    const bad = await t.inject({ method: 'PATCH', url, payload: { publicPhone: '12345' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('publicPhone');
    const set = await t.inject({ method: 'PATCH', url, payload: { publicPhone: '0556-5123456' } });
    expect(set.statusCode).toBe(200);
    expect(set.json().publicPhone).toBe('0556-5123456');
    expect(set.json().phone).toMatch(/\*/); // the personal phone stays masked
    expect((await t.inject({ url })).json().publicPhone).toBe('0556-5123456');
    const cleared = await t.inject({ method: 'PATCH', url, payload: { publicPhone: null } });
    expect(cleared.json().publicPhone).toBeNull();
    await t.inject({ method: 'PATCH', url, payload: { publicPhone: '0556-5123456' } });
  });
});

describe('plaques', () => {
  it("one pairing's plaque has the household, helper, measures, commitments and a QR code of its public URL", async () => {
    const res = await t.inject({ url: `${API}/pairings/${plaques.p1.id}/plaque`, headers: HOST });
    expect(res.statusCode).toBe(200);
    const plaque = res.json();
    expect(plaque.household).toEqual({
      headName: '张建国1',
      naturalVillageName: '李家冲',
      villageName: '试点村',
      attribute: { code: 'general', zh: '一般贫困户', en: expect.any(String) },
      mainCause: { code: 'illness', zh: '因病', en: expect.any(String) },
      status: { code: 'identified', zh: expect.any(String), en: expect.any(String) },
    });
    expect(plaque.helper).toEqual({
      name: '帮扶人1',
      workUnit: '县农业农村局',
      post: '农技员',
      publicPhone: '0556-5123456',
    });
    expect(plaque.measures).toBe('发展茶叶种植，申请小额信贷');
    expect(plaque.commitmentYear).toBe(YEAR);
    expect(plaque.commitments.map((c: { content: string; fulfilled: boolean }) => [c.content, c.fulfilled])).toEqual([
      ['帮助联系茶叶收购商', true],
      ['每月走访一次', false],
    ]);
    const url = `https://lianxin.example.test/p/${COUNTY}/${plaques.p1.plaqueCode}`;
    expect(plaque.url).toBe(url);
    expect(plaque.qrSvg).toMatch(/^<svg /);
    expect(plaque.qrSvg).toBe(await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
    const size = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size;
    expect(plaque.qrSvg).toContain(`viewBox="0 0 ${size + 2} ${size + 2}"`);
  });

  it('PUBLIC_ORIGIN, when set, is the origin of the QR code', async () => {
    process.env.PUBLIC_ORIGIN = 'https://lx.county.gov.cn/';
    try {
      const plaque = (await t.inject({ url: `${API}/pairings/${plaques.p1.id}/plaque`, headers: HOST })).json();
      expect(plaque.url).toBe(`https://lx.county.gov.cn/p/${COUNTY}/${plaques.p1.plaqueCode}`);
    } finally {
      delete process.env.PUBLIC_ORIGIN;
    }
  });

  it("a village's plaques are its current pairings by natural village, then head's name", async () => {
    const res = await t.inject({ url: `${API}/plaques?village=${VILLAGE}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; household: { naturalVillageName: string } }[];
    expect(items.map((p) => p.id)).toEqual([plaques.p2.id, plaques.p1.id]);
    expect(items.map((p) => p.household.naturalVillageName)).toEqual(['张家湾', '李家冲']);
    const other = (await t.inject({ url: `${API}/plaques?village=340822101201` })).json().items;
    expect(other.map((p: { id: number }) => p.id)).toEqual([plaques.p3.id]); // the ended pairing is not printed
    expect((await t.inject({ url: `${API}/plaques?village=3408221002` })).statusCode).toBe(400);
  });

  it('a township outside sees neither plaque nor village (404)', async () => {
    const outside = await t.signIn('township_admin', '340822101');
    expect((await outside({ url: `${API}/pairings/${plaques.p1.id}/plaque` })).statusCode).toBe(404);
    expect((await outside({ url: `${API}/plaques?village=${VILLAGE}` })).statusCode).toBe(404);
    expect((await t.inject({ url: `${API}/pairings/999999/plaque` })).statusCode).toBe(404);
  });
});

describe('nothing sensitive on plaques or the public page', () => {
  it('no ID number, personal phone, bank account or health detail in any answer', async () => {
    const sensitive: string[] = [];
    for (const id of [ids.h1, ids.h2]) {
      const s = (await t.inject({ url: `${API}/households/${id}/sensitive` })).json();
      sensitive.push(s.phone, s.bankAccount, ...s.persons.map((p: { idNumber: string }) => p.idNumber));
    }
    const m = (await t.inject({ url: `${API}/members/${ids.helper}/sensitive` })).json();
    sensitive.push(m.idNumber, m.phone);
    expect(sensitive.every((v) => typeof v === 'string' && v.length >= 11)).toBe(true);
    const health = ['chronic', '长期慢性病', 'Long-term chronic illness', '慢性病用药'];
    const answers = [
      (await t.inject({ url: `${API}/pairings/${plaques.p1.id}/plaque` })).body,
      (await t.inject({ url: `${API}/plaques?village=${VILLAGE}` })).body,
      (await visitor({ url: `/api/public/plaques/${COUNTY}/${plaques.p1.plaqueCode}` })).body,
      (await visitor({ url: `/api/public/plaques/${COUNTY}/${plaques.p2.plaqueCode}` })).body,
    ];
    for (const body of answers) {
      expect(body).toContain('张建国');
      for (const value of [...sensitive, ...health]) expect(body).not.toContain(value);
      // Not even a masked form of the personal phones.
      expect(body).not.toMatch(/1[3-9][0-9]\*{4}[0-9]{4}/);
    }
  });
});

describe('the public page', () => {
  it('shows the plaque and progress without signing in', async () => {
    const res = await visitor({ url: `/api/public/plaques/${COUNTY}/${plaques.p1.plaqueCode}` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.ended).toBe(false);
    expect(page.household.headName).toBe('张建国1');
    expect(page.helper.publicPhone).toBe('0556-5123456');
    const days = Math.round((Date.parse(chinaDateOf()) - Date.parse('2026-01-15')) / 86_400_000);
    expect(page.progress).toEqual({
      daysPaired: Math.max(0, days),
      commitmentsFulfilled: 1,
      commitmentsTotal: 2,
      feedbackCount: 0,
      feedbackAverage: null,
    });
    expect(page.comments).toEqual([]);
  });

  it('an unknown code is 404; an ended pairing says it ended and shows nothing else', async () => {
    expect((await visitor({ url: `/api/public/plaques/${COUNTY}/NOSUCH` })).statusCode).toBe(404);
    expect((await visitor({ url: `/api/public/plaques/340823/${plaques.p1.plaqueCode}` })).statusCode).toBe(404);
    const res = await visitor({ url: `/api/public/plaques/${COUNTY}/${ended}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: true, endedOn: '2026-01-15', county: COUNTY, plaqueCode: ended });
    const post = await visitor({
      method: 'POST',
      url: `/api/public/plaques/${COUNTY}/${ended}/feedback`,
      payload: { satisfaction: 5 },
    });
    expect(post.statusCode).toBe(409);
  });
});

describe('public feedback', () => {
  const url = () => `/api/public/plaques/${COUNTY}/${plaques.p2.plaqueCode}/feedback`;

  it('refuses 0 or 6 stars, a comment over 300 characters and unknown fields (400)', async () => {
    for (const payload of [
      { satisfaction: 0 },
      { satisfaction: 6 },
      { satisfaction: 3, comment: '好'.repeat(301) },
      { satisfaction: 3, phone: '13800000000' },
      { comment: '很好' },
    ]) {
      const res = await visitor({ method: 'POST', url: url(), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('takes one entry per visitor, pairing and day (429 with a clear message)', async () => {
    const from = '10.9.0.1';
    const first = await visitor(
      { method: 'POST', url: url(), payload: { satisfaction: 4, comment: '  很好  ' } },
      from,
    );
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ status: 'pending' });
    const again = await visitor({ method: 'POST', url: url(), payload: { satisfaction: 5 } }, from);
    expect(again.statusCode).toBe(429);
    expect(again.json().message).toContain('今天已经评价过');
    const row = await t.database.db
      .selectFrom('public_feedback')
      .where('pairing_id', '=', plaques.p2.id)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ satisfaction: 4, comment: '很好', status: 'pending' });
    expect(row.client_key).toMatch(/^[0-9a-f]{16}$/);
    expect(row.client_key).not.toContain('10.9');
  });

  it('limits posts per IP: the sixth in ten minutes is 429', async () => {
    const from = '10.9.0.2';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await visitor(
        { method: 'POST', url: url(), payload: { satisfaction: 9 }, headers: { 'accept-language': 'en' } },
        from,
      );
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().message).toContain('Too many submissions');
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('limits page reads per IP too (walking through plaque codes): the 121st in a minute is 429', async () => {
    const from = '10.9.0.3';
    let last = 0;
    for (let i = 0; i < 121; i++) {
      last = (await visitor({ url: `/api/public/plaques/${COUNTY}/NOSUCH${i}` }, from)).statusCode;
      if (i < 120) expect(last).toBe(404);
    }
    expect(last).toBe(429);
  });
});

describe('moderation', () => {
  it('pending entries stay off the public page; approved ones appear, rejected ones do not', async () => {
    const post = (from: string, satisfaction: number, comment: string) =>
      visitor(
        {
          method: 'POST',
          url: `/api/public/plaques/${COUNTY}/${plaques.p1.plaqueCode}/feedback`,
          payload: { satisfaction, comment },
        },
        from,
      );
    expect((await post('10.8.0.1', 5, '帮扶人很负责')).statusCode).toBe(202);
    expect((await post('10.8.0.2', 1, '不合适的评论')).statusCode).toBe(202);
    const publicUrl = `/api/public/plaques/${COUNTY}/${plaques.p1.plaqueCode}`;
    expect((await visitor({ url: publicUrl })).json().comments).toEqual([]);

    const list = await t.inject({ url: `${API}/feedback?within=${VILLAGE}&status=pending` });
    expect(list.statusCode).toBe(200);
    const pending = list.json().items as { id: number; comment: string; headName: string; helperName: string }[];
    const good = pending.find((f) => f.comment === '帮扶人很负责')!;
    const bad = pending.find((f) => f.comment === '不合适的评论')!;
    expect(good).toMatchObject({ headName: '张建国1', helperName: '帮扶人1', plaqueCode: plaques.p1.plaqueCode });
    expect(list.body).not.toContain('clientKey');
    expect(list.body).not.toMatch(/client_?key/i);

    const approve = await t.inject({
      method: 'POST',
      url: `${API}/feedback/${good.id}/moderate`,
      payload: { decision: 'approve' },
    });
    expect(approve.statusCode).toBe(200);
    expect(approve.json()).toEqual({ id: good.id, status: 'approved' });
    const reject = await t.inject({
      method: 'POST',
      url: `${API}/feedback/${bad.id}/moderate`,
      payload: { decision: 'reject' },
    });
    expect(reject.json().status).toBe('rejected');
    expect(
      (await t.inject({ method: 'POST', url: `${API}/feedback/${bad.id}/moderate`, payload: { decision: 'maybe' } }))
        .statusCode,
    ).toBe(400);

    const page = (await visitor({ url: publicUrl })).json();
    expect(page.comments).toEqual([{ satisfaction: 5, comment: '帮扶人很负责', submittedOn: chinaDateOf() }]);
    expect(page.progress.feedbackCount).toBe(1);
    expect(page.progress.feedbackAverage).toBe(5);
    expect(JSON.stringify(page)).not.toMatch(/moderat|client/i);

    const search = (await t.inject({ url: `${API}/feedback?q=${encodeURIComponent('很负责')}` })).json();
    expect(search.items.map((f: { id: number }) => f.id)).toEqual([good.id]);
    const stars = async (sort: string) =>
      (await t.inject({ url: `${API}/feedback?within=${VILLAGE}&sort=${sort}` }))
        .json()
        .items.map((f: { satisfaction: number }) => f.satisfaction);
    expect(await stars('satisfaction')).toEqual([1, 4, 5]);
    expect(await stars('-satisfaction')).toEqual([5, 4, 1]);
    const approved = (await t.inject({ url: `${API}/feedback?status=approved` })).json();
    expect(approved.items.map((f: { id: number }) => f.id)).toEqual([good.id]);
    const trail = await t.database.db
      .selectFrom('audit_log')
      .where('action', 'in', ['feedback.approve', 'feedback.reject'])
      .select(['action', 'record_id'])
      .orderBy('seq')
      .execute();
    expect(trail).toEqual([
      { action: 'feedback.approve', record_id: String(good.id) },
      { action: 'feedback.reject', record_id: String(bad.id) },
    ]);
  });

  it('another township gets 404 for the list and for moderating', async () => {
    const outside: Inject = await t.signIn('township_admin', '340822101');
    const entry = (await t.inject({ url: `${API}/feedback?within=${VILLAGE}` })).json().items[0];
    expect((await outside({ url: `${API}/feedback?within=${VILLAGE}` })).statusCode).toBe(404);
    const res = await outside({
      method: 'POST',
      url: `${API}/feedback/${entry.id}/moderate`,
      payload: { decision: 'reject' },
    });
    expect(res.statusCode).toBe(404);
    // Its own list is narrowed to its township: none of the inside village's entries.
    const own = (await outside({ url: `${API}/feedback` })).json();
    expect(own.items).toEqual([]);
  });
});
