import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { BASE, buildHousehold, buildPerson, createPlaces } from './factories.ts';

type Json = Record<string, unknown>;
let t: TestApp;
const ids: Record<string, number> = {};
const idNumbers: Record<string, string> = {};

/** Four households in two townships, with different attributes, causes, sizes, years and incomes. */
const FIXTURES: Record<string, Json> = {
  zhang: buildHousehold(11),
  wang: buildHousehold(12, {
    naturalVillageCode: '340822100201002',
    attribute: 'dibao',
    mainCause: 'disability',
    otherCauses: [],
    identifiedYear: 2015,
    identifiedOn: '2015-06-01',
    phone: null,
    persons: [
      buildPerson(12, 1, '1960-01-02', { name: '王大山', relation: 'head', health: 'disabled', labour: 'lost' }),
      buildPerson(12, 2, '1962-02-03', { name: '陈桂花', relation: 'spouse' }),
    ],
    income: [{ year: 2017, wage: 5000, pension: 2000 }],
  }),
  li: buildHousehold(13, {
    registryNo: '3408221012010001',
    naturalVillageCode: '340822101201001',
    attribute: 'dibao_poor',
    mainCause: 'labour',
    otherCauses: ['illness'],
    identifiedYear: 2017,
    identifiedOn: '2017-02-01',
    persons: [buildPerson(13, 1, '1948-07-07', { name: '李四', relation: 'head', health: 'serious', labour: 'lost' })],
    income: [],
  }),
  zhao: buildHousehold(14, {
    mainCause: 'capital',
    otherCauses: ['skills', 'water'],
    identifiedYear: 2014,
    identifiedOn: '2014-05-05',
    persons: [
      buildPerson(14, 1, '1975-01-01', { name: '赵六', relation: 'head' }),
      buildPerson(14, 2, '1976-01-01', { name: '孙七', relation: 'spouse' }),
      buildPerson(14, 3, '2000-01-01', { relation: 'child' }),
      buildPerson(14, 4, '2003-01-01', { relation: 'child' }),
    ],
    income: [{ year: 2016, wage: 20000 }],
  }),
};

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  for (const [key, payload] of Object.entries(FIXTURES)) {
    const res = await t.inject({ method: 'POST', url: BASE, payload });
    if (res.statusCode !== 201) throw new Error(`${key}: ${res.body}`);
    ids[key] = res.json().id;
    idNumbers[key] = String((payload.persons as Json[]).at(-1)?.idNumber);
  }
});
afterAll(async () => t?.close());

/** The fixture keys of the households a list query returns, in order. */
async function keys(query: string): Promise<string[]> {
  const res = await t.inject({ url: `${BASE}?${query}` });
  expect(res.statusCode).toBe(200);
  const byId = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k]));
  return res.json().items.map((h: { id: number }) => byId[h.id]);
}

describe('household list', () => {
  it('returns list rows with place names, masked phone and the income headline', async () => {
    const res = await t.inject({ url: `${BASE}?pageSize=1` });
    expect(res.json()).toEqual({
      total: 4,
      page: 1,
      pageSize: 1,
      items: [
        {
          id: ids.zhang,
          registryNo: '3408221002010011',
          naturalVillageCode: '340822100201001',
          naturalVillageName: '张家湾',
          villageName: '试点村',
          headName: '张建国11',
          phone: '138****1234',
          attribute: 'general',
          mainCause: 'illness',
          otherCauses: ['skills'],
          status: 'identified',
          size: 3,
          incomeYear: 2016,
          perCapitaIncome: 2866.67,
          identifiedYear: 2016,
        },
      ],
    });
  });

  it('filters by place prefix, status, attribute and cause (main or other)', async () => {
    expect(await keys('within=340822100')).toEqual(['zhang', 'wang', 'zhao']);
    expect(await keys('within=340822100201002')).toEqual(['wang']);
    expect(await keys('within=340822101')).toEqual(['li']);
    expect(await keys('attribute=dibao')).toEqual(['wang']);
    expect(await keys('cause=illness')).toEqual(['zhang', 'li']);
    expect(await keys('cause=skills&within=340822100201001')).toEqual(['zhang', 'zhao']);
    expect(await keys('status=identified')).toHaveLength(4);
    expect(await keys('status=exited')).toEqual([]);
  });

  it('searches head names, ID numbers of current members and registry-number prefixes', async () => {
    expect(await keys(`q=${encodeURIComponent('王大')}`)).toEqual(['wang']);
    expect(await keys(`q=${idNumbers.zhao}`)).toEqual(['zhao']);
    expect(await keys(`q=${idNumbers.li?.toLowerCase()}`)).toEqual(['li']);
    expect(await keys('q=34082210120')).toEqual(['li']);
    expect(await keys('q=3408221002010')).toEqual(['zhang', 'wang', 'zhao']);
    expect(await keys(`q=${encodeURIComponent('50%')}`)).toEqual([]);
  });

  it('sorts by income (no income last), size and year, and pages', async () => {
    expect(await keys('sort=-perCapitaIncome')).toEqual(['zhao', 'wang', 'zhang', 'li']);
    expect(await keys('sort=perCapitaIncome')).toEqual(['zhang', 'wang', 'zhao', 'li']);
    expect(await keys('sort=size')).toEqual(['li', 'wang', 'zhang', 'zhao']);
    expect(await keys('sort=-identifiedYear')).toEqual(['li', 'zhang', 'wang', 'zhao']);
    expect(await keys('sort=-registryNo')).toEqual(['li', 'zhao', 'wang', 'zhang']);
    const page = await t.inject({ url: `${BASE}?pageSize=2&page=2` });
    expect(page.json()).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(await keys('pageSize=2&page=2')).toEqual(['zhao', 'li']);
    expect((await t.inject({ url: `${BASE}?pageSize=101` })).statusCode).toBe(400);
    expect((await t.inject({ url: `${BASE}?sort=phone` })).statusCode).toBe(400);
  });

  it('moves a household in the income sort when a newer year is entered', async () => {
    const put = await t.inject({
      method: 'PUT',
      url: `${BASE}/${ids.li}/income/2018`,
      payload: { wage: 4000, dibao: 2000 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ incomeYear: 2018, perCapitaIncome: 6000 });
    expect(await keys('sort=-perCapitaIncome')).toEqual(['li', 'zhao', 'wang', 'zhang']);
  });

  it('gives totals that follow writes at once, though totals are remembered between pages', async () => {
    const total = async (query: string) => (await t.inject({ url: `${BASE}?${query}` })).json().total;
    expect(await total('status=identified')).toBe(4);
    // Monitoring is no status (a monitoring case, issue 16): the filter takes poverty statuses only.
    expect((await t.inject({ url: `${BASE}?status=monitored` })).statusCode).toBe(400);
    expect(await total('status=none')).toBe(0);
    const created = await t.inject({ method: 'POST', url: BASE, payload: buildHousehold(15) });
    expect(created.statusCode).toBe(201);
    expect(await total('status=identified')).toBe(5);
    expect(await total('')).toBe(5);
  });
});
