/**
 * Things done (办实事) counted at the natural village and month: verified help records that solved a need, and
 * problems resolved or closed; plus problems by level and status and the resolved ones on time. Each query is one
 * grouped aggregate over the county (index-backed by county and status); callers fold the rows up to any scope.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Count of one natural village in one month (1–12). */
export interface UnitMonthCount {
  code: string;
  month: number;
  n: number;
}

/** Verified help records that solved a need, visited in `year`, by natural village and month. */
export async function helpRecordsDone(db: Kysely<Database>, county: string, year: number): Promise<UnitMonthCount[]> {
  const { rows } = await sql<UnitMonthCount>`
    select h.natural_village_code as code, extract(month from r.visited_on)::int as month, count(*)::int as n
    from assistance_record r
    join household h on h.county_code = r.county_code and h.id = r.household_id
    where r.county_code = ${county} and r.status = 'verified' and r.solved_need
      and r.visited_on >= ${`${year}-01-01`}::date and r.visited_on < ${`${year + 1}-01-01`}::date
    group by 1, 2`.execute(db);
  return rows;
}

/** Problems resolved or closed in `year` (by the day they were resolved, China time), by natural village and month. */
export async function problemsDone(db: Kysely<Database>, county: string, year: number): Promise<UnitMonthCount[]> {
  const { rows } = await sql<UnitMonthCount>`
    select natural_village_code as code,
      extract(month from resolved_at at time zone 'Asia/Shanghai')::int as month, count(*)::int as n
    from problem
    where county_code = ${county} and status in ('resolved', 'closed')
      and resolved_at >= ${`${year}-01-01T00:00:00+08:00`}::timestamptz
      and resolved_at < ${`${year + 1}-01-01T00:00:00+08:00`}::timestamptz
    group by 1, 2`.execute(db);
  return rows;
}

/** Problems of one natural village by level and status; `onTime` counts the resolved ones by their level deadline. */
export interface ProblemTally {
  code: string;
  level: string;
  status: string;
  n: number;
  onTime: number;
}

/** Every problem of the county tallied by natural village, level and status (current state, any year). */
export async function problemTallies(db: Kysely<Database>, county: string): Promise<ProblemTally[]> {
  const { rows } = await sql<ProblemTally>`
    select natural_village_code as code, level, status, count(*)::int as n,
      (count(*) filter (where resolved_at is not null and resolved_at <= due_at))::int as "onTime"
    from problem where county_code = ${county}
    group by 1, 2, 3`.execute(db);
  return rows;
}

/** The direct children of `parent` (code and name), in code order. */
export async function childUnits(db: Kysely<Database>, county: string, parent: string) {
  return db
    .selectFrom('org_unit')
    .select(['code', 'name'])
    .where('county_code', '=', county)
    .where('parent_code', '=', parent)
    .orderBy('code')
    .execute();
}

/** The year of the county's latest verified help record (index on county, status, visited_on), or null. */
export async function latestHelpYear(db: Kysely<Database>, county: string): Promise<number | null> {
  const { rows } = await sql<{ year: number | null }>`
    select extract(year from max(visited_on))::int as year from assistance_record
    where county_code = ${county} and status = 'verified'`.execute(db);
  return rows[0]?.year ?? null;
}
