/**
 * The demo's monitoring cases: its history (2020, before monitoring cases existed) records monitoring as status
 * events; after the bulk insert each 'monitored' event becomes a case exactly as migration 2026-12-12-01 turned
 * such events into cases (cleared by the next 'risk_cleared' event, the events kept as they are). Risk types
 * come from the household's main cause where it is one.
 */
import { type Kysely, sql } from 'kysely';
import { RISK_TYPES } from '../../shared/labels/monitoring.ts';
import type { Database } from '../schema.ts';

/** Inserts the cases of the county's monitoring events; returns how many. */
export async function casesFromDemoEvents(db: Kysely<Database>, county: string): Promise<number> {
  const risks = sql.join(RISK_TYPES.map((r) => sql.lit(r)));
  const result = await sql`
    insert into monitoring_case (county_code, household_id, category, risk_types, sources, opened_on, open_reason,
      status, closed_on, close_reason, opened_event_id, closed_event_id)
    select m.county_code, m.household_id, 'unstable',
      array[case when h.main_cause in (${risks}) then h.main_cause else 'other' end], array['visit'],
      m.effective_on, m.reason,
      case when nx.id is null then 'open' else 'cleared' end, nx.effective_on, nx.reason, m.id, nx.id
    from household_status_event m
    join household h on h.county_code = m.county_code and h.id = m.household_id
    left join household_status_event nx on nx.county_code = m.county_code and nx.household_id = m.household_id
      and nx.status = 'risk_cleared'
    where m.county_code = ${county} and m.status = 'monitored'
    order by m.household_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The demo province's monitoring lines after the campaign, synthetic and marked so (演示数据): a real line already
 * entered for a year is kept.
 */
export async function seedDemoMonitoringLines(db: Kysely<Database>, provinceCode: string): Promise<void> {
  const lines: [number, number][] = [
    [2021, 6000],
    [2022, 6500],
    [2023, 6900],
    [2024, 7300],
    [2025, 7600],
  ];
  await db
    .insertInto('monitoring_line')
    .values(
      lines.map(([year, yuan]) => ({
        province_code: provinceCode,
        year,
        yuan,
        source: '演示数据（合成，非官方标准）',
        updated_by: null,
      })),
    )
    .onConflict((oc) => oc.columns(['province_code', 'year']).doNothing())
    .execute();
}
