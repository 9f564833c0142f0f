/**
 * The facts early warning reads for every household of a scope not under monitoring, in one statement of
 * grouped sub-queries (no query per household): whether it has a current helper, latest verified help, the latest two income years, persons with
 * a serious illness or disability, and problems past their deadline.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface WarningFactsRow {
  id: number;
  natural_village_code: string;
  head_name: string;
  status: string;
  paired: boolean;
  last_help: string | null;
  income_year: number | null;
  per_capita: string | null;
  previous_per_capita: string | null;
  ill_persons: number;
  /** Latest change of an ill or disabled person (updated_at: bookkeeping, real time). */
  ill_changed_at: Date | string | null;
  overdue_problems: number;
}

/**
 * Facts of the scope's households without an open monitoring case, by id; problems are overdue at `now` (business
 * time).
 */
export async function warningFacts(db: Kysely<Database>, county: string, within: string, now: Date) {
  const { rows } = await sql<WarningFactsRow>`
    with hh as (
      select id, natural_village_code, head_name, status from household
      where county_code = ${county} and natural_village_code like ${`${within}%`}
        and not exists (select 1 from monitoring_case mc where mc.county_code = household.county_code
          and mc.household_id = household.id and mc.status = 'open')
    ), help as (
      select household_id, to_char(max(visited_on), 'YYYY-MM-DD') as last_help from assistance_record
      where county_code = ${county} and status = 'verified' group by household_id
    ), inc as (
      select household_id, year, per_capita_net,
        lag(per_capita_net) over (partition by household_id order by year) as previous,
        row_number() over (partition by household_id order by year desc) as rn
      from household_income where county_code = ${county}
    ), ill as (
      select household_id, count(*)::int as n,
        max(updated_at) as changed_at
      from household_person
      where county_code = ${county} and removed_on is null and health in ('serious', 'disabled')
      group by household_id
    ), late as (
      select household_id, count(*)::int as n from problem
      where county_code = ${county} and status not in ('resolved', 'closed') and due_at < ${now}
      group by household_id
    )
    select hh.id::int as id, hh.natural_village_code, hh.head_name, hh.status, help.last_help,
      exists (select 1 from pairing p where p.county_code = ${county} and p.household_id = hh.id
        and p.ended_on is null) as paired,
      inc.year::int as income_year, inc.per_capita_net as per_capita, inc.previous as previous_per_capita,
      coalesce(ill.n, 0) as ill_persons, ill.changed_at as ill_changed_at, coalesce(late.n, 0) as overdue_problems
    from hh
    left join help on help.household_id = hh.id
    left join inc on inc.household_id = hh.id and inc.rn = 1
    left join ill on ill.household_id = hh.id
    left join late on late.household_id = hh.id
    order by hh.id`.execute(db);
  return rows;
}
