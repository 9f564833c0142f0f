/**
 * Help records over the API with real values: create, retry-safe creation by clientId (sequential and 10
 * concurrent retries store one row), edits keeping versions, verify/return, a 'member' user recording only for
 * their own paired households, photo type and size checks, and the household timeline in date order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/services/audit/verify-audit.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { COUNTY, createPlaces, insertPairing, postHousehold, postMember, signInMember, TINY_PNG } from './factories.ts';

const BASE = `/api/counties/${COUNTY}/help-records`;
const NV = '340822100201001';

let t: TestApp;
const m = { a: 0, b: 0 };
const h = { a: 0, b: 0 };
let needA = 0;

type Json = Record<string, unknown>;

function record(householdId: number, extra: Json = {}): Json {
  return {
    clientId: randomUUID(),
    householdId,
    visitedOn: '2024-03-05',
    measure: 'industry',
    content: '帮助联系收购商，销售生猪 3 头',
    ...extra,
  };
}

async function post(as: Inject, payload: Json) {
  return as({ method: 'POST', url: BASE, payload });
}

async function rowCount(clientId: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom('assistance_record')
    .select('id')
    .where('client_id', '=', clientId)
    .execute();
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  m.a = await postMember(t, 1, NV, '王帮扶');
  m.b = await postMember(t, 2, NV, '李结对');
  h.a = await postHousehold(t, 11, NV);
  h.b = await postHousehold(t, 12, NV);
  await insertPairing(t.database.db, { memberId: m.a, householdId: h.a, slot: 1, startedOn: '2021-02-01' });
  await insertPairing(t.database.db, { memberId: m.b, householdId: h.b, slot: 1, startedOn: '2022-06-01' });
  needA = (await t.inject({ url: `/api/counties/${COUNTY}/households/${h.a}` })).json().needs[0].id;
});
afterAll(() => t.close());

describe('help records', () => {
  it('creates a record for a current helper with the need it solved and a position', async () => {
    const payload = record(h.a, { memberId: m.a, needId: needA, solvedNeed: true, lat: 30.7, lng: 116.8 });
    const res = await post(t.inject, payload);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      clientId: payload.clientId,
      householdId: h.a,
      memberId: m.a,
      memberName: '王帮扶',
      visitedOn: '2024-03-05',
      measure: 'industry',
      needId: needA,
      need: 'medical',
      solvedNeed: true,
      lat: 30.7,
      lng: 116.8,
      status: 'submitted',
      version: 1,
      versions: [],
      photos: [],
    });
    expect(body.pairingId).toBeGreaterThan(0);
  });

  it('refuses a member who does not help the household, an unknown measure and a future date (422)', async () => {
    const res = await post(t.inject, record(h.a, { memberId: m.b }));
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0]).toMatchObject({ path: 'memberId', code: 'not_a_helper' });
    const bad = await post(t.inject, record(h.a, { memberId: m.a, measure: 'nope', visitedOn: '2099-01-01' }));
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .details.map((d: Json) => d.path)
        .sort(),
    ).toEqual(['measure', 'visitedOn']);
  });

  it('returns the stored record for the same clientId and never stores twice, also under 10 concurrent retries', async () => {
    const payload = record(h.a, { memberId: m.a });
    const first = await post(t.inject, payload);
    const again = await post(t.inject, { ...payload, content: '重发的内容不覆盖' });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().content).toBe('帮助联系收购商，销售生猪 3 头');
    expect(await rowCount(payload.clientId as string)).toBe(1);

    const burst = record(h.a, { memberId: m.a });
    const results = await Promise.all(Array.from({ length: 10 }, () => post(t.inject, burst)));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await rowCount(burst.clientId as string)).toBe(1);
  });

  it('group-commits 30 concurrent new records with one audit entry each and an intact chain', async () => {
    const payloads = Array.from({ length: 30 }, (_, i) => record(h.a, { memberId: m.a, content: `并发记录 ${i}` }));
    const results = await Promise.all(payloads.map((p) => post(t.inject, p)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const ids = results.map((r) => r.json().id as number);
    expect(new Set(ids).size).toBe(30);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select('record_id')
      .where('action', '=', 'help_record.create')
      .where('record_id', 'in', ids.map(String))
      .execute();
    expect(entries).toHaveLength(30);
    expect(await verifyAuditChain(t.database.db, COUNTY)).toMatchObject({ ok: true });
  });

  it('syncs a batch: each record answered on its own, a resend 200, a refusal kept out, one audit entry each', async () => {
    const stored = record(h.a, { memberId: m.a });
    const first = await post(t.inject, stored);
    const fresh = [record(h.a, { memberId: m.a }), record(h.b, { memberId: m.b, content: '送技术资料' })];
    const refused = record(h.a, { memberId: m.b });
    const res = await t.inject({
      method: 'POST',
      url: `${BASE}/batch`,
      payload: { records: [fresh[0], stored, refused, fresh[1], fresh[1]] },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as Json[];
    expect(results.map((r) => [r.clientId, r.status])).toEqual([
      [fresh[0]?.clientId, 201],
      [stored.clientId, 200],
      [refused.clientId, 422],
      [fresh[1]?.clientId, 201],
      [fresh[1]?.clientId, 200],
    ]);
    expect(results[1]?.id).toBe(first.json().id);
    expect(results[4]?.id).toBe(results[3]?.id);
    expect(results[2]?.error).toMatchObject({
      code: 'rule_violation',
      details: [
        { path: 'memberId', code: 'not_a_helper', message: 'The member does not currently help this household' },
      ],
    });
    expect(await rowCount(refused.clientId as string)).toBe(0);
    const created = await t.database.db
      .selectFrom('assistance_record')
      .select(['id', 'household_id', 'content'])
      .where('id', 'in', [results[0]?.id as number, results[3]?.id as number])
      .orderBy('id')
      .execute();
    expect(created.map((r) => [Number(r.household_id), r.content])).toEqual([
      [h.a, '帮助联系收购商，销售生猪 3 头'],
      [h.b, '送技术资料'],
    ]);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select('record_id')
      .where('action', '=', 'help_record.create')
      .where(
        'record_id',
        'in',
        created.map((r) => String(r.id)),
      )
      .execute();
    expect(entries).toHaveLength(2);
    expect(await verifyAuditChain(t.database.db, COUNTY)).toMatchObject({ ok: true });
    const tooMany = await t.inject({
      method: 'POST',
      url: `${BASE}/batch`,
      payload: { records: Array.from({ length: 51 }, () => record(h.a, { memberId: m.a })) },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('keeps the previous values as versions on edit; verified records are frozen', async () => {
    const id = (await post(t.inject, record(h.a, { memberId: m.a }))).json().id;
    const edit = await t.inject({
      method: 'PUT',
      url: `${BASE}/${id}`,
      payload: { visitedOn: '2024-03-06', measure: 'employment', content: '介绍到县城务工' },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ version: 2, measure: 'employment', visitedOn: '2024-03-06' });
    expect(edit.json().versions).toHaveLength(1);
    expect(edit.json().versions[0]).toMatchObject({
      version: 1,
      previous: { visitedOn: '2024-03-05', measure: 'industry', content: '帮助联系收购商，销售生猪 3 头' },
    });
    const returned = await t.inject({ method: 'POST', url: `${BASE}/${id}/verify`, payload: { decision: 'return' } });
    expect(returned.statusCode).toBe(422);
    const back = await t.inject({
      method: 'POST',
      url: `${BASE}/${id}/verify`,
      payload: { decision: 'return', comment: '请补充务工单位' },
    });
    expect(back.json()).toMatchObject({ status: 'returned', verifyComment: '请补充务工单位' });
    const again = await t.inject({
      method: 'PUT',
      url: `${BASE}/${id}`,
      payload: { visitedOn: '2024-03-06', measure: 'employment', content: '介绍到县城某服装厂务工' },
    });
    expect(again.json()).toMatchObject({ status: 'submitted', version: 3, verifiedAt: null });
    const verified = await t.inject({ method: 'POST', url: `${BASE}/${id}/verify`, payload: { decision: 'verify' } });
    expect(verified.json()).toMatchObject({ status: 'verified' });
    expect(verified.json().verifiedBy).toBeGreaterThan(0);
    const late = await t.inject({
      method: 'PUT',
      url: `${BASE}/${id}`,
      payload: { visitedOn: '2024-03-06', measure: 'employment', content: '再改' },
    });
    expect(late.statusCode).toBe(409);
    const twice = await t.inject({ method: 'POST', url: `${BASE}/${id}/verify`, payload: { decision: 'verify' } });
    expect(twice.statusCode).toBe(409);
  });

  it('lets a member user record only for their own paired households (404 otherwise)', async () => {
    const own = await signInMember(t, NV, m.a);
    const mine = await post(own, record(h.a));
    expect(mine.statusCode).toBe(201);
    expect(mine.json().memberId).toBe(m.a);
    expect((await post(own, record(h.b))).statusCode).toBe(404);
    expect((await post(own, record(h.b, { memberId: m.b }))).statusCode).toBe(404);
    const nobody = await signInMember(t, NV, null);
    expect((await post(nobody, record(h.a))).statusCode).toBe(404);
    const other = (await post(t.inject, record(h.b, { memberId: m.b }))).json().id;
    const edit = await own({
      method: 'PUT',
      url: `${BASE}/${other}`,
      payload: { visitedOn: '2024-03-06', measure: 'employment', content: '改别人的' },
    });
    expect(edit.statusCode).toBe(404);
    const verify = await own({
      method: 'POST',
      url: `${BASE}/${mine.json().id}/verify`,
      payload: { decision: 'verify' },
    });
    expect(verify.statusCode).toBe(404);
  });

  it('stores a photo with its thumbnail, streams both, and refuses wrong types and sizes', async () => {
    const id = (await post(t.inject, record(h.a, { memberId: m.a }))).json().id;
    const url = `${BASE}/${id}/photos`;
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary').toString('base64');
    const wrong = await t.inject({ method: 'POST', url, payload: { data: gif, thumbnail: TINY_PNG } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().details).toEqual([expect.objectContaining({ path: 'data', code: 'bad_type' })]);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    const tooBig = await t.inject({
      method: 'POST',
      url,
      payload: { data: big.toString('base64'), thumbnail: TINY_PNG },
    });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().details[0]).toMatchObject({ path: 'data', code: 'too_large' });
    const ok = await t.inject({
      method: 'POST',
      url,
      payload: { data: TINY_PNG, thumbnail: TINY_PNG, width: 1, height: 1 },
    });
    expect(ok.statusCode).toBe(201);
    const photo = ok.json().photos[0];
    expect(photo).toMatchObject({ mime: 'image/png', bytes: Buffer.from(TINY_PNG, 'base64').length, width: 1 });
    const got = await t.inject({ url: `${url}/${photo.id}` });
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(Buffer.from(TINY_PNG, 'base64'))).toBe(true);
    expect((await t.inject({ url: `${url}/${photo.id}/thumbnail` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `${url}/${photo.id}` })).statusCode).toBe(401);
  });

  it('lists with filters and shows the household timeline in date order', async () => {
    const list = await t.inject({ url: `${BASE}?householdId=${h.b}&month=2024-03&sort=-visitedOn` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((r: Json) => r.householdId === h.b)).toBe(true);
    expect(list.json().total).toBe(list.json().items.length);
    await post(t.inject, record(h.b, { memberId: m.b, visitedOn: '2023-01-10', content: '春节走访' }));
    await post(t.inject, record(h.b, { memberId: m.b, visitedOn: '2025-07-01', content: '夏季走访' }));
    const res = await t.inject({ url: `/api/counties/${COUNTY}/households/${h.b}/timeline?pageSize=100` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Json[];
    const dates = items.map((i) => i.on as string);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(items[0]).toMatchObject({ kind: 'help', on: '2025-07-01', text: '夏季走访', memberName: '李结对' });
    expect(items.at(-1)).toMatchObject({ kind: 'status', code: 'identified' });
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'pairing_start', on: '2022-06-01', memberName: '李结对' }),
    );
    const page = await t.inject({ url: `/api/counties/${COUNTY}/households/${h.b}/timeline?pageSize=1&page=2` });
    expect(page.json()).toMatchObject({ page: 2, pageSize: 1, hasMore: true });
    expect(page.json().items[0]).toEqual(items[1]);
  });
});
