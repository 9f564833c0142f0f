/**
 * Migration 2026-12-12-01 on a world written in the old schema (monitoring as household statuses): every status
 * event is kept as it was, each 'monitored' event becomes a case (cleared by the next 'risk_cleared', closed by a
 * later poverty event, or open), the households' statuses become their poverty history, the exited count keeps
 * the 脱贫户 in monitoring, and a pairing ended by a cleared status event stays pinned to it. Down restores the
 * old statuses; up again gives the same cases.
 */
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { monitoringCounts } from '../src/db/repositories/monitoring.ts';
import { registryCounts } from '../src/db/repositories/stats.ts';
import { createTestDatabase } from './database.ts';

const C = '340822';
const NV = '340822100201001';
let handle: DatabaseHandle;
let migrator: Migrator;

/** [id, events]: each event [status, effective_on, reason]. */
const HISTORIES: [number, [string, string, string][]][] = [
  [
    1,
    [
      ['identified', '2014-05-01', '识别'],
      ['exited', '2018-12-01', '脱贫'],
    ],
  ],
  [
    2,
    [
      ['identified', '2014-05-01', '识别'],
      ['exited', '2018-12-01', '脱贫'],
      ['monitored', '2020-05-01', '因病'],
    ],
  ],
  [
    3,
    [
      ['identified', '2014-05-01', '识别'],
      ['exited', '2017-12-01', '脱贫'],
      ['monitored', '2020-03-01', '收入不稳'],
      ['risk_cleared', '2020-11-01', '收入稳定'],
    ],
  ],
  [
    4,
    [
      ['identified', '2015-05-01', '识别'],
      ['exited', '2017-12-01', '脱贫'],
      ['monitored', '2019-03-01', '因灾'],
      ['risk_cleared', '2019-10-01', ''],
      ['monitored', '2020-04-01', '又因病'],
    ],
  ],
  [
    5,
    [
      ['identified', '2016-05-01', '识别'],
      ['monitored', '2019-06-01', '临界'],
      ['identified', '2020-02-01', '纳入'],
    ],
  ],
  [6, [['identified', '2014-05-01', '识别']]],
];
const OLD_STATUS: Record<number, string> = {
  1: 'exited',
  2: 'monitored',
  3: 'risk_cleared',
  4: 'monitored',
  5: 'identified',
  6: 'identified',
};

async function writeOldWorld(): Promise<void> {
  const db = handle.db;
  await sql`insert into org_unit (county_code, code, parent_code, level, kind, name, path) values
    (${C}, ${C}, null, 'county', 'county', '测试县', ${C}),
    (${C}, '340822100', ${C}, 'township', 'town', '一镇', '340822.340822100'),
    (${C}, '340822100201', '340822100', 'village', 'village', '一村', '340822.340822100.340822100201'),
    (${C}, ${NV}, '340822100201', 'natural_village', 'group', '一组', '340822.340822100.340822100201.${sql.raw(NV)}')`.execute(
    db,
  );
  for (const [id, events] of HISTORIES) {
    await sql`insert into household (county_code, id, registry_no, natural_village_code, head_name, standard, attribute,
      main_cause, status, identified_year) values (${C}, ${id}, ${`R-${id}`}, ${NV}, ${`户主${id}`}, 'national', 'general',
      ${id === 4 ? 'disaster' : 'capital'}, ${OLD_STATUS[id]}, 2014)`.execute(db);
    for (const [status, on, reason] of events) {
      await sql`insert into household_status_event (county_code, household_id, status, effective_on, reason)
        values (${C}, ${id}, ${status}, ${on}, ${reason})`.execute(db);
    }
  }
  await sql`insert into party_member (county_code, id, name, sex, id_number, birth_date, ethnicity, education, join_date,
    membership, branch_name, natural_village_code, capacity) values (${C}, 1, '党员甲', 'M', '340822198003090131',
    '1980-03-09', 'han', 'senior', '2005-07-01', 'formal', '党支部', ${NV}, 2)`.execute(db);
  const cleared = await sql<{ id: number }>`select id from household_status_event
    where household_id = 3 and status = 'risk_cleared'`.execute(db);
  await sql`insert into pairing (county_code, member_id, household_id, slot, started_on, ended_on, end_reason,
    cleared_event_id, cleared_status, plaque_code) values (${C}, 1, 3, 1, '2020-01-01', '2020-11-01', 'risk_cleared',
    ${cleared.rows[0]?.id}, 'risk_cleared', 'P-3'), (${C}, 1, 2, 2, '2020-06-01', null, null, null, null, 'P-2')`.execute(
    db,
  );
}

