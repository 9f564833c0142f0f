/**
 * A household's timeline in one UNION ALL query ordered by date: help records, pairing starts and ends
 * (handovers are ends with a successor), status events and the completed exit. Every branch is served by a
 * (county, household_id, …) index, so one household costs a few index scans whatever the county's size.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** One row of the timeline. `code` is the measure, the status, or the pairing's end reason. */
export interface TimelineRow {
  kind: 'help' | 'pairing_start' | 'pairing_end' | 'status' | 'exit';
  on: string;
  ref_id: number;
  code: string | null;
  text: string | null;
  member_name: string | null;
  extra: string | null;
}

/** Rows `offset`…`offset + limit - 1` of household `householdId`'s timeline, newest first. */
export async function timelineRows(
  db: Kysely<Database>,
  county: string,
  householdId: number,
  limit: number,
  offset: number,
): Promise<TimelineRow[]> {
  const result = await sql<TimelineRow>`
    select * from (
      select 'help' as kind, r.visited_on as on, r.id as ref_id, r.measure as code, r.content as text,
             m.name as member_name, r.status as extra
        from assistance_record r
        join party_member m on m.county_code = r.county_code and m.id = r.member_id
       where r.county_code = ${county} and r.household_id = ${householdId}
      union all
      select 'pairing_start', p.started_on, p.id, null, null, m.name, null
        from pairing p join party_member m on m.county_code = p.county_code and m.id = p.member_id
       where p.county_code = ${county} and p.household_id = ${householdId}
      union all
      select 'pairing_end', p.ended_on, p.id, p.end_reason, p.end_note, m.name,
             case when p.successor_id is null then null else 'handover' end
        from pairing p join party_member m on m.county_code = p.county_code and m.id = p.member_id
       where p.county_code = ${county} and p.household_id = ${householdId} and p.ended_on is not null
      union all
      select 'status', e.effective_on, e.id, e.status, e.reason, null, null
        from household_status_event e
       where e.county_code = ${county} and e.household_id = ${householdId}
      union all
      select 'exit', x.exited_on, x.id, x.status, null, null, x.year::text
        from household_exit x
       where x.county_code = ${county} and x.household_id = ${householdId} and x.status = 'exited'
    ) t
    order by t.on desc, t.kind, t.ref_id desc
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}
