import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { BASE, buildHousehold, buildPerson, countRows, createPlaces, masked } from './factories.ts';

type Json = Record<string, unknown>;
let t: TestApp;
let id: number;
let url: string;
const inject = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'GET', path: string, payload?: Json) =>
  t.inject({ method, url: `${url}${path}`, ...(payload ? { payload } : {}) });
const codes = (res: { json(): { details: Json[] } }) => res.json().details.map((d) => d.code);

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  const res = await t.inject({ method: 'POST', url: BASE, payload: buildHousehold(21) });
  id = res.json().id;
  url = `${BASE}/${id}`;
  await t.inject({ method: 'POST', url: BASE, payload: buildHousehold(22) });
});
afterAll(async () => t?.close());

describe('updating a household', () => {
  it('changes fields, stamps updatedAt and masks the new phone', async () => {
    const before = (await inject('GET', '')).json();
    const res = await inject('PATCH', '', {
      phone: '13998765432',
      housingGrade: 'A',
      plannedExitYear: 2019,
      bankAccount: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      phone: '139****5432',
      housingGrade: 'A',
      plannedExitYear: 2019,
      bankAccount: null,
    });
    expect(res.json().updatedAt > before.updatedAt).toBe(true);
  });

  it('refuses a change that breaks a rule, and unknown codes, all at once', async () => {
    const res = await inject('PATCH', '', {
      mainCause: 'disability',
      otherCauses: ['skills', 'schooling', 'water'],
      housingStructure: 'igloo',
    });
    expect(res.statusCode).toBe(422);
    expect(codes(res).sort()).toEqual(['disability_without_disabled_member', 'other_causes_too_many', 'unknown_code']);
    expect((await inject('GET', '')).json().mainCause).toBe('illness');
  });

  it('refuses an empty patch and a registry number already used', async () => {
    expect((await inject('PATCH', '', {})).statusCode).toBe(400);
    const dup = await inject('PATCH', '', { registryNo: '3408221002010022' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details[0].code).toBe('household_county_code_registry_no_key');
  });
});

describe('household members', () => {
  let childId: number;
  it('adds a member and keeps the size in step; the stale income size shows as a violation', async () => {
    const baby = buildPerson(21, 5, '2019-03-03', { name: '张小宝', education: 'illiterate', labour: 'none' });
    const res = await inject('POST', '/persons', baby);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.size).toBe(4);
    expect(body.persons.at(-1)).toMatchObject({
      name: '张小宝',
      sex: 'M',
      birthDate: '2019-03-03',
      idNumber: masked(baby.idNumber),
    });
    expect(body.violations.map((v: Json) => v.code)).toEqual(['household_size_mismatch']);
    childId = body.persons.at(-1).id;
  });

  it('refuses a member registered in another household (409) and a sex that contradicts the ID (422)', async () => {
    const before = await countRows(t.database.db);
    const other = (buildHousehold(22).persons as Json[])[0] as Json;
    const dup = await inject('POST', '/persons', { ...other, relation: 'sibling' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details[0].code).toBe('household_person_id_number');
    const wrongSex = await inject('POST', '/persons', buildPerson(21, 7, '1999-09-09', { sex: 'F' }));
    expect(wrongSex.statusCode).toBe(422);
    expect(wrongSex.json().details).toMatchObject([{ path: 'sex', code: 'sex_mismatch' }]);
    expect(await countRows(t.database.db)).toEqual(before);
  });

  it('refuses removing the head and removing the only ill member of a 因病 household', async () => {
    const persons = (await inject('GET', '')).json().persons;
    const head = await inject('DELETE', `/persons/${persons[0].id}`, { removedOn: '2020-01-01', reason: 'death' });
    expect(head.statusCode).toBe(422);
    expect(codes(head)).toEqual(['head_removal']);
    const ill = await inject('DELETE', `/persons/${persons[1].id}`, { removedOn: '2020-01-01', reason: 'death' });
    expect(ill.statusCode).toBe(422);
    expect(codes(ill)).toEqual(['illness_without_ill_member']);
    const healthy = await inject('PATCH', `/persons/${persons[1].id}`, { health: 'healthy' });
    expect(healthy.statusCode).toBe(422);
    expect(healthy.json().details).toMatchObject([{ path: 'mainCause', code: 'illness_without_ill_member' }]);
  });

  it('hands the head role over, then records the former head as dead without deleting anyone', async () => {
    const persons = (await inject('GET', '')).json().persons;
    const handover = await inject('PATCH', `/persons/${persons[1].id}`, {
      relation: 'head',
      previousHeadRelation: 'spouse',
    });
    expect(handover.statusCode).toBe(200);
    expect(handover.json().headName).toBe('李秀英21');
    expect(handover.json().persons.map((p: Json) => p.relation)).toEqual(['spouse', 'head', 'child', 'child']);
    const removed = await inject('DELETE', `/persons/${persons[0].id}`, { removedOn: '2020-06-01', reason: 'death' });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ size: 3, headName: '李秀英21' });
    expect(removed.json().persons.map((p: Json) => p.name)).toEqual(['李秀英21', '张小明21', '张小宝']);
    const row = await t.database.db
      .selectFrom('household_person')
      .where('id', '=', persons[0].id)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ removed_on: '2020-06-01', removed_reason: 'death' });
    expect(
      (await inject('DELETE', `/persons/${persons[0].id}`, { removedOn: '2020-06-01', reason: 'death' })).statusCode,
    ).toBe(404);
  });

  it('corrects a member and answers 404 for a member of another household', async () => {
    const res = await inject('PATCH', `/persons/${childId}`, { name: '张宝宝', hasMedicalInsurance: true });
    expect(res.json().persons.at(-1)).toMatchObject({ name: '张宝宝' });
    const other = await t.inject({ url: `${BASE}?q=3408221002010022` });
    const otherUrl = `${BASE}/${other.json().items[0].id}/persons/${childId}`;
    expect((await t.inject({ method: 'PATCH', url: otherUrl, payload: { name: 'x' } })).statusCode).toBe(404);
  });
});

