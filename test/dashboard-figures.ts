/**
 * The dashboard's figures counted the plain way, straight from households and members with SQL written
 * independently of the summary (no width_bucket, no grouping sets, no summary table), for the tests to compare.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { povertyLine } from '../src/domain/poverty-line.ts';

type Count = { code: string; count: number };
const RATIOS = [0.8, 1, 1.2, 1.5, 2];
const BIN_CODES = ['lt_0_8', '0_8_to_1', '1_to_1_2', '1_2_to_1_5', '1_5_to_2', 'ge_2'];
const ranked = (rows: Count[]) =>
  rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

async function unitFigures(db: Kysely<Database>, county: string, scope: string, year: number | null) {
  const within = `${scope}%`;
  const { rows } = await sql<{ households: number; poor: number; exited: number; monitored: number; mean: number }>`
    select count(*)::int as households,
      count(*) filter (where status in ('identified', 'returned'))::int as poor,
      count(*) filter (where status = 'exited')::int as exited,
      count(*) filter (where exists (select 1 from monitoring_case c where c.county_code = household.county_code
        and c.household_id = household.id and c.status = 'open'))::int as monitored,
      round(avg(per_capita_income) filter (where income_year = ${year}))::int as mean
    from household where county_code = ${county} and natural_village_code like ${within}`.execute(db);
  const members = await sql<{ n: number }>`
    select count(*)::int as n from party_member
    where county_code = ${county} and status = 'active' and natural_village_code like ${within}`.execute(db);
  const h = rows[0] as NonNullable<(typeof rows)[0]>;
  return { ...h, members: members.rows[0]?.n ?? 0 };
}

/** Everything GET /dashboard?scope= should answer for `scope`, but refreshedAt. */
export async function expectedDashboard(db: Kysely<Database>, county: string, scope: string) {
  const within = `${scope}%`;
  const yearRow = await sql<{ y: number | null }>`
    select max(income_year) as y from household where county_code = ${county}`.execute(db);
  const year = yearRow.rows[0]?.y ?? null;
  const line = year === null ? null : povertyLine(year, county.slice(0, 2));
  const place = sql`county_code = ${county} and natural_village_code like ${within}`;
  const byStatus = await sql<Count>`
    select status as code, count(*)::int as count from household where ${place} group by 1`.execute(db);
  const byCategory = await sql<Count>`
    select c.category as code, count(*)::int as count from monitoring_case c
    join household h on h.county_code = c.county_code and h.id = c.household_id
    where c.status = 'open' and h.county_code = ${county} and h.natural_village_code like ${within}
    group by 1`.execute(db);
  const byCause = await sql<Count>`
    select main_cause as code, count(*)::int as count from household where ${place} group by 1`.execute(db);
  const incomes = await sql<{ income: number | null; y: number | null }>`
    select per_capita_income as income, income_year as y from household where ${place}`.execute(db);
  const bins = BIN_CODES.map(() => 0);
  let missing = 0;
  for (const { income, y } of incomes.rows) {
    if (line === null || income === null || y !== year) missing++;
    else {
      const bin = RATIOS.filter((r) => income >= Math.round(line * r * 100) / 100).length;
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
  }
  const unnested = (column: 'expertise' | 'willingness') => sql<Count>`
    select code, count(*)::int as count from party_member, unnest(${sql.ref(column)}) as code
    where county_code = ${county} and status = 'active' and natural_village_code like ${within} group by 1`;
  const children = await sql<{ code: string; name: string; level: string }>`
    select code, name, level from org_unit where county_code = ${county} and parent_code = ${scope} order by code`.execute(
    db,
  );
  const own = await unitFigures(db, county, scope, year);
  const child = async (c: { code: string; name: string; level: string }) => {
    const f = await unitFigures(db, county, c.code, year);
    const { monitored: _, mean, ...rest } = f;
    return { ...c, ...rest, perCapitaMean: mean };
  };
  const statusCount = (s: string) => byStatus.rows.find((r) => r.code === s)?.count ?? 0;
  return {
    totals: {
      households: own.households,
      poor: own.poor,
      exited: own.exited,
      monitored: own.monitored,
      members: own.members,
      perCapitaMean: own.mean,
    },
    householdsByStatus: ['identified', 'exited', 'returned', 'none'].map((code) => ({
      code,
      count: statusCount(code),
    })),
    householdsByCause: ranked(byCause.rows),
    monitoringByCategory: ['unstable', 'marginal', 'sudden_hardship'].map((code) => ({
      code,
      count: byCategory.rows.find((r) => r.code === code)?.count ?? 0,
    })),
    income: {
      year,
      povertyLine: line,
      bins: BIN_CODES.map((code, i) => ({
        code,
        fromRatio: i === 0 ? null : RATIOS[i - 1],
        toRatio: RATIOS[i] ?? null,
        count: bins[i],
      })),
      missing,
    },
    membersByExpertise: ranked((await unnested('expertise').execute(db)).rows),
    membersByWillingness: ranked((await unnested('willingness').execute(db)).rows),
    children: await Promise.all(children.rows.map(child)),
  };
}
