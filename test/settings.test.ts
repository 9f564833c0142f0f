/**
 * A county's settings over the API: warning thresholds change which households the warnings list flags (checked
 * against independent SQL), problem deadlines change a newly raised problem's deadline and the sweep; refused
 * writes (400 schema, 422 rules) leave nothing; every change is audited with its diff; other roles and counties 404.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../src/domain/dates.ts';
import { sweepOverdue } from '../src/services/problems/sweep-overdue.ts';
import { createTestApp, type TestApp } from './app.ts';
import { buildHousehold, COUNTY, createPlaces, insertPairing, postMember } from './factories.ts';

const NV = '340822100201001';
const SETTINGS = `/api/counties/${COUNTY}/settings`;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const year = Number(chinaDateOf().slice(0, 4));
const daysAgo = (n: number) => chinaDateOf(new Date(Date.now() - n * DAY));

let t: TestApp;
const h: number[] = [];

async function household(n: number) {
  const res = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/households`,
    payload: buildHousehold(n, {
      naturalVillageCode: NV,
      registryNo: `${NV}${String(n).padStart(3, '0')}`,
      income: [
        { year: year - 2, wage: 30_000 },
        { year: year - 1, wage: 36_000 },
      ],
    }),
  });
  if (res.statusCode !== 201) throw new Error(`household ${n}: ${res.body}`);
  return res.json().id as number;
}

/** Households the no-help rule flags at `days`, by SQL of its own: paired now, last verified help older or none. */
async function expectedNoHelp(days: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select h.id::int as id from household h
    where h.county_code = ${COUNTY} and h.status <> 'monitored'
      and exists (select 1 from pairing p where p.county_code = h.county_code and p.household_id = h.id
        and p.ended_on is null)
      and coalesce((select max(a.visited_on) from assistance_record a where a.county_code = h.county_code
        and a.household_id = h.id and a.status = 'verified'), date '1900-01-01') < ${chinaDateOf()}::date - ${days}::int
    order by h.id`.execute(t.database.db);
  return rows.map((r) => r.id);
}

async function flaggedNoHelp(): Promise<number[]> {
  const res = await t.inject({ method: 'GET', url: `/api/counties/${COUNTY}/warnings?kind=no_help&pageSize=100` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Array<{ householdId: number }>).map((i) => i.householdId).sort((a, b) => a - b);
}

async function auditCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function lastAudit(action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'table_name', 'record_id', 'actor', 'diff'])
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  const members = [await postMember(t, 1, NV), await postMember(t, 2, NV)];
  for (const [i, ago] of [10, 40, 80, 200].entries()) {
    const id = await household(i + 1);
    h.push(id);
    await insertPairing(t.database.db, { memberId: members[i % 2] as number, householdId: id, slot: i < 2 ? 1 : 2 });
    await t.database.db
      .insertInto('assistance_record')
      .values({
        county_code: COUNTY,
        client_id: crypto.randomUUID(),
        household_id: id,
        member_id: members[i % 2] as number,
        visited_on: daysAgo(ago),
        measure: 'industry',
        content: '走访',
        status: 'verified',
        verified_by: 1,
        verified_at: new Date(),
      })
      .execute();
  }
});
afterAll(() => t.close());

describe('warning thresholds', () => {
  it('are the defaults until the county sets its own', async () => {
    const res = await t.inject({ method: 'GET', url: `${SETTINGS}/warnings` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      noHelpDays: 60,
      incomeMultiple: 1.5,
      newIllnessDays: 60,
      isDefault: true,
      updatedAt: null,
    });
  });

  it('change which households the warnings list flags, at once (the remembered list is dropped)', async () => {
    expect(await flaggedNoHelp()).toEqual(await expectedNoHelp(60));
    expect(await flaggedNoHelp()).toEqual([h[2], h[3]]);
    const res = await t.inject({
      method: 'PUT',
      url: `${SETTINGS}/warnings`,
      payload: { noHelpDays: 30, incomeMultiple: 1.5, newIllnessDays: 60 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ noHelpDays: 30, incomeMultiple: 1.5, isDefault: false });
    expect(await flaggedNoHelp()).toEqual(await expectedNoHelp(30));
    expect(await flaggedNoHelp()).toEqual([h[1], h[2], h[3]]);
    expect(await lastAudit('settings.warnings.set')).toMatchObject({
      table_name: 'county_warning_setting',
      record_id: COUNTY,
      actor: expect.stringMatching(/county_admin/),
      diff: { noHelpDays: [60, 30], source: ['default', 'county'] },
    });
    const stored = await t.database.db.selectFrom('county_warning_setting').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ county_code: COUNTY, no_help_days: 30, income_multiple: 1.5, new_illness_days: 60 });
  });

  it('refuse out-of-range values with 422 under each field, and wrong types with 400, leaving nothing', async () => {
    const audits = await auditCount();
    const bad = await t.inject({
      method: 'PUT',
      url: `${SETTINGS}/warnings`,
      payload: { noHelpDays: 3, incomeMultiple: 1.52, newIllnessDays: 400 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual([
      'noHelpDays',
      'newIllnessDays',
      'incomeMultiple',
    ]);
    expect(bad.json().details[0].message).toBe('未帮扶预警天数须为 7–365 之间的整数天');
    const typed = await t.inject({
      method: 'PUT',
      url: `${SETTINGS}/warnings`,
      payload: { noHelpDays: 'x', incomeMultiple: 1.5, newIllnessDays: 60, extra: 1 },
    });
    expect(typed.statusCode).toBe(400);
    expect(await auditCount()).toBe(audits);
    const stored = await t.database.db.selectFrom('county_warning_setting').select('no_help_days').execute();
    expect(stored).toEqual([{ no_help_days: 30 }]);
    expect(await flaggedNoHelp()).toEqual([h[1], h[2], h[3]]);
  });

  it('go back to the defaults on reset, audited', async () => {
    const res = await t.inject({ method: 'DELETE', url: `${SETTINGS}/warnings` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ noHelpDays: 60, isDefault: true });
    expect(await flaggedNoHelp()).toEqual([h[2], h[3]]);
    expect((await lastAudit('settings.warnings.reset'))?.diff).toEqual({
      noHelpDays: [30, 60],
      source: ['county', 'default'],
    });
  });

  it('the database refuses a multiple off the 0.05 step even without the service (CHECK)', async () => {
    await expect(
      t.database.db
        .insertInto('county_warning_setting')
        .values({ county_code: '340823', no_help_days: 60, income_multiple: 1.52, new_illness_days: 60 })
        .execute(),
    ).rejects.toThrow(/check/i);
  });
});

describe('problem deadlines', () => {
  const put = (cells: unknown[]) =>
    t.inject({ method: 'PUT', url: `${SETTINGS}/problem-deadlines`, payload: { cells } });
  type Row = { category: string; urgency: string; cells: Record<string, { hours: number; own: boolean }> };
  const rowOf = (body: { rows: Row[] }, category: string, urgency: string) =>
    body.rows.find((r) => r.category === category && r.urgency === urgency) as Row;

  it('list every category × urgency × level with the default marked', async () => {
    const res = await t.inject({ method: 'GET', url: `${SETTINGS}/problem-deadlines` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows).toHaveLength(8 * 2);
    expect(rowOf(body, 'industry', 'normal')).toMatchObject({
      categoryLabel: '产业',
      cells: {
        grid: { hours: 72, defaultHours: 72, own: false },
        village: { hours: 120, own: false },
        township: { hours: 240, own: false },
        county: { hours: 480, own: false },
      },
    });
    expect(rowOf(body, 'medical', 'urgent').cells.grid).toEqual({ hours: 12, defaultHours: 12, own: false });
  });

  it("set a newly raised problem's deadline and the sweep's next one", async () => {
    const res = await put([
      { category: 'industry', urgency: 'normal', level: 'grid', hours: 24 },
      { category: 'industry', urgency: 'normal', level: 'village', hours: 48 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(rowOf(res.json(), 'industry', 'normal').cells.grid).toEqual({ hours: 24, defaultHours: 72, own: true });
    expect((await lastAudit('settings.deadlines.set'))?.diff).toEqual({
      'industry.normal.grid': [null, 24],
      'industry.normal.village': [null, 48],
    });
    const raised = await t.inject({
      method: 'POST',
      url: `/api/counties/${COUNTY}/problems`,
      payload: { householdId: h[0], category: 'industry', description: '缺少种苗资金' },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const p = raised.json();
    expect((Date.parse(p.dueAt) - Date.parse(p.levelEnteredAt)) / HOUR).toBe(24);
    const later = new Date(Date.parse(p.levelEnteredAt) + 25 * HOUR);
    expect(await sweepOverdue(t.database.db, { now: later, county: COUNTY })).toEqual({ checked: 1, escalated: 1 });
    const row = await t.database.db
      .selectFrom('problem')
      .select(['level', 'due_at'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.level).toBe('village');
    expect((new Date(row.due_at).getTime() - later.getTime()) / HOUR).toBe(48);
  });

  it('refuse broken rules with 422 and bad shapes with 400, leaving the rows as they were', async () => {
    const before = await t.database.db.selectFrom('problem_deadline').selectAll().orderBy('level').execute();
    const audits = await auditCount();
    const order = await put([{ category: 'industry', urgency: 'normal', level: 'township', hours: 30 }]);
    expect(order.statusCode).toBe(422);
    expect(order.json().details).toEqual([
      {
        path: 'cells.0.hours',
        code: 'level_order',
        message: '乡镇时限 30 小时短于村级 48 小时：上级的时限不得短于下级',
      },
      {
        path: 'cells.0.hours',
        code: 'urgency_order',
        message: '紧急问题时限 72 小时长于一般问题 30 小时：紧急的时限不得更长',
      },
    ]);
    const many = await put([
      { category: 'industry', urgency: 'urgent', level: 'grid', hours: 3000 },
      { category: 'nonsense', urgency: 'normal', level: 'grid', hours: 10 },
    ]);
    expect(many.statusCode).toBe(422);
    expect(many.json().details.map((d: { path: string }) => d.path)).toEqual(['cells.1.category']);
    const range = await put([{ category: 'industry', urgency: 'urgent', level: 'grid', hours: 3000 }]);
    expect(range.json().details.map((d: { code: string }) => d.code)).toEqual(['out_of_range']);
    expect((await put([{ category: 'industry', urgency: 'soon', level: 'grid', hours: 10 }])).statusCode).toBe(400);
    expect((await put([])).statusCode).toBe(400);
    expect(await t.database.db.selectFrom('problem_deadline').selectAll().orderBy('level').execute()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('reset cells to the default with hours null', async () => {
    const res = await put([
      { category: 'industry', urgency: 'normal', level: 'village', hours: null },
      { category: 'industry', urgency: 'normal', level: 'grid', hours: null },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(rowOf(res.json(), 'industry', 'normal').cells.grid).toEqual({ hours: 72, defaultHours: 72, own: false });
    expect(await t.database.db.selectFrom('problem_deadline').selectAll().execute()).toEqual([]);
    expect((await lastAudit('settings.deadlines.set'))?.diff).toEqual({
      'industry.normal.grid': [24, null],
      'industry.normal.village': [48, null],
    });
  });
});

describe('settings access', () => {
  it('lets only a county admin of the county change them; readers of warnings read; others 404', async () => {
    const body = { noHelpDays: 45, incomeMultiple: 1.5, newIllnessDays: 60 };
    const township = await t.signIn('township_admin', '340822100');
    const secretary = await t.signIn('village_secretary', '340822100201');
    const auditor = await t.signIn('auditor', COUNTY);
    const countyBelow = await t.signIn('county_admin', '340822100');
    for (const who of [township, secretary, auditor, countyBelow]) {
      expect((await who({ method: 'PUT', url: `${SETTINGS}/warnings`, payload: body })).statusCode).toBe(404);
      expect((await who({ method: 'DELETE', url: `${SETTINGS}/warnings` })).statusCode).toBe(404);
      const cells = [{ category: 'industry', urgency: 'normal', level: 'grid', hours: 10 }];
      const put = await who({ method: 'PUT', url: `${SETTINGS}/problem-deadlines`, payload: { cells } });
      expect(put.statusCode).toBe(404);
      expect((await who({ method: 'GET', url: `${SETTINGS}/warnings` })).statusCode).toBe(200);
    }
    const other = await t.inject({ method: 'PUT', url: `/api/counties/340823/settings/warnings`, payload: body });
    expect(other.statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url: `/api/counties/340823/settings/problem-deadlines` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: `${SETTINGS}/warnings` })).statusCode).toBe(401);
    expect(await t.database.db.selectFrom('county_warning_setting').selectAll().execute()).toEqual([]);
  });
});
