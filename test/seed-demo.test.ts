/**
 * The demo-county seed on a real database: row counts match the summary, the same seed reproduces the same
 * rows, every household passes the registry's consistency checks, and the data obeys the domain's rules
 * (IDs, dates, status history, income against the poverty line, coordinates). Runs at 5 % scale for speed.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import type { Database } from '../src/db/schema.ts';
import { DEMO_CLOCK_START } from '../src/demo/dates.ts';
import { type SeedStage, type SeedSummary, seedDemoCounty } from '../src/demo/index.ts';
import { countyBox } from '../src/demo/places.ts';
import type {
  AttributeCode,
  CauseCode,
  HealthCode,
  LabourCode,
  RelationCode,
  SchoolStatusCode,
} from '../src/domain/codes.ts';
import { checkHousehold } from '../src/domain/consistency.ts';
import { runExitTest } from '../src/domain/exit-test.ts';
import { ageOn, parseResidentId } from '../src/domain/ids.ts';
import { povertyLine } from '../src/domain/poverty-line.ts';
import { createTestDatabase } from './database.ts';
import { describeDemoClock } from './demo-clock-checks.ts';

const SCALE = 0.05;
const TODAY = '2020-12-31';
const handles: DatabaseHandle[] = [];

async function seeded(seed: number, onProgress?: (stage: SeedStage, done: number, total: number) => void) {
  const handle = await createTestDatabase();
  handles.push(handle);
  const summary = await seedDemoCounty(handle.db, { seed, scale: SCALE, onProgress });
  return { db: handle.db, summary };
}

/** A digest of the rows that matter, independent of insertion timestamps. */
async function fingerprint(db: Kysely<Database>): Promise<string> {
  const parts = await Promise.all([
    sql`select code, name, kind, lat, lng from org_unit order by code`.execute(db),
    sql`select id, id_number, name, join_date, natural_village_code, post, expertise, capacity from party_member order by id`.execute(
      db,
    ),
    sql`select registry_no, head_name, attribute, main_cause, other_causes, status, per_capita_income from household order by id`.execute(
      db,
    ),
    sql`select id, household_id, id_number, relation, health from household_person order by id`.execute(db),
    sql`select household_id, year, per_capita_net from household_income order by household_id, year`.execute(db),
    sql`select household_id, status, effective_on from household_status_event order by household_id, effective_on, id`.execute(
      db,
    ),
    sql`select g.id, g.name, m.member_id from grid g join grid_member m on m.grid_id = g.id order by g.id, m.member_id`.execute(
      db,
    ),
    sql`select grid_id, leader_member_id, activity_address from party_group order by grid_id`.execute(db),
    sql`select group_id, level, name, member_id from group_instructor order by group_id, level`.execute(db),
    sql`select member_id, household_id, slot, started_on from pairing order by household_id, member_id`.execute(db),
  ]);
  return createHash('sha256')
    .update(JSON.stringify(parts.map((p) => p.rows)))
    .digest('hex');
}

async function count(db: Kysely<Database>, query: string): Promise<number> {
  const result = await sql<{ n: number }>`${sql.raw(query)}`.execute(db);
  return Number(result.rows[0]?.n);
}

let a: { db: Kysely<Database>; summary: SeedSummary };
const progress: [SeedStage, number, number][] = [];

beforeAll(async () => {
  a = await seeded(20_201_231, (stage, done, total) => progress.push([stage, done, total]));
}, 600_000); // a county seed on a loaded 2-core machine (CI runs the suites side by side)

afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
});

