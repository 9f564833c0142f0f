/** Kysely table types of the problem tables (migration 07), kept apart so schema.ts stays one import longer. */
import type { ColumnType, Generated } from 'kysely';
import type { ProblemLevel, ProblemStatus, Urgency } from '../domain/escalation.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface ProblemTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  natural_village_code: string;
  raised_by_member_id: number | null;
  raised_by_user_id: number | null;
  category: string;
  category_kind: Defaulted<string>;
  description: string;
  urgency: Defaulted<Urgency>;
  level: Defaulted<ProblemLevel>;
  status: Defaulted<ProblemStatus>;
  holder_code: string;
  department: string | null;
  level_entered_at: Timestamp;
  due_at: ColumnType<Date, Date | string, Date | string>;
  overdue_flagged_at: NullableTimestamp;
  resolution: string | null;
  resolved_at: NullableTimestamp;
  resolved_by: number | null;
  closed_at: NullableTimestamp;
  closed_by: number | null;
  reopened_count: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ProblemEventAction =
  | 'raise'
  | 'accept'
  | 'hand_to_department'
  | 'resolve'
  | 'escalate'
  | 'confirm'
  | 'reopen'
  | 'overdue'
  | 'urge';

export interface ProblemEventTable {
  county_code: string;
  id: Generated<number>;
  problem_id: number;
  action: ProblemEventAction;
  actor_id: number | null;
  actor: string;
  from_level: ProblemLevel | null;
  to_level: ProblemLevel;
  from_status: ProblemStatus | null;
  to_status: ProblemStatus;
  comment: Defaulted<string>;
  automatic: Defaulted<boolean>;
  /** The unit that urged (督办), on 'urge' events only. */
  urging_unit: ColumnType<string | null, string | null | undefined, string | null>;
  at: Timestamp;
}

export interface ProblemDeadlineTable {
  county_code: string;
  category: string;
  urgency: Urgency;
  level: ProblemLevel;
  hours: number;
}

export type NotificationKind =
  | 'problem_arrived'
  | 'problem_overdue'
  | 'problem_resolved'
  | 'problem_reopened'
  | 'problem_urged';

export interface NotificationTable {
  county_code: string;
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  problem_id: number | null;
  text_zh: string;
  text_en: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}
