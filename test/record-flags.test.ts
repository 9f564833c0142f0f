/**
 * Anomaly flags on help records (issue 18): raised as records arrive through the API (a month back-dated in one
 * batch, a copied text, a reused photo), each audited with its evidence, and recomputed over the history with the
 * figures `lianxin flags` prints; decided flags survive a recompute.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../src/domain/dates.ts';
import { flagHistory } from '../src/services/record-trust/flag-records.ts';
import { createTestApp, type TestApp } from './app.ts';
import { COUNTY, createPlaces, insertPairing, postHousehold, postMember, TINY_PNG } from './factories.ts';

const BASE = `/api/counties/${COUNTY}/help-records`;
const NV = '340822100201001';
const COPIED = '帮助联系县城建筑工地务工岗位，讲解务工交通补贴政策，叮嘱注意安全';

let t: TestApp;
const m = { a: 0, b: 0 };
const h = { a: 0, b: 0 };

type Json = Record<string, unknown>;
const record = (householdId: number, memberId: number, extra: Json = {}): Json => ({
  clientId: randomUUID(),
  householdId,
  memberId,
  visitedOn: chinaDateOf(),
  measure: 'employment',
  content: `入户走访第 ${Math.random().toString(36).slice(2, 10)} 次，了解生产情况`,
  ...extra,
});

async function flagsOf(recordId: number) {
  return t.database.db
    .selectFrom('record_flag')
    .select(['kind', 'reason', 'evidence', 'status'])
    .where('record_id', '=', recordId)
    .orderBy('kind')
    .execute();
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
});
afterAll(() => t.close());

describe('flags on ingest', () => {
  let backdatedIds: number[] = [];
  it('flags a month of visits entered in one batch as back-dated, with the sitting as evidence', async () => {
    const days = Array.from({ length: 12 }, (_, i) => `2026-09-${String(i + 3).padStart(2, '0')}`);
    const res = await t.inject({
      method: 'POST',
      url: `${BASE}/batch`,
      payload: { records: days.map((visitedOn) => record(h.a, m.a, { visitedOn })) },
    });
    expect(res.statusCode).toBe(200);
    backdatedIds = (res.json().results as Json[]).map((r) => r.id as number);
    expect(backdatedIds).toHaveLength(12);
    const flags = await flagsOf(backdatedIds[0] as number);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      kind: 'backdated',
      status: 'open',
      evidence: { records: 12, visitsFrom: '2026-09-03', visitsTo: '2026-09-14' },
    });
    expect(flags[0]?.reason).toContain('同一次录入 12 条补录纪实');
  });

  it('flags a copied text of another member, naming the original, and audits it', async () => {
    const original = (
      await t.inject({ method: 'POST', url: BASE, payload: record(h.a, m.a, { content: COPIED }) })
    ).json();
    expect(await flagsOf(original.id)).toEqual([]);
    const copy = (
      await t.inject({ method: 'POST', url: BASE, payload: record(h.b, m.b, { content: `${COPIED}。` }) })
    ).json();
    const flags = await flagsOf(copy.id);
    expect(flags.map((f) => [f.kind, f.evidence])).toEqual([
      ['duplicate_text', { otherRecordId: original.id, similarity: 1, sameMember: 0 }],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('action', '=', 'record_flag.raise')
      .execute();
    expect(audit.map((a) => (a.diff as Json).kind)).toContainEqual([null, 'duplicate_text']);
  });

  it('flags both records when one photo is attached to two', async () => {
    const ids: number[] = [];
    for (const householdId of [h.a, h.b]) {
      const memberId = householdId === h.a ? m.a : m.b;
      const id = (await t.inject({ method: 'POST', url: BASE, payload: record(householdId, memberId) })).json().id;
      const photo = await t.inject({
        method: 'POST',
        url: `${BASE}/${id}/photos`,
        payload: { data: TINY_PNG, thumbnail: TINY_PNG },
      });
      expect(photo.statusCode).toBe(201);
      ids.push(id);
    }
    expect((await flagsOf(ids[0] as number)).map((f) => [f.kind, f.evidence])).toEqual([
      ['reused_photo', { photoId: expect.any(Number), otherRecordId: ids[1], records: 2 }],
    ]);
    expect((await flagsOf(ids[1] as number)).map((f) => f.kind)).toEqual(['reused_photo']);
  });

  it('recomputes the history: the same flags, a cleared flag stays cleared, the figures add up', async () => {
    await t.database.db
      .updateTable('record_flag')
      .set({ status: 'cleared', decided_at: new Date(), decided_by: 1, decision_reason: '补录有村委证明' })
      .where('record_id', '=', backdatedIds[0] as number)
      .execute();
    const summary = await flagHistory(t.database.db, COUNTY);
    expect(summary).toMatchObject({
      records: 16,
      flagged: 11 + 2 + 2,
      byKind: { backdated: 11, duplicate_text: 2, reused_photo: 2 },
      confirmed: 0,
      disputed: 0,
      unconfirmed: 16,
    });
    expect((await flagsOf(backdatedIds[0] as number))[0]?.status).toBe('cleared');
  });
});