const events = async () =>
  (
    await sql`select id, household_id, status, effective_on, reason, created_at from household_status_event
      order by id`.execute(handle.db)
  ).rows;
const statuses = async () =>
  Object.fromEntries(
    (
      await sql<{ id: number; status: string }>`select id, status from household order by id`.execute(handle.db)
    ).rows.map((r) => [Number(r.id), r.status]),
  );
const cases = async () =>
  (
    await sql<Record<string, unknown>>`select household_id, category, risk_types, status, opened_on, closed_on,
      close_reason, (select e.status from household_status_event e where e.id = c.opened_event_id) as opened_by_event,
      (select e.status from household_status_event e where e.id = c.closed_event_id) as closed_by_event
      from monitoring_case c order by household_id, opened_on`.execute(handle.db)
  ).rows.map((r) => ({ ...r, household_id: Number(r.household_id) }));

beforeAll(async () => {
  handle = await createTestDatabase({ asOwner: true });
  migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => MIGRATIONS } });
  const down = await migrator.migrateTo('2026-12-08-02-party-points');
  expect(down.error).toBeUndefined();
  await writeOldWorld();
});
afterAll(async () => handle?.close());

describe('monitoring cases from the status history (migration 2026-12-12-01)', () => {
  it('keeps every event, makes the cases and the poverty statuses, and keeps the exited count', async () => {
    const before = await events();
    const exited = await sql<{ n: number }>`select count(*)::int as n from household where status = 'exited'`.execute(
      handle.db,
    );
    expect(exited.rows[0]?.n).toBe(1); // the old schema: the 脱贫户 under monitoring or cleared left the count
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await events()).toEqual(before);
    expect(await statuses()).toEqual({
      1: 'exited',
      2: 'exited',
      3: 'exited',
      4: 'exited',
      5: 'identified',
      6: 'identified',
    });
    expect(await cases()).toEqual([
      {
        household_id: 2,
        category: 'unstable',
        risk_types: ['other'],
        status: 'open',
        opened_on: '2020-05-01',
        closed_on: null,
        close_reason: null,
        opened_by_event: 'monitored',
        closed_by_event: null,
      },
      {
        household_id: 3,
        category: 'unstable',
        risk_types: ['other'],
        status: 'cleared',
        opened_on: '2020-03-01',
        closed_on: '2020-11-01',
        close_reason: '收入稳定',
        opened_by_event: 'monitored',
        closed_by_event: 'risk_cleared',
      },
      {
        household_id: 4,
        category: 'unstable',
        risk_types: ['disaster'],
        status: 'cleared',
        opened_on: '2019-03-01',
        closed_on: '2019-10-01',
        close_reason: '迁移自状态记录 / migrated from the status history',
        opened_by_event: 'monitored',
        closed_by_event: 'risk_cleared',
      },
      {
        household_id: 4,
        category: 'unstable',
        risk_types: ['disaster'],
        status: 'open',
        opened_on: '2020-04-01',
        closed_on: null,
        close_reason: null,
        opened_by_event: 'monitored',
        closed_by_event: null,
      },
      {
        household_id: 5,
        category: 'unstable',
        risk_types: ['other'],
        status: 'closed',
        opened_on: '2019-06-01',
        closed_on: '2020-02-01',
        close_reason: '纳入',
        opened_by_event: 'monitored',
        closed_by_event: 'identified',
      },
    ]);
    const counts = await registryCounts(handle.db, C, '2020-12-31T00:00:00Z');
    // Before: one household had status 'exited'; the three 脱贫户 monitored or cleared now count as exited too.
    expect(counts).toMatchObject({ householdsExited: 4, householdsPoor: 2, householdsMonitored: 2, households: 6 });
    expect(await monitoringCounts(handle.db, C)).toEqual({ open: 2, cleared: 2, byCategory: { unstable: 2 } });
    const pairings = await sql<Record<string, unknown>>`
      select household_id, ended_on, cleared_status, cleared_case_id from pairing order by household_id`.execute(
      handle.db,
    );
    expect(pairings.rows.map((r) => ({ ...r, household_id: Number(r.household_id) }))).toEqual([
      { household_id: 2, ended_on: null, cleared_status: null, cleared_case_id: null },
      { household_id: 3, ended_on: '2020-11-01', cleared_status: 'risk_cleared', cleared_case_id: null },
    ]);
  });

  it('goes down to the old statuses and up again to the same cases', async () => {
    const made = await cases();
    const before = await events();
    expect((await migrator.migrateTo('2026-12-08-02-party-points')).error).toBeUndefined();
    expect(await statuses()).toEqual(OLD_STATUS);
    expect(await events()).toEqual(before);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await cases()).toEqual(made);
  });
});
