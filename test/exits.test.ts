/**
 * The household exit workflow over the API: assessment → verification → signature → public notice → exit, with
 * backdated days; the notice period, objections (dismissed and upheld), step order and dates; the exit ending the
 * household's pairings; a cleared monitoring case ending a monitored household's pairing; scope.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../src/domain/dates.ts';
import { addDays, EXIT_NOTICE_DAYS } from '../src/domain/exit-workflow.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import { createTestApp, type TestApp } from './app.ts';
import { BASE, buildHousehold, COUNTY, createPlaces } from './factories.ts';

type Json = Record<string, unknown>;
let t: TestApp;
let memberId: number;
const day = (offset: number) => addDays(chinaDateOf(), offset);
const EXITS = `/api/counties/${COUNTY}/exits`;
const post = (url: string, payload: Json, lang = 'zh') =>
  t.inject({ method: 'POST', url, payload, headers: { 'accept-language': lang } });
const step = (exitId: number, name: string, payload: Json, lang = 'zh') =>
  post(`${EXITS}/${exitId}/${name}`, payload, lang);
const codes = (res: { json(): { details?: Json[] } }) => (res.json().details ?? []).map((d) => d.code);

/** A household of the factory whose 2019 income (4,666.67 per head) is above that year's line: it passes. */
async function household(n: number, overrides: Json = {}): Promise<number> {
  const res = await post(BASE, buildHousehold(n, overrides));
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as number;
  await t.inject({
    method: 'PUT',
    url: `${BASE}/${id}/income/2019`,
    payload: { wage: 12000, production: 3000, productionCost: 1000 },
  });
  return id;
}