describe('seedDemoCounty', () => {
  it('writes exactly the rows its summary reports, at about 5 % of county scale', async () => {
    const { db, summary } = a;
    expect(summary).toMatchObject({ countyCode: '340822', townships: 20 });
    expect(summary.villages).toBe(Math.round(250 * SCALE));
    expect(summary.members).toBe(Math.round((21_000 * summary.villages) / 250));
    expect(summary.households).toBe(Math.round((16_000 * summary.villages) / 250));
    expect(await count(db, "select count(*) as n from org_unit where level = 'village'")).toBe(summary.villages);
    expect(await count(db, "select count(*) as n from org_unit where level = 'natural_village'")).toBe(
      summary.naturalVillages,
    );
    expect(summary.naturalVillages).toBeGreaterThanOrEqual(8 * summary.villages);
    expect(summary.naturalVillages).toBeLessThanOrEqual(12 * summary.villages);
    expect(await count(db, 'select count(*) as n from party_member')).toBe(summary.members);
    expect(await count(db, 'select count(*) as n from household')).toBe(summary.households);
    expect(await count(db, 'select count(*) as n from household_person')).toBe(summary.persons);
    expect(await count(db, 'select count(*) as n from household_income')).toBe(summary.incomeRows);
    expect(await count(db, 'select count(*) as n from household_need')).toBe(summary.needs);
    expect(await count(db, 'select count(*) as n from household_status_event')).toBe(summary.statusEvents);
    // Every 2020 monitoring event became a case naming it; the cleared ones name their 'risk_cleared' event.
    expect(await count(db, "select count(*) as n from household_status_event where status = 'monitored'")).toBe(
      await count(db, 'select count(*) as n from monitoring_case where opened_event_id is not null'),
    );
    expect(await count(db, "select count(*) as n from household_status_event where status = 'risk_cleared'")).toBe(
      await count(
        db,
        "select count(*) as n from monitoring_case where status = 'cleared' and closed_event_id is not null",
      ),
    );
    expect(await count(db, "select count(*) as n from monitoring_line where source like '演示数据%'")).toBe(5);
    expect(await count(db, 'select count(*) as n from grid where retired_at is null')).toBe(summary.grids);
    expect(await count(db, 'select count(*) as n from party_group where leader_member_id is not null')).toBe(
      summary.grids,
    );
    // The demo group leader is the member who leads the group of the grid holding its natural village.
    const leaderGrants = `select count(*) as n from role_grant r join app_user u on u.id = r.user_id
      join party_group pg on pg.leader_member_id = r.member_id and pg.retired_at is null
      join grid_natural_village gnv on gnv.grid_id = pg.grid_id and gnv.ended_at is null
        and gnv.natural_village_code = r.org_code
      where u.username = 'demo_group_leader' and r.role = 'group_leader'`;
    expect(await count(db, leaderGrants)).toBe(1);
  });

  it("links the demo member to a helper with current pairings, one in the demo group leader's grid", async () => {
    const { db } = a;
    const helped = `select count(*) as n from role_grant r join app_user u on u.id = r.user_id
      join pairing p on p.member_id = r.member_id and p.county_code = r.county_code and p.ended_on is null
      where u.username = 'demo_member' and r.role = 'member'`;
    expect(await count(db, helped)).toBeGreaterThan(0);
    // The leader verifies the member's records: a household the member helps lies in a natural village of a grid
    // the leader's member leads now, and the village secretary's village holds it.
    const verifiable = `select count(*) as n from role_grant rm join app_user um on um.id = rm.user_id
      join pairing p on p.member_id = rm.member_id and p.ended_on is null
      join household h on h.id = p.household_id
      join grid_natural_village gnv on gnv.natural_village_code = h.natural_village_code and gnv.ended_at is null
      join party_group pg on pg.grid_id = gnv.grid_id and pg.retired_at is null
      join role_grant rl on rl.member_id = pg.leader_member_id and rl.role = 'group_leader'
      join app_user ul on ul.id = rl.user_id and ul.username = 'demo_group_leader'
      join role_grant rs on rs.role = 'village_secretary' and h.natural_village_code like rs.org_code || '%'
      join app_user us on us.id = rs.user_id and us.username = 'demo_village_secretary'
      where um.username = 'demo_member' and rm.role = 'member'`;
    expect(await count(db, verifiable)).toBeGreaterThan(0);
  });

  it('pairs every household needing help, no member beyond their card, none before identification or joining', async () => {
    const { db, summary } = a;
    // Poor now, or with an open monitoring case (a 脱贫户 under monitoring stays exited).
    const needing = `(h.status in ('identified', 'returned') or exists (select 1 from monitoring_case c
      where c.household_id = h.id and c.status = 'open'))`;
    expect(await count(db, `select count(*) as n from household h where ${needing}`)).toBeGreaterThan(0);
    expect(
      await count(
        db,
        `select count(*) as n from household h where ${needing} and not exists
          (select 1 from pairing p where p.household_id = h.id and p.ended_on is null)`,
      ),
    ).toBe(0);
    expect(await count(db, 'select count(*) as n from pairing where ended_on is null')).toBe(summary.pairings);
    expect(
      await count(
        db,
        `select count(*) as n from (select p.member_id from pairing p join party_member m on m.id = p.member_id
          where p.ended_on is null group by p.member_id, m.capacity having count(*) > m.capacity) x`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        `select count(*) as n from pairing p join household h on h.id = p.household_id
          join party_member m on m.id = p.member_id
          where p.started_on < make_date(h.identified_year, 1, 1) or p.started_on < m.join_date
            or p.started_on > date '${TODAY}' or m.status <> 'active'
            or left(m.natural_village_code, 9) <> left(h.natural_village_code, 9)`,
      ),
    ).toBe(0);
  });

  const TAIL = '-0000-4000-8000-000000000000';
  it('plants fabrications the flags find with their reasons, and leaves a third of records unconfirmed', async () => {
    const { db, summary } = a;
    const flagged = (prefix: string, kind: string) =>
      count(
        db,
        `select count(*) as n from assistance_record r where r.client_id::text like '${prefix}____${TAIL}'
          and exists (select 1 from record_flag f where f.record_id = r.id and f.kind = '${kind}' and f.reason <> '')`,
      );
    const planted = (prefix: string) =>
      count(db, `select count(*) as n from assistance_record where client_id::text like '${prefix}____${TAIL}'`);
    expect(await planted('fab1')).toBe(26);
    expect(await flagged('fab1', 'backdated')).toBe(26);
    expect(await flagged('fab1', 'fast_verifier')).toBe(26);
    expect(await planted('fab2')).toBe(30);
    expect(await flagged('fab2', 'duplicate_text')).toBe(30);
    expect(await flagged('fab3', 'reused_photo')).toBe(2);
    const honestCopies = await count(
      db,
      `select count(distinct record_id) as n from record_flag f join assistance_record r on r.id = f.record_id
        where f.kind = 'duplicate_text' and r.client_id::text not like '%${TAIL}'`,
    );
    expect(honestCopies / summary.helpRecords).toBeLessThan(0.01);
    const share = async (where: string) =>
      (await count(db, `select count(*) as n from assistance_record where ${where}`)) / summary.helpRecords;
    expect(await share("confirmation = 'unconfirmed'")).toBeGreaterThan(0.25);
    expect(await share("confirmation = 'unconfirmed'")).toBeLessThan(0.45);
    expect(await share("confirmed_via = 'village'")).toBeGreaterThan(0.05);
    const disputed = await count(db, "select count(*) as n from assistance_record where confirmation = 'disputed'");
    expect(disputed).toBeGreaterThan(0);
    expect(await count(db, "select count(*) as n from record_flag where kind = 'disputed'")).toBe(disputed);
    expect(summary.flaggedRecords).toBeGreaterThanOrEqual(26 + 30 + 2);
  });

  it('writes a year of help records by current helpers and problems with full trails, at scale', async () => {
    const { db, summary } = a;
    // ~200,000 help records and ~19,000 resolved + 900 open problems per county; 5 % here.
    expect(summary.helpRecords).toBeGreaterThan(200_000 * SCALE * 0.97);
    expect(summary.helpRecords).toBeLessThan(200_000 * SCALE * 1.03);
    expect(await count(db, 'select count(*) as n from assistance_record')).toBe(summary.helpRecords);
    expect(summary.problems).toBe(Math.round(19_000 * SCALE) + Math.round(810 * SCALE) + Math.round(90 * SCALE));
    expect(await count(db, 'select count(*) as n from problem')).toBe(summary.problems);
    expect(await count(db, 'select count(*) as n from problem_event')).toBe(summary.problemEvents);
    // Every record is by the household's current helper, within the demo year and not before the pairing began.
    expect(
      await count(
        db,
        `select count(*) as n from assistance_record r join pairing p on p.id = r.pairing_id
          where p.ended_on is not null or p.member_id <> r.member_id or p.household_id <> r.household_id
            or r.visited_on < p.started_on or r.visited_on not between date '2020-01-01' and date '${TODAY}'`,
      ),
    ).toBe(0);
    expect(await count(db, 'select count(*) as n from assistance_record where pairing_id is null')).toBe(0);
    const share = async (where: string) =>
      (await count(db, `select count(*) as n from assistance_record where ${where}`)) / summary.helpRecords;
    expect(await share("status = 'verified'")).toBeCloseTo(0.85, 1);
    expect(await share("status = 'returned'")).toBeGreaterThan(0.03);
    expect(await share("status = 'submitted'")).toBeGreaterThan(0.05);
    expect(await share('solved_need')).toBeGreaterThan(0.2);
    // Spring and autumn busier than the Spring Festival month.
    const inMonth = (m: number) => share(`extract(month from visited_on) = ${m}`);
    expect(await inMonth(4)).toBeGreaterThan((await inMonth(2)) * 1.5);
    expect(await inMonth(10)).toBeGreaterThan((await inMonth(2)) * 1.5);
    // Resolved problems have their trail: raised first, resolved at their final level, closed ones confirmed last.
    expect(
      await count(
        db,
        `select count(*) as n from problem p where p.status in ('resolved', 'closed') and (
          (select action from problem_event e where e.problem_id = p.id order by e.at, e.id limit 1) <> 'raise'
          or not exists (select 1 from problem_event e where e.problem_id = p.id and e.action = 'resolve'
            and e.to_level = p.level and e.at = p.resolved_at)
          or (p.status = 'closed') <> exists (select 1 from problem_event e where e.problem_id = p.id
            and e.action = 'confirm' and e.at = p.closed_at))`,
      ),
    ).toBe(0);
    const levels = await sql<{ level: string }>`select distinct level from problem order by level`.execute(db);
    expect(levels.rows.map((r) => r.level)).toEqual(['county', 'grid', 'township', 'village']);
    expect(await count(db, "select count(*) as n from problem where status in ('resolved', 'closed')")).toBe(
      Math.round(19_000 * SCALE),
    );
    expect(
      await count(
        db,
        `select count(*) as n from problem where status not in ('resolved', 'closed') and due_at < '${DEMO_CLOCK_START}'`,
      ),
    ).toBe(Math.round(90 * SCALE));
    // Nothing happens after the demo clock's start (the business "now" at seeding), so nothing is in the future.
    expect(
      await count(
        db,
        `select count(*) as n from problem
          where greatest(created_at, updated_at, level_entered_at, resolved_at, closed_at) > '${DEMO_CLOCK_START}'`,
      ),
    ).toBe(0);
  });

  it('reports progress per stage, ending each stage at its total', () => {
    const stages = [...new Set(progress.map(([stage]) => stage))];
    expect(stages).toEqual(['places', 'members', 'households', 'grids', 'pairings', 'history']);
    for (const stage of stages) {
      const last = progress.filter(([s]) => s === stage).at(-1);
      expect(last?.[1]).toBe(last?.[2]);
    }
    expect(progress.filter(([s]) => s === 'members').at(-1)?.[2]).toBe(a.summary.members);
  });

  it('is deterministic: the same seed gives identical rows, another seed different ones', async () => {
    const again = await seeded(20_201_231);
    const other = await seeded(7);
    const [fa, fb, fc] = await Promise.all([fingerprint(a.db), fingerprint(again.db), fingerprint(other.db)]);
    expect(fb).toBe(fa);
    expect(fc).not.toBe(fa);
    const ids = async (db: Kysely<Database>) =>
      (await sql<{ id_number: string }>`select id_number from party_member order by id`.execute(db)).rows;
    expect(await ids(other.db)).not.toEqual(await ids(a.db));
  }, 600_000); // two more county seeds: minutes when the suites run side by side on 2 cores
});

