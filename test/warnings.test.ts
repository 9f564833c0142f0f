/**
 * Early warning over the API: each kind flags its household with its reason, a healthy household is not flagged,
 * kind filter and paging; putting a flagged household under monitoring (status history, leaves the list, 422
 * twice or without a reason, 404 outside the scope).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../src/domain/dates.ts';
import { createTestApp, type TestApp } from './app.ts';
import { buildHousehold, buildPerson, COUNTY, createPairing, createPlaces, postMember } from './factories.ts';

const NV = '340822100201001';
const OUT_NV = '340822101201001';
const URL = `/api/counties/${COUNTY}/warnings`;
const DAY = 86_400_000;
const daysAgo = (n: number) => chinaDateOf(new Date(Date.now() - n * DAY));
const year = Number(chinaDateOf().slice(0, 4));

let t: TestApp;
let member = 0;
const h: Record<string, number> = {};

/** Two income years: per capita `before` then `last` (three persons). */
function income(before: number, last: number) {
  return [
    { year: year - 2, wage: before * 3 },
    { year: year - 1, wage: last * 3 },
  ];
}

async function household(n: number, overrides: Record<string, unknown> = {}, nv = NV) {
  const res = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/households`,
    payload: buildHousehold(n, {
      naturalVillageCode: nv,
      registryNo: `${nv}${String(n).padStart(3, '0')}`,
      income: income(10_000, 12_000),
      ...overrides,
    }),
  });
  if (res.statusCode !== 201) throw new Error(`household ${n}: ${res.body}`);
  return res.json().id as number;
}

async function verifiedHelp(householdId: number, visitedOn: string) {
  await t.database.db
    .insertInto('assistance_record')
    .values({
      county_code: COUNTY,
      client_id: crypto.randomUUID(),
      household_id: householdId,
      member_id: member,
      visited_on: visitedOn,
      measure: 'industry',
      content: '走访',
      status: 'verified',
      verified_by: 1,
      verified_at: new Date(),
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  // Incomes after 2020 are judged against the province's monitoring line of their year (never a frozen one).
  for (const y of [year - 2, year - 1]) {
    const line = await t.inject({
      method: 'PUT',
      url: `/api/counties/${COUNTY}/monitoring-lines/${y}`,
      payload: { yuan: 4000, source: '测试数据' },
    });
    if (line.statusCode !== 200) throw new Error(line.body);
  }
  member = await postMember(t, 1, NV);
  h.healthy = await household(1);
  h.noHelp = await household(2);
  h.low = await household(3, { income: income(4_000, 5_000) });
  h.fell = await household(4, { income: income(20_000, 15_000) });
  const ill = buildPerson(5, 2, '1972-08-20', {
    name: '李秀英5',
    relation: 'spouse',
    health: 'serious',
    labour: 'none',
  });
  const base = buildHousehold(5) as { persons: unknown[] };
  h.ill = await household(5, { persons: [base.persons[0], ill, base.persons[2]] });
  h.overdue = await household(6);
  h.outside = await household(7, {}, OUT_NV);
  for (const key of ['healthy', 'low', 'fell', 'ill', 'overdue', 'outside'])
    await verifiedHelp(h[key] as number, daysAgo(5));
  await verifiedHelp(h.noHelp as number, daysAgo(100));
  await createPairing(t.database.db, { memberId: member, householdId: h.noHelp as number, startedOn: daysAgo(200) });
  // Never helped, but without a helper either: not a pairing's failure, so no no_help flag.
  h.unpaired = await household(8);
  const now = Date.now();
  await t.database.db
    .insertInto('problem')
    .values({
      county_code: COUNTY,
      household_id: h.overdue as number,
      natural_village_code: NV,
      category: 'industry',
      description: '缺少种苗资金',
      holder_code: NV,
      level_entered_at: new Date(now - 10 * DAY),
      due_at: new Date(now - DAY),
    })
    .execute();
});
afterAll(() => t.close());

type Item = { householdId: number; warnings: Array<{ kind: string; reason: string }> };

describe('early warning', () => {
  it('flags each kind with its reason and leaves the healthy household out', async () => {
    const res = await t.inject({ method: 'GET', url: `${URL}?within=340822100` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const of = (id: number) => (body.items as Item[]).find((i) => i.householdId === id)?.warnings ?? [];
    expect(of(h.healthy as number)).toEqual([]);
    expect(of(h.outside as number)).toEqual([]);
    expect(of(h.unpaired as number)).toEqual([]);
    expect(of(h.noHelp as number)).toEqual([
      { kind: 'no_help', reason: `已 100 天没有已核实的帮扶（上次 ${daysAgo(100)}）` },
    ]);
    expect(of(h.low as number)).toEqual([
      {
        kind: 'low_income',
        reason: `${year - 1} 年人均纯收入 5000 元，低于监测范围 4000 元的 1.5 倍（6000 元）`,
      },
    ]);
    expect(of(h.fell as number)).toEqual([
      { kind: 'income_fell', reason: `${year - 1} 年人均纯收入 15000 元，比上一年 20000 元减少` },
    ]);
    expect(of(h.ill as number)).toEqual([{ kind: 'illness', reason: `1 人患大病或残疾，${chinaDateOf()} 新登记` }]);
    expect(of(h.overdue as number)).toEqual([{ kind: 'overdue_problem', reason: '1 个问题超期未办结' }]);
    expect(body.total).toBe(5);
    expect(body.byKind).toEqual({ no_help: 1, low_income: 1, income_fell: 1, illness: 1, overdue_problem: 1 });
  });

  it('filters by kind, pages, and speaks English when asked', async () => {
    const low = await t.inject({ method: 'GET', url: `${URL}?kind=low_income` });
    expect(low.json().items.map((i: Item) => i.householdId)).toEqual([h.low]);
    const page = await t.inject({ method: 'GET', url: `${URL}?pageSize=2&page=3` });
    expect(page.json()).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(page.json().items).toHaveLength(1);
    const en = await t.inject({
      method: 'GET',
      url: `${URL}?kind=overdue_problem`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().items[0].warnings[0].reason).toBe('1 problem(s) past their deadline');
  });

  it('puts a flagged household under monitoring once; it leaves the list', async () => {
    const url = `/api/counties/${COUNTY}/households/${h.low}/monitoring`;
    const blank = await t.inject({ method: 'POST', url, payload: { reason: '  ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().details[0]).toMatchObject({ path: 'reason', code: 'reason_required' });
    const res = await t.inject({ method: 'POST', url, payload: { reason: '收入临界，纳入监测' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ householdId: h.low, status: 'monitored', effectiveOn: chinaDateOf() });
    // Monitoring is a case of its own: the poverty history gains no event and the status stays.
    const events = await t.database.db
      .selectFrom('household_status_event')
      .select(['status', 'reason'])
      .where('household_id', '=', h.low as number)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.status)).toEqual(['identified']);
    const cases = await t.database.db
      .selectFrom('monitoring_case')
      .select(['id', 'status', 'sources', 'open_reason', 'opened_on'])
      .where('household_id', '=', h.low as number)
      .execute();
    expect(cases).toEqual([
      {
        id: res.json().caseId,
        status: 'open',
        sources: ['warning'],
        open_reason: '收入临界，纳入监测',
        opened_on: chinaDateOf(),
      },
    ]);
    const again = await t.inject({ method: 'POST', url, payload: { reason: '再次' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().details[0].code).toBe('monitoring_case_open');
    const list = await t.inject({ method: 'GET', url: `${URL}?kind=low_income` });
    expect(list.json().total).toBe(0);
  });

  it('is 404 for a household outside the caller scope', async () => {
    const township = await t.signIn('township_admin', '340822101');
    const res = await township({
      method: 'POST',
      url: `/api/counties/${COUNTY}/households/${h.fell}/monitoring`,
      payload: { reason: '原因' },
    });
    expect(res.statusCode).toBe(404);
    const list = await township({ method: 'GET', url: URL });
    expect(list.json().items.map((i: Item) => i.householdId)).toEqual([]);
  });
});
