/** Kysely table types of the Party group activity tables (migration 2026-12-08-01). */
import type { ColumnType, Generated } from 'kysely';
import type {
  ActivityKind,
  ActivityStatus,
  AttendanceStatus,
  Frequency,
  SignInMethod,
} from '../domain/party-life/activities.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** A county's requirement for one kind of activity; no rows = DEFAULT_ACTIVITY_RULES. */
export interface ActivityRuleTable {
  county_code: string;
  kind: ActivityKind;
  frequency: Frequency;
  counts_for_points: Defaulted<boolean>;
  active: Defaulted<boolean>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface PartyActivityTable {
  county_code: string;
  id: Generated<number>;
  group_id: number;
  kind: ActivityKind;
  planned_on: string | null;
  held_on: string | null;
  status: Defaulted<ActivityStatus>;
  place: Defaulted<string>;
  topic: Defaulted<string>;
  content: Defaulted<string>;
  cancel_reason: string | null;
  /** sha-256 (hex) of the open sign-in token; the token itself is never stored. */
  signin_secret: string | null;
  signin_until: NullableTimestamp;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivityAttendanceTable {
  county_code: string;
  id: Generated<number>;
  activity_id: number;
  member_id: number;
  status: AttendanceStatus;
  reason: string | null;
  remote: Defaulted<boolean>;
  method: SignInMethod;
  marked_by: number | null;
  marked_at: Timestamp;
}

export interface ActivityPhotoTable {
  county_code: string;
  id: Generated<number>;
  activity_id: number;
  storage_key: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  thumbnail_key: string;
  thumbnail_mime: string;
  thumbnail_bytes: number;
  uploaded_by: number | null;
  created_at: Timestamp;
}
