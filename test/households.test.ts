import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { BASE, buildHousehold, buildPerson, COUNTY, countRows, createPlaces, masked } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
});
afterAll(async () => t?.close());

type Json = Record<string, unknown>;
const post = (payload: Json, headers: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url: BASE, payload, headers });

describe('registering a household', () => {
  it('creates it with persons, income, needs and a first status event, and reads it back masked', async () => {
    const input = buildHousehold(1);
    const res = await post(input);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const persons = input.persons as Json[];
    expect(body).toMatchObject({
      registryNo: '3408221002010001',
      naturalVillageCode: '340822100201001',
      naturalVillageName: '张家湾',
      villageName: '试点村',
      headName: '张建国1',
      size: 3,
      phone: '138****1234',
      bankName: '农商银行',
      bankAccount: '**** **** **** 8901',
      standard: 'national',
      attribute: 'general',
      mainCause: 'illness',
      otherCauses: ['skills'],
      status: 'identified',
      identifiedYear: 2016,
      incomeYear: 2016,
      perCapitaIncome: 2866.67,
      housingGrade: 'B',
      housingArea: 85.5,
      safeWater: true,
      violations: [],
    });
    expect(body.persons).toHaveLength(3);
    expect(body.persons[0]).toMatchObject({
      name: '张建国1',
      relation: 'head',
      sex: 'M',
      birthDate: '1970-05-01',
      idNumber: masked(persons[0]?.idNumber),
    });
    expect(body.persons[0].idNumber).toMatch(/^340822\*{8}\d{3}[\dX]$/);
    expect(body.persons[1]).toMatchObject({
      sex: 'F',
      birthDate: '1972-08-20',
      health: 'chronic',
      schoolStatus: 'none',
      hasMedicalInsurance: true,
    });
    expect(body.income).toEqual([
      expect.objectContaining({
        year: 2016,
        wage: 6000,
        production: 3000,
        subsidy: 600,
        productionCost: 1000,
        householdSize: 3,
        perCapitaNet: 2866.67,
        povertyLine: 2952,
        aboveLine: false,
      }),
    ]);
    expect(body.needs).toEqual([
      expect.objectContaining({
        need: 'medical',
        detail: '慢性病用药',
        status: 'open',
        raisedOn: '2016-04-01',
        closedOn: null,
      }),
    ]);
    expect(body.statusHistory).toEqual([expect.objectContaining({ status: 'identified', effectiveOn: '2016-03-15' })]);
    const read = await t.inject({ url: `${BASE}/${body.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
    expect(read.body).not.toContain(String(persons[0]?.idNumber));
  });

  it('derives the first status date from the year and upgrades a 15-digit ID number', async () => {
    const old = buildPerson(2, 1, '1950-03-04', { relation: 'head', name: '王老汉' });
    const id15 = `${String(old.idNumber).slice(0, 6)}${String(old.idNumber).slice(8, 17)}`;
    const res = await post(
      buildHousehold(2, {
        naturalVillageCode: '340822101201001',
        identifiedOn: undefined,
        identifiedYear: 2017,
        mainCause: 'labour',
        otherCauses: [],
        income: [],
        needs: [],
        persons: [{ ...old, idNumber: id15 }],
      }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      villageName: '石牌村',
      naturalVillageName: '王家畈',
      size: 1,
      incomeYear: null,
      perCapitaIncome: null,
    });
    expect(body.persons[0]).toMatchObject({ idNumber: masked(old.idNumber), birthDate: '1950-03-04', sex: 'M' });
    expect(body.statusHistory[0].effectiveOn).toBe('2017-01-01');
    const byOld = await t.inject({ url: `${BASE}?q=${id15}` });
    expect(byOld.json().items.map((h: Json) => h.id)).toEqual([body.id]);
  });

  it('lists every schema problem at once (400) and writes nothing', async () => {
    const before = await countRows(t.database.db);
    const { registryNo, ...rest } = buildHousehold(3);
    const res = await post(
      { ...rest, attribute: 'rich', phone: 'call me', persons: [], income: [{ year: 2016, wage: -1 }], colour: 'red' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .details.map((d: Json) => d.path)
      .sort();
    expect(paths).toEqual(['', 'attribute', 'income.0.wage', 'persons', 'phone', 'registryNo']);
    expect(await countRows(t.database.db)).toEqual(before);
  });

  it('refuses 因病 without an ill member (422) with the rule code and writes nothing', async () => {
    const before = await countRows(t.database.db);
    const input = buildHousehold(4);
    const persons = (input.persons as Json[]).map((p) => ({ ...p, health: 'healthy' }));
    const res = await post({ ...input, persons });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'rule_violation', message: '有 1 项不符合登记规则' });
    expect(res.json().details).toEqual([
      {
        path: 'mainCause',
        code: 'illness_without_ill_member',
        message: '主要致贫原因为“因病”，但家庭成员中没有患病者（长期慢性病或大病）',
      },
    ]);
    expect(await countRows(t.database.db)).toEqual(before);
  });

  it('reports every rule and dictionary problem together', async () => {
    const before = await countRows(t.database.db);
    const input = buildHousehold(5);
    const [head, spouse, child] = input.persons as Json[];
    const badId = `${String(child?.idNumber).slice(0, 17)}${String(child?.idNumber).endsWith('0') ? '1' : '0'}`;
    const res = await post(
      {
        ...input,
        naturalVillageCode: '340822100201009',
        identifiedOn: '2015-12-31',
        persons: [
          { ...head, sex: 'F' },
          { ...spouse, relation: 'head', ethnicity: 'martian' },
          { ...child, idNumber: badId },
        ],
        income: [{ year: 2016, dibao: 500, wubao: 500 }],
      },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(422);
    const codes = res
      .json()
      .details.map((d: Json) => `${d.path}:${d.code}`)
      .sort();
    expect(codes).toEqual([
      'identifiedOn:identified_on_year',
      'income.0:dibao_and_wubao',
      'naturalVillageCode:natural_village_unknown',
      'persons.0.sex:sex_mismatch',
      'persons.1.ethnicity:unknown_code',
      'persons.1.relation:head_multiple',
      'persons.2.idNumber:id_invalid',
    ]);
    expect(await countRows(t.database.db)).toEqual(before);
  });

  it('refuses an ID number already registered in another household (409) and writes nothing', async () => {
    const before = await countRows(t.database.db);
    const other = buildHousehold(6);
    const taken = (buildHousehold(1).persons as Json[])[2];
    const res = await post({ ...other, persons: [...(other.persons as Json[]), { ...taken, name: '重复的人' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', details: [{ code: 'household_person_id_number' }] });
    expect(res.json().message).toContain('该身份证号已在本县登记过');
    expect(await countRows(t.database.db)).toEqual(before);
    const dupRegistry = await post({ ...buildHousehold(7), registryNo: '3408221002010001' });
    expect(dupRegistry.statusCode).toBe(409);
    expect(await countRows(t.database.db)).toEqual(before);
  });

  it('answers 404 for a missing id and for a household of another county', async () => {
    const list = await t.inject({ url: BASE });
    const id = list.json().items[0].id;
    expect((await t.inject({ url: `${BASE}/999999` })).statusCode).toBe(404);
    expect((await t.inject({ url: `/api/counties/340823/households/${id}` })).statusCode).toBe(404);
    const patch = await t.inject({
      method: 'PATCH',
      url: `/api/counties/340823/households/${id}`,
      payload: { address: 'x' },
    });
    expect(patch.statusCode).toBe(404);
    expect(COUNTY).toBe('340822');
  });
});
