/**
 * Table types of prevent-return monitoring (migrations 2026-12-12-01 and -02): cases, the county's "stably"
 * setting and the monitoring line by province and year. Merged into schema.ts's Database.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type MonitoringCaseStatus = 'open' | 'cleared' | 'closed';

/** A monitoring case (监测对象): opened, then cleared (风险消除) or closed; never deleted. */
export interface MonitoringCaseTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  category: string;
  risk_types: string[];
  resolved_risks: Defaulted<string[]>;
  sources: Defaulted<string[]>;
  opened_on: string;
  open_reason: Defaulted<string>;
  status: Defaulted<MonitoringCaseStatus>;
  closed_on: string | null;
  close_reason: string | null;
  /** The clearance criteria as checked when the case was cleared (jsonb). */
  clear_check: ColumnType<unknown, string | null | undefined, string | null>;
  helper_member_id: number | null;
  opened_event_id: number | null;
  closed_event_id: number | null;
  opened_by: number | null;
  closed_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** How many latest income years must be above the line to clear a risk; no row = 1. */
export interface CountyMonitoringSettingTable {
  county_code: string;
  stable_years: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The monitoring line (监测范围) a province set for a year, yuan per person per year, with its source. */
export interface MonitoringLineTable {
  province_code: string;
  year: number;
  yuan: number;
  source: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The tables above. */
export interface MonitoringTables {
  monitoring_case: MonitoringCaseTable;
  county_monitoring_setting: CountyMonitoringSettingTable;
  monitoring_line: MonitoringLineTable;
}
