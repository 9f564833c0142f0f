/**
 * Review and household confirmation (issue 18) over the API: the inspector's queue by scope and kind, a flag
 * cleared with a reason, a flag upheld (the record is returned and leaves the things-done count), a one-time code
 * confirming a visit on the plaque's public page (bound to that household, used once), a dispute opening a review,
 * the village confirming for a household without a phone, and nothing personal in any public answer.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFlags } from '../src/db/repositories/record-flags.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { COUNTY, createPairing, createPlaces, postHousehold, postMember } from './factories.ts';

const API = `/api/counties/${COUNTY}`;
const NV = '340822100201001';
const OUT_NV = '340822101201001';

let t: TestApp;
let secretary: Inject;
let auditor: Inject;
const plaque = { a: '', b: '' };
const pairingOf = new Map<number, number>();
const h = { a: 0, b: 0, out: 0 };
let member = 0;

async function help(householdId: number, status: 'verified' | 'submitted', solved = true): Promise<number> {
  const need = await t.database.db
    .selectFrom('household_need')
    .select('id')
    .where('household_id', '=', householdId)
    .executeTakeFirstOrThrow();
  const row = await t.database.db
    .insertInto('assistance_record')
    .values({
      county_code: COUNTY,
      client_id: randomUUID(),
      household_id: householdId,
      member_id: member,
      pairing_id: pairingOf.get(householdId) ?? null,
      visited_on: '2023-10-01',
      measure: 'industry',
      content: '帮助销售生猪',
      need_id: solved ? Number(need.id) : null,
      solved_need: solved,
      status,
      verified_by: status === 'verified' ? 1 : null,
      verified_at: status === 'verified' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function flag(recordId: number, kind: string): Promise<number> {
  const [row] = await insertFlags(t.database.db, COUNTY, [
    { recordId, kind, reason: kind, evidence: JSON.stringify({ km: 12 }) },
  ]);
  return row?.id as number;
}

const doneIn2023 = async () =>
  (await t.inject({ url: `${API}/things-done?year=2023&within=340822100201` })).json().total as number;

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  member = await postMember(t, 1, NV);
  h.a = await postHousehold(t, 11, NV);
  h.b = await postHousehold(t, 12, NV);
  h.out = await postHousehold(t, 13, OUT_NV);
  for (const [key, slot] of [
    ['a', 1],
    ['b', 2],
  ] as const) {
    const pairing = await createPairing(t.database.db, {
      memberId: member,
      householdId: h[key],
      slot,
      startedOn: '2020-03-01',
    });
    plaque[key] = pairing.plaqueCode;
    pairingOf.set(h[key], pairing.id);
  }
  secretary = await t.signIn('village_secretary', '340822100201');
  auditor = await t.signIn('auditor', COUNTY);
});
afterAll(() => t.close());

describe('the inspector queue', () => {
  it('lists open flags in the caller scope, filtered by kind, paged', async () => {
    const inside = await help(h.a, 'verified');
    const outside = await help(h.out, 'verified');
    await flag(inside, 'far_gps');
    await flag(inside, 'fast_verifier');
    await flag(outside, 'far_gps');
    const mine = (await secretary({ url: `${API}/record-flags?pageSize=1&sort=kind` })).json();
    expect(mine).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(mine.items[0]).toMatchObject({
      recordId: inside,
      kind: 'far_gps',
      status: 'open',
      recordStatus: 'verified',
    });
    const county = (await auditor({ url: `${API}/record-flags?kind=far_gps` })).json();
    expect(county.items.map((i: { recordId: number }) => i.recordId).sort()).toEqual([inside, outside].sort());
    const en = await auditor({ url: `${API}/record-flags?kind=far_gps`, headers: { 'accept-language': 'en' } });
    expect(en.json().items[0].reason).toBe('Position 12 km from the natural village');
  });

  it('clears with a reason, upholds by returning the record: it leaves things done; decisions are audited', async () => {
    const record = await help(h.a, 'verified');
    const cleared = await flag(record, 'impossible_travel');
    const upheld = await flag(record, 'backdated');
    const before = await doneIn2023();
    expect(before).toBeGreaterThan(0);
    const noReason = await secretary({
      method: 'POST',
      url: `${API}/record-flags/${cleared}/decision`,
      payload: { decision: 'clear', reason: ' ' },
    });
    expect(noReason.statusCode).toBe(422);
    const clear = await secretary({
      method: 'POST',
      url: `${API}/record-flags/${cleared}/decision`,
      payload: { decision: 'clear', reason: '两户相邻，定位漂移' },
    });
    expect(clear.json()).toMatchObject({
      status: 'cleared',
      decisionReason: '两户相邻，定位漂移',
      recordStatus: 'verified',
    });
    const uphold = await secretary({
      method: 'POST',
      url: `${API}/record-flags/${upheld}/decision`,
      payload: { decision: 'uphold', reason: '走访日党员在外地培训' },
    });
    expect(uphold.json()).toMatchObject({ status: 'upheld', recordStatus: 'returned' });
    expect(await doneIn2023()).toBe(before - 1);
    const again = await secretary({
      method: 'POST',
      url: `${API}/record-flags/${upheld}/decision`,
      payload: { decision: 'clear', reason: 'x' },
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('table_name', '=', 'record_flag')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['record_flag.clear', 'record_flag.uphold']);
    const detail = (await t.inject({ url: `${API}/help-records/${record}` })).json();
    expect(detail.flags.map((f: { kind: string; status: string }) => [f.kind, f.status])).toEqual([
      ['impossible_travel', 'cleared'],
      ['backdated', 'upheld'],
    ]);
    const denied = await auditor({
      method: 'POST',
      url: `${API}/record-flags/${cleared}/decision`,
      payload: { decision: 'clear', reason: 'x' },
    });
    expect(denied.statusCode).toBe(404);
  });
});

const ID = makeResidentId(COUNTY, '1985-06-15', 321);
const PHONE = '13912345678';
const SENSITIVE = [ID, PHONE, '1234567', '残疾', '大病', '慢性病', '低保', '身份证'];

function expectNothingPersonal(body: string) {
  for (const word of SENSITIVE) expect(body, `a public answer holds ${word}`).not.toContain(word);
}

describe('household confirmation', () => {
  it('confirms a visit on the plaque page with the one-time code; the code works once and only there', async () => {
    const record = await help(h.a, 'submitted');
    const issued = await t.inject({
      method: 'POST',
      url: `${API}/help-records/${record}/confirm-code`,
      payload: { validHours: 24 },
    });
    expect(issued.statusCode).toBe(201);
    const { code, url, qrSvg } = issued.json();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(url).toContain(`/p/${COUNTY}/${plaque.a}?c=${code}`);
    expect(qrSvg).toContain('<svg');
    const stored = await t.database.db.selectFrom('record_confirm_code').select('code_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(code);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: `/api/public/plaques/${COUNTY}/${plaque.b}/confirm`,
      payload: { code, answer: 'confirm' },
    });
    expect(elsewhere.statusCode).toBe(422);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/public/plaques/${COUNTY}/${plaque.a}/confirm`,
      payload: { code: code.toLowerCase(), answer: 'confirm' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ visitedOn: '2023-10-01', measure: 'industry', confirmation: 'confirmed' });
    expectNothingPersonal(ok.body);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/public/plaques/${COUNTY}/${plaque.a}/confirm`,
      payload: { code, answer: 'confirm' },
    });
    expect(twice.statusCode).toBe(422);
    expectNothingPersonal(twice.body);
    const detail = (await t.inject({ url: `${API}/help-records/${record}` })).json();
    expect(detail).toMatchObject({ confirmation: 'confirmed', confirmedVia: 'household' });
  });

  it('a dispute opens a review in the village queue, with personal numbers masked in the comment', async () => {
    const record = await help(h.b, 'submitted');
    const { code } = (
      await t.inject({ method: 'POST', url: `${API}/help-records/${record}/confirm-code`, payload: { validHours: 2 } })
    ).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/plaques/${COUNTY}/${plaque.b}/confirm`,
      payload: { code, answer: 'dispute', comment: `这天没人来过，有事打 ${PHONE}` },
    });
    expect(res.json()).toMatchObject({ confirmation: 'disputed' });
    expectNothingPersonal(res.body);
    const queue = (await secretary({ url: `${API}/record-flags?kind=disputed` })).json();
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ recordId: record, confirmation: 'disputed' });
    expect(queue.items[0].reason).toContain('这天没人来过');
    expect(queue.items[0].reason).not.toContain(PHONE);
  });

  it('the village confirms for a household without a phone, marked as such, once', async () => {
    const record = await help(h.a, 'submitted');
    const res = await secretary({
      method: 'POST',
      url: `${API}/help-records/${record}/village-confirmation`,
      payload: { answer: 'confirm', comment: '村委入户当面询问，户主确认' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ confirmation: 'confirmed', confirmedVia: 'village' });
    const again = await secretary({
      method: 'POST',
      url: `${API}/help-records/${record}/village-confirmation`,
      payload: { answer: 'dispute', comment: '再次' },
    });
    expect(again.statusCode).toBe(409);
    const code = await t.inject({
      method: 'POST',
      url: `${API}/help-records/${record}/confirm-code`,
      payload: { validHours: 2 },
    });
    expect(code.statusCode).toBe(409);
  });

  it('keeps the public page and its errors free of ID numbers, phones and health words', async () => {
    const page = await t.app.inject({ url: `/api/public/plaques/${COUNTY}/${plaque.a}` });
    expect(page.statusCode).toBe(200);
    expectNothingPersonal(page.body);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/public/plaques/${COUNTY}/${plaque.a}/confirm`,
      payload: { code: 'ZZZZZZ', answer: 'confirm' },
    });
    expect(bad.statusCode).toBe(422);
    expectNothingPersonal(bad.body);
  });
});
