/** Kysely table types of record trust (migration 2026-12-11-01), kept apart from schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json = ColumnType<unknown, string | undefined, string>;

/** One anomaly flag of a help record (one per record and kind). */
export interface RecordFlagTable {
  county_code: string;
  id: Generated<number>;
  record_id: number;
  kind: string;
  reason: string;
  evidence: Json;
  status: Defaulted<'open' | 'cleared' | 'upheld'>;
  raised_at: Timestamp;
  decided_by: number | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
}

/** The one-time confirmation code of a record, stored hashed. */
export interface RecordConfirmCodeTable {
  county_code: string;
  record_id: number;
  household_id: number;
  code_hash: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
  created_by: number | null;
  created_at: Timestamp;
}

/** A county's flag thresholds; no row = the code defaults. */
export interface CountyTrustSettingTable {
  county_code: string;
  backdate_days: number;
  sitting_minutes: number;
  sitting_records: number;
  duplicate_similarity: number;
  duplicate_min_chars: number;
  gps_max_km: number;
  travel_max_kmh: number;
  verify_window_seconds: number;
  verify_records: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The tables of record trust. */
export interface TrustTables {
  record_flag: RecordFlagTable;
  record_confirm_code: RecordConfirmCodeTable;
  county_trust_setting: CountyTrustSettingTable;
}