interface PersonRow {
  household_id: number;
  name: string;
  sex: 'M' | 'F';
  id_number: string;
  birth_date: string;
  relation: RelationCode;
  health: HealthCode;
  labour: LabourCode;
  school_status: SchoolStatusCode;
  has_medical_insurance: boolean;
}

/** Rows of `rows` grouped by household_id. */
function byHousehold<T extends { household_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) out.set(row.household_id, [...(out.get(row.household_id) ?? []), row]);
  return out;
}

describe('seeded households', () => {
  let households: Awaited<ReturnType<typeof loadHouseholds>>;
  let persons: Map<number, PersonRow[]>;
  let incomes: Map<number, Awaited<ReturnType<typeof loadIncomes>>>;
  let events: Map<number, { household_id: number; status: string; effective_on: string }[]>;

  const loadHouseholds = (db: Kysely<Database>) => db.selectFrom('household').selectAll().orderBy('id').execute();
  const loadIncomes = (db: Kysely<Database>) => db.selectFrom('household_income').selectAll().orderBy('year').execute();

  beforeAll(async () => {
    households = await loadHouseholds(a.db);
    persons = byHousehold(
      (await a.db.selectFrom('household_person').selectAll().orderBy('id').execute()) as PersonRow[],
    );
    incomes = byHousehold(await loadIncomes(a.db)) as typeof incomes;
    events = byHousehold(
      await a.db
        .selectFrom('household_status_event')
        .select(['household_id', 'status', 'effective_on'])
        .orderBy('id')
        .execute(),
    );
  });

  it('every household passes the registry consistency checks (checkHousehold)', () => {
    const failures = households.flatMap((h) => {
      const latest = incomes.get(h.id)?.at(-1);
      const violations = checkHousehold(
        {
          attribute: h.attribute as AttributeCode,
          mainCause: h.main_cause as CauseCode,
          otherCauses: h.other_causes as CauseCode[],
          persons: (persons.get(h.id) ?? []).map((p) => ({
            name: p.name,
            idNumber: p.id_number,
            relation: p.relation,
            health: p.health,
            labour: p.labour,
            schoolStatus: p.school_status,
          })),
          income: latest
            ? { items: { ...latest, productionCost: latest.production_cost }, householdSize: latest.household_size }
            : null,
        },
        { asOf: TODAY },
      );
      return violations.map((v) => `${h.registry_no}: ${v.code}`);
    });
    expect(households.length).toBe(a.summary.households);
    expect(failures).toEqual([]);
  });

  it('has a status equal to its latest poverty event, after a history that starts with identification', () => {
    for (const h of households) {
      const history = events.get(h.id) ?? [];
      const dates = history.map((e) => e.effective_on);
      expect(dates).toEqual([...dates].sort());
      expect(history[0]).toMatchObject({ status: 'identified' });
      expect(history[0]?.effective_on.slice(0, 4)).toBe(String(h.identified_year));
      // Monitoring events (2020, before monitoring cases) stay in the history; the status is the poverty fact.
      const poverty = history.filter((e) => !['monitored', 'risk_cleared'].includes(e.status));
      expect(poverty.at(-1)?.status).toBe(h.status);
      expect((dates.at(-1) ?? '') <= TODAY).toBe(true);
    }
    const statuses = new Set(households.map((h) => h.status));
    expect(statuses.has('exited')).toBe(true);
    expect(households.filter((h) => h.status === 'exited').length / households.length).toBeGreaterThan(0.7);
  });

  it('has persons, sizes and incomes that agree, with one head whose name heads the household', () => {
    for (const h of households) {
      const people = persons.get(h.id) ?? [];
      const rows = incomes.get(h.id) ?? [];
      expect(people.filter((p) => p.relation === 'head').map((p) => p.name)).toEqual([h.head_name]);
      expect(h.size).toBe(people.length);
      expect(rows.map((r) => r.year)).toEqual(
        Array.from({ length: 2021 - Number(h.identified_year) }, (_, i) => Number(h.identified_year) + i),
      );
      for (const r of rows) {
        expect(r.household_size).toBe(people.length);
        expect(r.per_capita_net).toBeGreaterThan(0);
        expect(r.per_capita_net).toBeLessThanOrEqual(100_000);
        if (r.dibao > 0) expect(['dibao', 'dibao_poor']).toContain(h.attribute);
        if (r.wubao > 0) expect(h.attribute).toBe('tekun');
      }
      expect(h.income_year).toBe(2020);
      expect(h.per_capita_income).toBe(rows.at(-1)?.per_capita_net);
    }
  });

  it('puts exited households above the poverty line from their exit year on, and poor ones below it', () => {
    let checked = 0;
    for (const h of households) {
      const rows = incomes.get(h.id) ?? [];
      const exit = (events.get(h.id) ?? []).filter((e) => e.status === 'exited').at(-1);
      if (h.status === 'identified') {
        for (const r of rows) expect(r.per_capita_net).toBeLessThan(povertyLine(r.year, '34'));
      }
      if (h.status !== 'exited' || !exit) continue;
      const exitYear = Number(exit.effective_on.slice(0, 4));
      for (const r of rows.filter((x) => x.year >= exitYear))
        expect(r.per_capita_net).toBeGreaterThan(povertyLine(r.year, '34'));
      const result = runExitTest({
        year: 2020,
        provinceCode: '34',
        perCapitaNetIncome: h.per_capita_income ?? 0,
        foodAndClothingSecure: h.food_clothing_secure,
        persons: (persons.get(h.id) ?? []).map((p) => ({
          birthDate: p.birth_date,
          schoolStatus: p.school_status,
          hasMedicalInsurance: p.has_medical_insurance,
        })),
        housingGrade: h.housing_grade,
        safeWater: h.safe_water,
        asOf: TODAY,
      });
      expect(result.checks.filter((c) => !c.passed)).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('gives persons ID numbers that match their birth date and sex', () => {
    for (const p of [...persons.values()].flat()) {
      const id = parseResidentId(p.id_number, TODAY);
      expect(id).toMatchObject({ ok: true, birthDate: p.birth_date, sex: p.sex, areaCode: '340822' });
    }
  });

  it('keeps needs consistent: closed ones carry a closing date on or after they were raised', async () => {
    const needs = await a.db.selectFrom('household_need').selectAll().execute();
    for (const n of needs) {
      expect(n.status === 'open').toBe(n.closed_on === null);
      if (n.closed_on) expect(n.closed_on >= n.raised_on).toBe(true);
    }
    const perHousehold = byHousehold(needs);
    for (const list of perHousehold.values()) expect(list.length).toBeGreaterThanOrEqual(1);
    expect(perHousehold.size).toBe(households.length);
  });
});

describe('seeded members and places', () => {
  it('never repeats an ID number across party members and household persons', async () => {
    const total = await count(
      a.db,
      'select (select count(*) from party_member) + (select count(*) from household_person) as n',
    );
    const distinct = await count(
      a.db,
      'select count(distinct id_number) as n from (select id_number from party_member union all select id_number from household_person) ids',
    );
    expect(distinct).toBe(total);
  });

  it('gives members valid cards: ID matching birth date and sex, ages 20–88, joined after 18 and by "today"', async () => {
    const members = await a.db.selectFrom('party_member').selectAll().execute();
    for (const m of members) {
      expect(parseResidentId(m.id_number, TODAY)).toMatchObject({ ok: true, birthDate: m.birth_date, sex: m.sex });
      const age = ageOn(m.birth_date, TODAY);
      expect(age).toBeGreaterThanOrEqual(20);
      expect(age).toBeLessThanOrEqual(88);
      expect(ageOn(m.birth_date, m.join_date)).toBeGreaterThanOrEqual(18);
      expect(m.join_date <= TODAY).toBe(true);
      if (m.membership === 'probationary') expect(m.join_date >= '2020-01-01').toBe(true);
      if (m.is_migrant) expect(m.capacity).toBe(0);
      expect(m.willingness.length).toBeGreaterThanOrEqual(1);
      expect(m.willingness.length).toBeLessThanOrEqual(3);
      expect(m.expertise.length).toBeLessThanOrEqual(3);
      expect(m.phone ?? '13000000000').toMatch(/^1[3-9]\d{9}$/);
      if (m.post === '乡村医生') expect(m.expertise).toContain('medical');
    }
    const share = (p: (m: (typeof members)[number]) => boolean) => members.filter(p).length / members.length;
    expect(share((m) => m.sex === 'M')).toBeGreaterThan(0.65);
    expect(share((m) => m.membership === 'formal')).toBeGreaterThan(0.9);
    expect(share((m) => m.capacity === 0)).toBeGreaterThan(0.05);
    expect(share((m) => m.capacity === 2)).toBeGreaterThan(0.25);
  });

  it('names each branch after its village and has at least three full members per village', async () => {
    const rows = await sql<{ name: string; kind: string; branch: string | null; formal: number }>`
      select v.name, v.kind, min(m.branch_name) as branch, count(*) filter (where m.membership = 'formal') as formal
      from org_unit v left join party_member m on m.county_code = v.county_code and left(m.natural_village_code, 12) = v.code
      where v.level = 'village' group by v.code, v.name, v.kind`.execute(a.db);
    for (const r of rows.rows) {
      expect(r.branch).toBe(`${r.name}党支部`);
      expect(r.name.endsWith(r.kind)).toBe(true);
      expect(Number(r.formal)).toBeGreaterThanOrEqual(3);
    }
  });

  it('codes villages and natural villages by the NBS pattern, with dotted paths and coordinates in the county', async () => {
    const units = await a.db.selectFrom('org_unit').selectAll().execute();
    const byCode = new Map(units.map((u) => [u.code, u]));
    const box = countyBox('340822');
    for (const u of units.filter((x) => x.level === 'village' || x.level === 'natural_village')) {
      const parent = byCode.get(u.parent_code ?? '');
      expect(u.path).toBe(`${parent?.path}.${u.code}`);
      expect(u.lat).not.toBeNull();
      expect(u.lat ?? 0).toBeGreaterThanOrEqual(box.south);
      expect(u.lat ?? 0).toBeLessThanOrEqual(box.north);
      expect(u.lng ?? 0).toBeGreaterThanOrEqual(box.west);
      expect(u.lng ?? 0).toBeLessThanOrEqual(box.east);
      if (u.level === 'natural_village') {
        expect(u).toMatchObject({ kind: '自然村' });
        expect(u.code).toMatch(/^\d{12}(0\d\d|1[0-2]\d)$/);
        continue;
      }
      const seq = Number(u.code.slice(9));
      expect(u.kind === '社区' ? seq >= 1 && seq <= 199 : seq >= 200 && seq <= 399).toBe(true);
    }
    const towns = units.filter((u) => u.level === 'township');
    expect(new Set(towns.map((t) => `${t.lat},${t.lng}`)).size).toBe(towns.length);
  });

  it('moves the identity sequences past the explicit ids', async () => {
    for (const table of ['party_member', 'household', 'household_person']) {
      const seq = await sql<{ last: number; max: number }>`
        select (select last_value from ${sql.raw(`${table}_id_seq`)}) as last, (select max(id) from ${sql.table(table)}) as max`.execute(
        a.db,
      );
      expect(Number(seq.rows[0]?.last)).toBe(Number(seq.rows[0]?.max));
    }
  });

  it('seeds a second county after the first, continuing ids, and refuses to seed a county twice', async () => {
    const before = await count(a.db, 'select max(id) as n from household');
    const second = await seedDemoCounty(a.db, { seed: 1, countyCode: '110101', scale: 0.02 });
    expect(second).toMatchObject({ countyCode: '110101', villages: 5 });
    const ids = await a.db
      .selectFrom('household')
      .select(['id', 'registry_no'])
      .where('county_code', '=', '110101')
      .execute();
    expect(Math.min(...ids.map((h) => h.id))).toBe(before + 1);
    expect(ids.every((h) => h.registry_no.startsWith('110101'))).toBe(true);
    const units = await a.db
      .selectFrom('org_unit')
      .select(['lat', 'lng'])
      .where('county_code', '=', '110101')
      .where('level', '=', 'natural_village')
      .execute();
    const box = countyBox('110101');
    expect(
      units.every(
        (u) =>
          (u.lat ?? 0) >= box.south &&
          (u.lat ?? 0) <= box.north &&
          (u.lng ?? 0) >= box.west &&
          (u.lng ?? 0) <= box.east,
      ),
    ).toBe(true);
    await expect(seedDemoCounty(a.db, { seed: 1, scale: SCALE })).rejects.toMatchObject({ code: 'conflict' });
  });
});

// Last: it anchors the demo clock on `a` and moves its problems (the checks above read the seed as written).
describeDemoClock(() => a.db, SCALE);