describe('income years', () => {
  it('updates the headline for the latest year only and clears the size violation', async () => {
    const latest = await inject('PUT', '/income/2019', { wage: 12000, production: 3000, productionCost: 1000 });
    expect(latest.statusCode).toBe(200);
    expect(latest.json()).toMatchObject({ incomeYear: 2019, perCapitaIncome: 4666.67, violations: [] });
    expect(latest.json().income.at(-1)).toMatchObject({
      year: 2019,
      householdSize: 3,
      perCapitaNet: 4666.67,
      povertyLine: 3218,
      aboveLine: true,
    });
    const past = await inject('PUT', '/income/2017', { wage: 3000, householdSize: 4 });
    expect(past.json()).toMatchObject({ incomeYear: 2019, perCapitaIncome: 4666.67 });
    expect(past.json().income.map((r: Json) => r.year)).toEqual([2016, 2017, 2019]);
  });

  it('refuses an implausible per-capita income, 低保 with 五保 and a wrong size for the latest year', async () => {
    const zero = await inject('PUT', '/income/2019', { productionCost: 10 });
    expect(zero.statusCode).toBe(422);
    expect(zero.json().details).toMatchObject([{ path: '', code: 'income_out_of_range' }]);
    expect(codes(await inject('PUT', '/income/2019', { wage: 400000 }))).toEqual(['income_out_of_range']);
    expect(codes(await inject('PUT', '/income/2019', { wage: 9000, dibao: 100, wubao: 100 }))).toEqual([
      'dibao_and_wubao',
    ]);
    expect(codes(await inject('PUT', '/income/2019', { wage: 9000, householdSize: 5 }))).toEqual([
      'household_size_mismatch',
    ]);
    expect((await inject('GET', '')).json().perCapitaIncome).toBe(4666.67);
  });
});

describe('needs', () => {
  it('raises, closes and reopens a need', async () => {
    const added = await inject('POST', '/needs', { need: 'employment', detail: '希望就近务工' });
    expect(added.statusCode).toBe(201);
    const need = added.json().needs.at(-1);
    expect(need).toMatchObject({ need: 'employment', status: 'open', closedOn: null });
    const met = await inject('PATCH', `/needs/${need.id}`, { status: 'met', closedOn: '2020-01-01' });
    expect(met.statusCode).toBe(422);
    expect(codes(met)).toEqual(['closed_on_invalid']);
    const closed = await inject('PATCH', `/needs/${need.id}`, { status: 'met' });
    expect(closed.json().needs.at(-1)).toMatchObject({ status: 'met', closedOn: need.raisedOn });
    const reopened = await inject('PATCH', `/needs/${need.id}`, { status: 'open' });
    expect(reopened.json().needs.at(-1)).toMatchObject({ status: 'open', closedOn: null });
    expect(codes(await inject('POST', '/needs', { need: 'spaceship' }))).toEqual(['unknown_code']);
    expect((await inject('PATCH', '/needs/999999', { status: 'met' })).statusCode).toBe(404);
  });
});

