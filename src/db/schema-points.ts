/** Kysely table types of member points and star ratings (migration 2026-12-08-02), kept apart from schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json = ColumnType<unknown, string, string>;

export type DecisionStatus = 'pending' | 'approved' | 'rejected';
export type RoundStage = 'review' | 'notice' | 'final';
export type ObjectionTarget = 'rating' | 'exemplary';
export type ExemptReason = 'elderly' | 'sick' | 'request';

/** A county's rule for one point item; no row = the default (domain/party-life/points.ts). */
export interface PointRuleTable {
  county_code: string;
  item: string;
  points: number;
  yearly_cap: number | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** A county's star settings; no row = the defaults. */
export interface StarSettingTable {
  county_code: string;
  threshold_2: number;
  threshold_3: number;
  threshold_4: number;
  threshold_5: number;
  quota_5: number | null;
  quota_4: number | null;
  quota_3: number | null;
  notice_days: number;
  exemplary_quota: number;
  exemplary_quotas: ColumnType<unknown, string | undefined, string>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface PointAdjustmentTable {
  county_code: string;
  id: Generated<number>;
  member_id: number;
  year: number;
  kind: 'bonus' | 'deduction';
  points: number;
  reason: string;
  status: Defaulted<DecisionStatus>;
  requested_by: number | null;
  requested_on: string;
  decided_by: number | null;
  decided_on: string | null;
  decision_note: string | null;
  created_at: Timestamp;
}

export interface StarVetoTable {
  county_code: string;
  id: Generated<number>;
  member_id: number;
  year: number;
  code: 'abandoned_pairing' | 'fabricated_record';
  pairing_id: number | null;
  record_id: number | null;
  reason: string;
  status: Defaulted<DecisionStatus>;
  requested_by: number | null;
  requested_on: string;
  decided_by: number | null;
  decided_on: string | null;
  created_at: Timestamp;
}

export interface AssessmentRoundTable {
  county_code: string;
  year: number;
  stage: Defaulted<RoundStage>;
  notice_from: string | null;
  finalized_on: string | null;
  exemplary_stage: 'notice' | 'final' | null;
  exemplary_notice_from: string | null;
  exemplary_finalized_on: string | null;
  computed_at: NullableTimestamp;
}

export interface MemberPointsTable {
  county_code: string;
  year: number;
  member_id: number;
  total: number;
  by_item: Json;
}

export interface StarRatingTable {
  county_code: string;
  year: number;
  member_id: number;
  natural_village_code: string;
  score: number;
  by_score: number | null;
  computed_stars: number | null;
  veto_code: string | null;
  lowered: 'quota' | 'veto' | null;
  exempt_reason: ExemptReason | null;
  exempt_note: string | null;
  self_stars: number | null;
  self_comment: string | null;
  self_on: string | null;
  group_stars: number | null;
  group_comment: string | null;
  group_by: number | null;
  group_on: string | null;
  branch_stars: number | null;
  branch_comment: string | null;
  branch_by: number | null;
  branch_on: string | null;
  final_stars: number | null;
}

export interface AssessmentObjectionTable {
  county_code: string;
  id: Generated<number>;
  year: number;
  member_id: number;
  target: ObjectionTarget;
  content: string;
  raised_by: number | null;
  raised_on: string;
  status: Defaulted<'open' | 'upheld' | 'dismissed'>;
  resolution: string | null;
  resolved_by: number | null;
  resolved_on: string | null;
}

export interface ExemplaryMemberTable {
  county_code: string;
  year: number;
  member_id: number;
  township_code: string;
  rank: number;
  stars: number;
  score: number;
  status: Defaulted<'shortlisted' | 'removed' | 'final'>;
}

/** The tables above, merged into schema.ts's Database. */
export interface PointsTables {
  point_rule: PointRuleTable;
  star_setting: StarSettingTable;
  point_adjustment: PointAdjustmentTable;
  star_veto: StarVetoTable;
  assessment_round: AssessmentRoundTable;
  member_points: MemberPointsTable;
  star_rating: StarRatingTable;
  assessment_objection: AssessmentObjectionTable;
  exemplary_member: ExemplaryMemberTable;
}
