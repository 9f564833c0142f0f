/**
 * Things done (办实事) over the API, from inserted rows: verified help that solved a need and problems resolved or
 * closed, by month and child unit of a scope; problems by level and status and the on-time rate; a verification
 * through the API shows at once (the remembered figures are dropped); scope 404 outside the caller's township.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { COUNTY, createPlaces, postHousehold, postMember } from './factories.ts';

const NV = '340822100201001';
const OUT_NV = '340822101201001';
const URL = `/api/counties/${COUNTY}/things-done`;
const DAY = 86_400_000;

let t: TestApp;
const h = { a: 0, out: 0 };
let member = 0;
let submittedId = 0;

async function needOf(householdId: number): Promise<number> {
  const row = await t.database.db
    .selectFrom('household_need')
    .select('id')
    .where('household_id', '=', householdId)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function help(householdId: number, visitedOn: string, status: string, solved: boolean): Promise<number> {
  const row = await t.database.db
    .insertInto('assistance_record')
    .values({
      county_code: COUNTY,
      client_id: randomUUID(),
      household_id: householdId,
      member_id: member,
      visited_on: visitedOn,
      measure: 'industry',
      content: '帮助销售生猪',
      need_id: solved ? await needOf(householdId) : null,
      solved_need: solved,
      status: status as 'verified',
      verified_by: status === 'submitted' ? null : 1,
      verified_at: status === 'submitted' ? null : new Date(),
      verify_comment: status === 'returned' ? '照片不清' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A problem at `level` raised on `raised`; resolved (or closed) `resolvedAfterDays` later, with a 7-day deadline. */
async function problem(householdId: number, nv: string, raised: string, status: string, resolvedAfterDays?: number) {
  const entered = new Date(`${raised}T04:00:00Z`);
  const resolvedAt = resolvedAfterDays === undefined ? null : new Date(entered.getTime() + resolvedAfterDays * DAY);
  await t.database.db
    .insertInto('problem')
    .values({
      county_code: COUNTY,
      household_id: householdId,
      natural_village_code: nv,
      category: 'industry',
      description: '缺少种苗资金',
      level: 'village',
      holder_code: nv.slice(0, 12),
      status: status as 'open',
      level_entered_at: entered,
      due_at: new Date(entered.getTime() + 7 * DAY),
      resolution: resolvedAt ? '已解决' : null,
      resolved_at: resolvedAt,
      closed_at: status === 'closed' ? resolvedAt : null,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  member = await postMember(t, 1, NV);
  h.a = await postHousehold(t, 11, NV);
  h.out = await postHousehold(t, 13, OUT_NV);
  await help(h.a, '2023-03-05', 'verified', true);
  await help(h.a, '2023-03-20', 'verified', true);
  await help(h.a, '2023-10-01', 'verified', true);
  await help(h.a, '2023-10-02', 'verified', false); // verified, solved nothing: not counted
  await help(h.a, '2023-10-03', 'returned', true); // returned: not counted
  await help(h.a, '2022-10-03', 'verified', true); // another year
  submittedId = await help(h.a, '2023-11-11', 'submitted', true);
  await help(h.out, '2023-03-07', 'verified', true);
  await problem(h.a, NV, '2023-03-10', 'closed', 2); // on time
  await problem(h.a, NV, '2023-10-10', 'resolved', 9); // late, resolved 2023-10-19
  await problem(h.out, OUT_NV, '2023-06-01', 'closed', 1);
  await problem(h.a, NV, '2023-12-01', 'open');
});
afterAll(() => t.close());

const month = (n: number, helpRecords: number, problemsResolved: number) => ({
  month: n,
  helpRecords,
  problemsResolved,
  total: helpRecords + problemsResolved,
});

describe('things done', () => {
  it('counts a county by month and township, with problems by level and status', async () => {
    const res = await t.inject({ method: 'GET', url: `${URL}?year=2023` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.months.filter((m: { total: number }) => m.total > 0)).toEqual([
      month(3, 3, 1),
      month(6, 0, 1),
      month(10, 1, 1),
    ]);
    expect(body.total).toBe(7);
    const counted = body.byUnit.filter((u: { total: number }) => u.total > 0);
    expect(counted).toEqual([
      { code: '340822100', name: expect.any(String), total: 5 },
      { code: '340822101', name: expect.any(String), total: 2 },
    ]);
    expect(body.byUnit.length).toBeGreaterThan(2); // every township, those with nothing done at 0
    expect(body.problems).toEqual({
      byLevelStatus: [
        { level: 'village', status: 'closed', count: 2 },
        { level: 'village', status: 'open', count: 1 },
        { level: 'village', status: 'resolved', count: 1 },
      ],
      resolved: 3,
      resolvedOnTime: 2,
      onTimeRate: 2 / 3,
    });
  });

  it('narrows to a village (natural villages) and defaults to the latest year of verified help', async () => {
    const res = await t.inject({ method: 'GET', url: `${URL}?within=340822100201` });
    const body = res.json();
    expect(body).toMatchObject({ year: 2023, within: '340822100201', total: 5 });
    expect(body.byUnit).toContainEqual({ code: NV, name: expect.any(String), total: 5 });
    expect(body.problems.resolved).toBe(2);
    const other = await t.inject({ method: 'GET', url: `${URL}?year=2022` });
    expect(other.json().total).toBe(1);
  });

  it('shows a verification through the API at once', async () => {
    const verify = await t.inject({
      method: 'POST',
      url: `/api/counties/${COUNTY}/help-records/${submittedId}/verify`,
      payload: { decision: 'verify' },
    });
    expect(verify.statusCode, verify.body).toBe(200);
    const res = await t.inject({ method: 'GET', url: `${URL}?year=2023` });
    expect(res.json().months[10]).toEqual(month(11, 1, 0));
    expect(res.json().total).toBe(8);
  });

  it('is 404 outside the caller scope and narrowed inside it', async () => {
    const township = await t.signIn('township_admin', '340822101');
    expect((await township({ method: 'GET', url: `${URL}?within=340822100` })).statusCode).toBe(404);
    const own = await township({ method: 'GET', url: `${URL}?year=2023` });
    expect(own.json()).toMatchObject({ within: '340822101', total: 2 });
  });
});