describe('status and exit', () => {
  it('assesses exit for a year: 2016 fails on income, 2019 passes', async () => {
    const y2016 = await t.inject({ url: `${url}/exit-assessment?year=2016`, headers: { 'accept-language': 'en' } });
    expect(y2016.json()).toMatchObject({ year: 2016, line: 2952, perCapitaNetIncome: 2866.67, passes: false });
    expect(
      y2016
        .json()
        .checks.filter((c: Json) => !c.passed)
        .map((c: Json) => c.code),
    ).toEqual(['income']);
    expect(y2016.json().checks[0].detail).toBe(
      'Per-capita net income 2866.67 CNY is not above the 2016 poverty line of 2952 CNY',
    );
    const latest = await inject('GET', '/exit-assessment');
    expect(latest.json()).toMatchObject({ year: 2019, line: 3218, perCapitaNetIncome: 4666.67, passes: true });
    expect(latest.json().checks).toHaveLength(6);
    expect((await inject('GET', '/exit-assessment?year=2015')).statusCode).toBe(422);
  });

  it('refuses exit while a check fails, then follows the allowed transitions only', async () => {
    await inject('PATCH', '', { safeWater: false });
    const refused = await inject('POST', '/exits', { assessedOn: '2020-01-02' });
    expect(refused.statusCode).toBe(422);
    expect(codes(refused)).toEqual(['exit_safe_water']);
    await inject('PATCH', '', { safeWater: true });
    const direct = await inject('POST', '/status', { status: 'exited', effectiveOn: '2020-01-10', reason: '脱贫' });
    expect(codes(direct)).toEqual(['exit_needs_workflow']);
    // Monitoring is no status any more (a monitoring case): the schema refuses it.
    expect(
      (await inject('POST', '/status', { status: 'risk_cleared', effectiveOn: '2020-01-10', reason: 'x' })).statusCode,
    ).toBe(400);
    // Exiting is the end of the exit workflow: assessed, verified, signed, five days of public notice.
    const exit = (await inject('POST', '/exits', { assessedOn: '2020-01-02' })).json();
    const exitUrl = `/api/counties/340822/exits/${exit.id}`;
    for (const [path, payload] of [
      ['verify', { on: '2020-01-03' }],
      ['sign', { on: '2020-01-04', signerName: '张建国21' }],
      ['notice', { from: '2020-01-04' }],
      ['complete', { on: '2020-01-10' }],
    ] as const) {
      expect((await t.inject({ method: 'POST', url: `${exitUrl}/${path}`, payload })).statusCode).toBe(200);
    }
    const steps: [string, string, number][] = [
      ['identified', '2020-02-01', 422],
      ['returned', '2019-12-31', 422],
      ['returned', '2021-03-01', 200],
      ['monitored', '2021-09-01', 400],
      ['returned', '2022-06-30', 422],
    ];
    for (const [status, effectiveOn, expected] of steps) {
      const res = await inject('POST', '/status', { status, effectiveOn, reason: '年度动态调整' });
      expect([status, res.statusCode]).toEqual([status, expected]);
    }
    const final = (await inject('GET', '')).json();
    expect(final.status).toBe('returned');
    expect(final.statusHistory.map((e: Json) => `${e.status}@${e.effectiveOn}`)).toEqual([
      'identified@2016-03-15',
      'exited@2020-01-10',
      'returned@2021-03-01',
    ]);
  });

  it('explains a refused transition in Chinese and English', async () => {
    const zh = await inject('POST', '/status', { status: 'identified', effectiveOn: '2023-01-01', reason: '识别' });
    expect(zh.json().details[0]).toMatchObject({
      code: 'status_transition',
      message: '状态不能从“返贫”改为“贫困户”，只能改为：“已脱贫”',
    });
    const en = await t.inject({
      method: 'POST',
      url: `${url}/status`,
      headers: { 'accept-language': 'en' },
      payload: { status: 'identified', effectiveOn: '2023-01-01', reason: 'x' },
    });
    expect(en.json().details[0].message).toBe(
      'The status cannot change from returned to poverty to in poverty; allowed: out of poverty',
    );
  });
});