async function pair(householdId: number, slot: 1 | 2, code: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into pairing (county_code, member_id, household_id, slot, started_on, plaque_code)
    values (${COUNTY}, ${memberId}, ${householdId}, ${slot}, '2020-01-01', ${code}) returning id`.execute(
    t.database.db,
  );
  return Number(rows[0]?.id);
}

function pairingRow(id: number) {
  return t.database.db.selectFrom('pairing').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Starts an exit and takes it through verification and signature up to the notice from `noticeFrom`. */
async function underNotice(householdId: number, noticeFrom: number, days?: number): Promise<number> {
  const started = await post(`${BASE}/${householdId}/exits`, { year: 2019, assessedOn: day(noticeFrom - 3) });
  expect(started.statusCode).toBe(201);
  const id = started.json().id as number;
  expect((await step(id, 'verify', { on: day(noticeFrom - 2), note: '入户核实' })).statusCode).toBe(200);
  expect((await step(id, 'sign', { on: day(noticeFrom - 1), signerName: '张建国' })).statusCode).toBe(200);
  const notice = await step(id, 'notice', { from: day(noticeFrom), ...(days ? { days } : {}) });
  expect(notice.statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  const member = await post(`/api/counties/${COUNTY}/members`, {
    name: '党员甲',
    idNumber: makeResidentId(COUNTY, '1980-03-09', 131),
    phone: '13812340001',
    ethnicity: 'han',
    education: 'senior',
    joinDate: '2005-07-01',
    membership: 'formal',
    branchName: '党支部',
    naturalVillageCode: '340822100201001',
    expertise: ['planting'],
    willingness: ['industry'],
    capacity: 2,
  });
  memberId = member.json().id;
});
afterAll(async () => t?.close());

describe('the exit workflow', () => {
  it('assesses, verifies, records the signature, gives notice and exits, ending the pairing that day', async () => {
    const id = await household(41);
    const pairingId = await pair(id, 1, 'P-EXIT-41');
    const started = await post(`${BASE}/${id}/exits`, { year: 2019, assessedOn: day(-20) });
    expect(started.statusCode).toBe(201);
    const exit = started.json();
    expect(exit).toMatchObject({
      householdId: id,
      year: 2019,
      status: 'assessed',
      nextStep: 'verify',
      perCapitaNetIncome: 4666.67,
      line: 3218,
      assessedOn: day(-20),
      noticeDays: EXIT_NOTICE_DAYS.default,
    });
    expect(exit.checks.map((c: Json) => c.code)).toEqual([
      'income',
      'food_clothing',
      'compulsory_education',
      'medical_insurance',
      'safe_housing',
      'safe_water',
    ]);
    expect(exit.checks.every((c: Json) => c.passed)).toBe(true);
    expect(exit.checks[0].detail).toBe('人均纯收入 4666.67 元，高于 2019 年贫困线 3218 元');
    const verified = await step(exit.id, 'verify', { on: day(-18), note: '村两委入户核实' });
    expect(verified.json()).toMatchObject({ status: 'verified', verifiedOn: day(-18), nextStep: 'sign' });
    const signed = await step(exit.id, 'sign', { on: day(-16), signerName: ' 张建国41 ' });
    expect(signed.json()).toMatchObject({ status: 'signed', signedOn: day(-16), signerName: '张建国41' });
    const notice = await step(exit.id, 'notice', { from: day(-10) });
    expect(notice.json()).toMatchObject({
      status: 'notice',
      noticeFrom: day(-10),
      noticeDays: 5,
      noticeEndsOn: day(-6),
      completableOn: day(-5),
      nextStep: 'complete',
    });
    const board = await t.inject({ url: `${EXITS}?status=notice&within=340822100` });
    expect(board.json().items).toEqual([
      expect.objectContaining({ id: exit.id, headName: '张建国41', noticeEndsOn: day(-6), openObjections: 0 }),
    ]);

    const done = await step(exit.id, 'complete', { on: day(-5) });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'exited', exitedOn: day(-5), nextStep: null, pairingsEnded: 1 });
    const record = (await t.inject({ url: `${BASE}/${id}` })).json();
    expect(record.status).toBe('exited');
    expect(record.statusHistory.at(-1)).toMatchObject({ status: 'exited', effectiveOn: day(-5) });
    expect(record.statusHistory.at(-1).reason).toContain(`退出记录 ${exit.id}`);
    expect(await pairingRow(pairingId)).toMatchObject({
      ended_on: day(-5),
      end_reason: 'exited',
      exit_id: exit.id,
      exit_status: 'exited',
    });
    const history = (await t.inject({ url: `${BASE}/${id}/exits` })).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      assessedOn: day(-20),
      verifiedOn: day(-18),
      signedOn: day(-16),
      noticeFrom: day(-10),
      exitedOn: day(-5),
    });
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('table_name', '=', 'household_exit')
      .where('record_id', '=', String(exit.id))
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'exit.start',
      'exit.verify',
      'exit.sign',
      'exit.notice',
      'exit.complete',
    ]);
    // Closed: no step applies any more, and the pairing cannot be ended again.
    const again = await step(exit.id, 'withdraw', { on: day(0), reason: '误操作' });
    expect([again.statusCode, codes(again)]).toEqual([409, ['exit_step_order']]);
  });

  it('refuses to complete before the notice has run, in Chinese and English', async () => {
    const id = await household(42);
    const exitId = await underNotice(id, -3, 7);
    const zh = await step(exitId, 'complete', { on: day(0) });
    expect(zh.statusCode).toBe(422);
    expect(zh.json().details).toEqual([
      { path: 'on', code: 'notice_not_elapsed', message: `公示期至 ${day(3)} 结束，${day(4)} 起方可退出` },
    ]);
    const en = await step(exitId, 'complete', { on: day(0) }, 'en');
    expect(en.json().details[0].message).toBe(
      `The public notice runs until ${day(3)}; the exit can complete from ${day(4)}`,
    );
    expect((await t.inject({ url: `${BASE}/${id}` })).json().status).toBe('identified');
    expect((await step(exitId, 'complete', { on: day(5) })).json().details[0].code).toBe('date_in_future');
  });

  it('blocks completion while an objection is open; dismissed, the exit goes on', async () => {
    const id = await household(43);
    const exitId = await underNotice(id, -8);
    const raised = await step(exitId, 'objections', {
      raisedOn: day(-6),
      raisedBy: '村民王某',
      content: '收入核算有误',
    });
    expect(raised.statusCode).toBe(201);
    const objection = raised.json().objections[0];
    expect(objection).toMatchObject({ status: 'open', raisedBy: '村民王某', content: '收入核算有误' });
    const late = await step(exitId, 'objections', { raisedOn: day(-1), content: '公示结束后' });
    expect(codes(late)).toEqual(['objection_after_notice']);
    const blocked = await step(exitId, 'complete', { on: day(0) });
    expect([blocked.statusCode, codes(blocked)]).toEqual([422, ['objection_open']]);
    const resolve = `objections/${objection.id}/resolve`;
    const dismissed = await step(exitId, resolve, { decision: 'dismissed', resolution: '经复核收入属实', on: day(-4) });
    expect(dismissed.json()).toMatchObject({ status: 'notice' });
    expect(dismissed.json().objections[0]).toMatchObject({ status: 'dismissed', resolvedOn: day(-4) });
    expect((await step(exitId, resolve, { decision: 'upheld', resolution: 'x', on: day(-4) })).statusCode).toBe(409);
    const done = await step(exitId, 'complete', { on: day(0) });
    expect(done.json()).toMatchObject({ status: 'exited', pairingsEnded: 0 });
  });

  it('withdraws the exit when an objection is upheld; the household can be assessed again', async () => {
    const id = await household(44);
    const exitId = await underNotice(id, -2);
    const raised = await step(exitId, 'objections', { raisedOn: day(-1), content: '家中有危房未改造' });
    const objectionId = raised.json().objections[0].id;
    const upheld = await step(exitId, `objections/${objectionId}/resolve`, {
      decision: 'upheld',
      resolution: '核实住房为 C 级危房',
      on: day(0),
    });
    expect(upheld.json()).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: day(0),
      withdrawnReason: '核实住房为 C 级危房',
      nextStep: null,
    });
    expect((await t.inject({ url: `${BASE}/${id}` })).json().status).toBe('identified');
    expect((await step(exitId, 'complete', { on: day(0) })).statusCode).toBe(409);
    const again = await post(`${BASE}/${id}/exits`, { assessedOn: day(0) });
    expect(again.json()).toMatchObject({ status: 'assessed', year: 2019 });
  });

  it('takes the steps in order only, on days not before the previous step nor in the future', async () => {
    const id = await household(45);
    const exit = (await post(`${BASE}/${id}/exits`, { assessedOn: day(-5) })).json();
    const early = await step(exit.id, 'sign', { on: day(-4), signerName: '张建国' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('下一步应为“村级核实”，不能进行“户主签字”');
    const en = await step(exit.id, 'complete', { on: day(0) }, 'en');
    expect(en.json().message).toBe('The next step is the village verification, not the exit');
    const before = await step(exit.id, 'verify', { on: day(-6) });
    expect(before.json().details[0]).toMatchObject({ code: 'date_before_previous_step', path: 'on' });
    expect(before.json().details[0].message).toBe(`日期不能早于退出评估（${day(-5)}）`);
    expect(codes(await step(exit.id, 'verify', { on: day(1) }))).toEqual(['date_in_future']);
    expect((await step(exit.id, 'objections', { raisedOn: day(0), content: '异议' })).statusCode).toBe(409);
    const twice = await post(`${BASE}/${id}/exits`, { assessedOn: day(0) });
    expect([twice.statusCode, codes(twice)]).toEqual([409, ['exit_step_order']]);
    expect((await step(exit.id, 'notice', { from: day(0), days: 31 })).statusCode).toBe(400);
    const withdrawn = await step(exit.id, 'withdraw', { on: day(0), reason: '户主外出务工，待返乡后再评估' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '户主外出务工，待返乡后再评估' });
    // A DB CHECK backs the order: a notice before the signature is refused even if written directly.
    await expect(
      sql`update household_exit set status = 'notice', notice_from = '2020-01-01' where id = ${exit.id}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow();
  });

  it('refuses to start when the exit test fails, one problem per failed check, or the household is not poor', async () => {
    const poor = await post(BASE, buildHousehold(46));
    const id = poor.json().id;
    await t.inject({ method: 'PATCH', url: `${BASE}/${id}`, payload: { safeWater: false } });
    const refused = await post(`${BASE}/${id}/exits`, { assessedOn: day(0) }, 'en');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toEqual([
      {
        path: '',
        code: 'exit_income',
        message: 'Per-capita net income 2866.67 CNY is not above the 2016 poverty line of 2952 CNY',
      },
      { path: '', code: 'exit_safe_water', message: 'Drinking water is not safe' },
    ]);
    expect(codes(await post(`${BASE}/${id}/exits`, { year: 2015, assessedOn: day(0) }))).toEqual(['income_missing']);
    // A household never registered in poverty (monitoring only) has nothing to exit.
    const monitored = await household(47);
    await t.database.db
      .updateTable('household')
      .set({ status: 'none', identified_year: null, planned_exit_year: null })
      .where('id', '=', monitored)
      .execute();
    expect(codes(await post(`${BASE}/${monitored}/exits`, { assessedOn: day(0) }))).toEqual(['exit_status_not_poor']);
    const rows = await t.database.db
      .selectFrom('household_exit')
      .where('household_id', 'in', [id, monitored])
      .select('id')
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('status changes around the workflow', () => {
  it('refuses a direct change to exited and points to the workflow', async () => {
    const id = await household(48);
    const res = await post(`${BASE}/${id}/status`, { status: 'exited', effectiveOn: day(0), reason: '脱贫' });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0]).toMatchObject({ code: 'exit_needs_workflow', path: 'status' });
    expect(res.json().details[0].message).toContain('退出流程');
  });

  it("ends a monitored household's pairing only when its case is cleared with the criteria checked", async () => {
    const id = await household(49);
    const opened = await post(`${BASE}/${id}/monitoring-cases`, {
      category: 'sudden_hardship',
      riskTypes: ['illness', 'housing'],
      sources: ['visit'],
      reason: '纳入监测',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().case.id as number;
    const pairingId = await pair(id, 2, 'P-RISK-49');
    const CASE = `/api/counties/${COUNTY}/monitoring-cases/${caseId}`;
    // Nothing typed clears a risk: two risks unresolved → refused, naming the criterion.
    const early = await post(`${CASE}/clear`, { reason: '风险消除' });
    expect(codes(early)).toEqual(['clear_risks_resolved']);
    expect(early.json().details[0].message).toBe('尚未化解的风险：因病、住房安全');
    const resolved = await t.inject({
      method: 'PUT',
      url: `${CASE}/resolved-risks`,
      payload: { resolved: ['illness'] },
    });
    expect(resolved.json().case.resolvedRisks).toEqual(['illness']);
    const preview = (await t.inject({ url: `${CASE}/clearance` })).json();
    expect(preview.checks.map((c: Json) => [c.code, c.passed])).toEqual([
      ['income_stable', true],
      ['food_clothing', true],
      ['compulsory_education', true],
      ['medical_insurance', true],
      ['safe_housing', true],
      ['safe_water', true],
      ['risks_resolved', false],
    ]);
    await t.inject({ method: 'PUT', url: `${CASE}/resolved-risks`, payload: { resolved: ['housing', 'illness'] } });
    const cleared = await post(`${CASE}/clear`, { reason: '风险消除' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().case).toMatchObject({
      status: 'cleared',
      closedOn: day(0),
      resolvedRisks: ['illness', 'housing'],
    });
    expect(await pairingRow(pairingId)).toMatchObject({
      ended_on: day(0),
      end_reason: 'risk_cleared',
      cleared_case_id: caseId,
      cleared_case_status: 'cleared',
      cleared_event_id: null,
      exit_id: null,
    });
    // The poverty history is untouched; the cleared case is final and a new risk is a new case.
    const record = (await t.inject({ url: `${BASE}/${id}` })).json();
    expect(record.statusHistory.map((e: Json) => e.status)).toEqual(['identified']);
    expect(codes(await post(`${CASE}/clear`, { reason: '再次' }))).toEqual(['monitoring_case_closed']);
    const again = await post(`${BASE}/${id}/monitoring-cases`, {
      category: 'sudden_hardship',
      riskTypes: ['disaster'],
      sources: ['department'],
      reason: '再次受灾',
    });
    expect(again.statusCode).toBe(201);
    const cases = (await t.inject({ url: `${BASE}/${id}` })).json().monitoringCases;
    expect(cases.map((c: Json) => [c.status, c.riskTypes])).toEqual([
      ['cleared', ['illness', 'housing']],
      ['open', ['disaster']],
    ]);
  });
});

describe('scope', () => {
  it('keeps a pairing after an exit when told, and ends it later pinned to that exit (never before it)', async () => {
    const id = await household(61);
    const pairingId = await pair(id, 2, 'P-EXIT-61');
    const endUrl = `/api/counties/${COUNTY}/pairings/${pairingId}/end`;
    const early = await post(endUrl, { on: day(-1) }, 'en');
    expect(early.statusCode).toBe(422);
    expect(early.json().details[0]).toMatchObject({
      code: 'household_not_exited',
      message: 'The household has not exited poverty (or returned or is monitored): no exit, no unpairing',
    });
    const exitId = await underNotice(id, -12);
    expect((await step(exitId, 'complete', { on: day(-6), endPairings: false })).statusCode).toBe(200);
    expect((await pairingRow(pairingId)).ended_on).toBeNull();

    const beforeExit = await post(endUrl, { on: day(-7) });
    expect(codes(beforeExit)).toEqual(['date_too_early']);
    expect((await post(endUrl, { on: day(1) })).statusCode).toBe(422);
    const ended = await post(endUrl, { on: day(-2) });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: pairingId, endedOn: day(-2), endReason: 'exited' });
    const row = await pairingRow(pairingId);
    expect([row.ended_on, Number(row.exit_id)]).toEqual([day(-2), exitId]);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('diff')
      .where('action', '=', 'pairing.end')
      .where('record_id', '=', String(pairingId))
      .executeTakeFirstOrThrow();
    expect(entry.diff).toEqual({ ended_on: [null, day(-2)], end_reason: [null, 'exited'], exit_id: [null, exitId] });
    expect(codes(await post(endUrl, { on: day(-1) }))).toEqual(['pairing_ended']);
  });

  it('answers 404 for exits of households outside the caller’s scope', async () => {
    const id = await household(50);
    const exitId = (await post(`${BASE}/${id}/exits`, { assessedOn: day(0) })).json().id;
    const outsider = await t.signIn('village_secretary', '340822101201');
    expect((await outsider({ url: `${BASE}/${id}/exits` })).statusCode).toBe(404);
    const verify = await outsider({ method: 'POST', url: `${EXITS}/${exitId}/verify`, payload: { on: day(0) } });
    expect(verify.statusCode).toBe(404);
    expect((await outsider({ url: `${EXITS}?within=340822100201` })).statusCode).toBe(404);
    const own = await outsider({ url: EXITS });
    expect(own.json().total).toBe(0);
    const insider = await t.signIn('village_secretary', '340822100201');
    const ok = await insider({ method: 'POST', url: `${EXITS}/${exitId}/verify`, payload: { on: day(0) } });
    expect(ok.json().status).toBe('verified');
    const searched = await t.inject({ url: `${EXITS}?q=张建国50&sort=-assessedOn` });
    expect(searched.json().items.map((e: Json) => e.id)).toEqual([exitId]);
  });
});
