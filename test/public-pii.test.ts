/**
 * Nothing a visitor or a cadre typed is published with a personal number in it: ID numbers, mobiles and bank
 * numbers (also spaced or dashed) in a feedback comment are masked when it is stored, an entry stored raw before
 * is masked when it is moderated, and the public page masks its measures, commitments and comments when served.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../src/domain/ids.ts';
import { createTestApp, type TestApp } from './app.ts';
import { COUNTY, createWorlds, type World } from './factories.ts';

let t: TestApp;
let world: World;
const API = `/api/counties/${COUNTY}`;

const ID = makeResidentId(COUNTY, '1985-06-15', 321);
const MOBILE = '13912345678';
const BANK = '6217001234567890123';
/** As a visitor would type them: grouped by spaces and dashes. */
const TYPED = `张书记很负责！身份证 ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}，电话 139-1234-5678，卡号 6217 0012 3456 7890 123`;

/** The body with separators removed, so a spaced or dashed number is found as well as a plain one. */
const digitsOnly = (body: string) => body.replace(/[\s\-－]/g, '');
function expectNoneOf(body: string, where: string) {
  for (const raw of [ID, MOBILE, BANK, ID.slice(6, 14), '12345678', '1234567890']) {
    expect(digitsOnly(body), `${where} holds ${raw}`).not.toContain(raw);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  world = (await createWorlds(t, { monitored: true })).inside;
}, 120_000);
afterAll(() => t?.close());

async function approveAll() {
  const list = (await t.inject({ url: `${API}/feedback?within=${world.village}&status=pending` })).json();
  for (const item of list.items as { id: number }[]) {
    const res = await t.inject({
      method: 'POST',
      url: `${API}/feedback/${item.id}/moderate`,
      payload: { decision: 'approve' },
    });
    expect(res.statusCode).toBe(200);
  }
}

describe('personal numbers in public texts', () => {
  it('stores a visitor comment masked, lists it masked and publishes it masked', async () => {
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/public/plaques/${COUNTY}/${world.plaqueCode}/feedback`,
      payload: { satisfaction: 5, comment: TYPED },
      remoteAddress: '203.0.113.7',
    });
    expect(sent.statusCode).toBe(202);
    const stored = await t.database.db.selectFrom('public_feedback').select('comment').execute();
    expectNoneOf(stored.map((r) => r.comment).join('\n'), 'the stored comments');
    expect(stored.map((r) => r.comment)).toContain(
      `张书记很负责！身份证 ${ID.slice(0, 6)}********${ID.slice(-4)}，电话 139****5678，卡号 **** **** **** 0123`,
    );
    expectNoneOf((await t.inject({ url: `${API}/feedback?within=${world.village}` })).body, 'the moderation list');
    await approveAll();
    const page = await t.app.inject({ url: `/api/public/plaques/${COUNTY}/${world.plaqueCode}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().comments.length).toBeGreaterThan(0);
    expectNoneOf(page.body, 'the public page');
  });

  it('masks an entry stored raw before (legacy) when it is moderated, and on the page either way', async () => {
    await sql`update public_feedback set comment = ${TYPED}, status = 'approved', moderated_at = now()
      where pairing_id = ${world.pairingId}`.execute(t.database.db);
    expectNoneOf((await t.app.inject({ url: `/api/public/plaques/${COUNTY}/${world.plaqueCode}` })).body, 'page');
    await sql`update public_feedback set status = 'pending', moderated_at = null, moderated_by = null
      where pairing_id = ${world.pairingId}`.execute(t.database.db);
    await approveAll();
    const stored = await t.database.db
      .selectFrom('public_feedback')
      .select('comment')
      .where('pairing_id', '=', world.pairingId)
      .execute();
    expectNoneOf(stored.map((r) => r.comment).join('\n'), 'the moderated comments');
  });

  it('masks measures and commitment items on the public page and the printed plaque', async () => {
    const patched = await t.inject({
      method: 'PATCH',
      url: `${API}/pairings/${world.pairingId}`,
      payload: { measures: `有事请拨 ${MOBILE}，补贴打入 ${BANK}` },
    });
    expect(patched.statusCode).toBe(200);
    await sql`update commitment set status = 'published', reviewed_on = '2020-01-01', published_on = '2020-01-01'
      where id = ${world.commitmentId}`.execute(t.database.db);
    await sql`update commitment_item set content = ${`联系户身份证 ${ID}`}`.execute(t.database.db);
    const page = await t.app.inject({ url: `/api/public/plaques/${COUNTY}/${world.plaqueCode}` });
    expect(page.json().measures).toContain('139****5678');
    expect(page.json().commitments.map((c: { content: string }) => c.content)).toEqual([
      `联系户身份证 ${ID.slice(0, 6)}********${ID.slice(-4)}`,
    ]);
    expectNoneOf(page.body, 'the public page');
    const plaque = await t.inject({ url: `${API}/pairings/${world.pairingId}/plaque` });
    expect(plaque.statusCode).toBe(200);
    expectNoneOf(plaque.body, 'the printed plaque');
  });
});
