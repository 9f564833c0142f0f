/**
 * Kysely table types, matching the migrations. Dates are 'YYYY-MM-DD' strings and numerics are numbers on both
 * backends (see TYPE_PARSERS in pglite-options.ts and kysely.ts).
 */
import type { ColumnType, Generated } from 'kysely';
import type {
  ActivityAttendanceTable,
  ActivityPhotoTable,
  ActivityRuleTable,
  PartyActivityTable,
} from './schema-activities.ts';
import type { MonitoringTables } from './schema-monitoring.ts';
import type { PointsTables } from './schema-points.ts';
import type { NotificationTable, ProblemDeadlineTable, ProblemEventTable, ProblemTable } from './schema-problems.ts';
import type { TrustTables } from './schema-trust.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** Column written by the database only (generated always). */
type ReadOnly<T> = ColumnType<T, never, never>;

export interface DictionaryTable {
  kind: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort: Defaulted<number>;
  active: Defaulted<boolean>;
}

export type OrgLevel = 'county' | 'township' | 'village' | 'natural_village';

export interface OrgUnitTable {
  county_code: string;
  code: string;
  parent_code: string | null;
  level: OrgLevel;
  kind: string;
  name: string;
  path: string;
  lat: number | null;
  lng: number | null;
  boundary: ColumnType<unknown | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartyMemberTable {
  county_code: string;
  id: Generated<number>;
  name: string;
  sex: 'M' | 'F';
  id_number: string;
  birth_date: string;
  phone: string | null;
  ethnicity: string;
  education: string;
  join_date: string;
  membership: 'formal' | 'probationary';
  branch_name: string;
  natural_village_code: string;
  post: string | null;
  work_unit: string | null;
  expertise: Defaulted<string[]>;
  interests: Defaulted<string>;
  willingness: Defaulted<string[]>;
  capacity: number;
  is_migrant: Defaulted<boolean>;
  health: Defaulted<string>;
  status: Defaulted<'active' | 'transferred_out' | 'deceased'>;
  note: Defaulted<string>;
  public_phone: Defaulted<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The household's poverty-history status (建档立卡); 'none' = never registered in poverty. */
export type HouseholdStatus = 'none' | 'identified' | 'exited' | 'returned';
/** A status-history event: the poverty statuses, and the monitoring events recorded before monitoring cases. */
export type StatusEventStatus = 'identified' | 'exited' | 'returned' | 'monitored' | 'risk_cleared';

export interface HouseholdTable {
  county_code: string;
  id: Generated<number>;
  registry_no: string;
  natural_village_code: string;
  address: Defaulted<string>;
  head_name: string;
  phone: string | null;
  bank_name: string | null;
  bank_account: string | null;
  standard: 'national' | 'provincial' | 'municipal';
  attribute: 'general' | 'dibao_poor' | 'tekun' | 'dibao';
  main_cause: string;
  other_causes: Defaulted<string[]>;
  status: HouseholdStatus;
  identified_year: number | null;
  planned_exit_year: number | null;
  farmland_mu: number | null;
  forest_mu: number | null;
  has_power: Defaulted<boolean>;
  road_distance_km: number | null;
  housing_area: number | null;
  housing_structure: string | null;
  housing_grade: 'A' | 'B' | 'C' | 'D' | null;
  safe_water: Defaulted<boolean>;
  has_toilet: Defaulted<boolean>;
  in_cooperative: Defaulted<boolean>;
  food_clothing_secure: Defaulted<boolean>;
  size: Defaulted<number>;
  income_year: number | null;
  per_capita_income: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HouseholdPersonTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  name: string;
  sex: 'M' | 'F';
  id_number: string;
  birth_date: string;
  relation: string;
  ethnicity: string;
  education: string;
  school_status: Defaulted<string>;
  health: Defaulted<string>;
  labour: string;
  months_worked: Defaulted<number>;
  has_medical_insurance: Defaulted<boolean>;
  has_pension_insurance: Defaulted<boolean>;
  removed_on: string | null;
  removed_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HouseholdIncomeTable {
  county_code: string;
  household_id: number;
  year: number;
  wage: Defaulted<number>;
  production: Defaulted<number>;
  property: Defaulted<number>;
  dibao: Defaulted<number>;
  wubao: Defaulted<number>;
  pension: Defaulted<number>;
  subsidy: Defaulted<number>;
  production_cost: Defaulted<number>;
  household_size: number;
  per_capita_net: ReadOnly<number>;
}

export interface HouseholdNeedTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  need: string;
  detail: Defaulted<string>;
  status: Defaulted<'open' | 'met' | 'dropped'>;
  raised_on: string;
  closed_on: string | null;
}

export interface HouseholdStatusEventTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  status: StatusEventStatus;
  effective_on: string;
  reason: Defaulted<string>;
  created_at: Timestamp;
}

export interface GridTable {
  county_code: string;
  id: Generated<number>;
  village_code: string;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  retired_at: Date | string | null;
  retired_reason: string | null;
}

export interface GridNaturalVillageTable {
  county_code: string;
  id: Generated<number>;
  grid_id: number;
  village_code: string;
  natural_village_code: string;
  piece: Defaulted<number>;
  pieces: Defaulted<number>;
  started_at: Timestamp;
  ended_at: Date | string | null;
}

export interface GridMemberTable {
  county_code: string;
  id: Generated<number>;
  grid_id: number;
  member_id: number;
  joined_at: Timestamp;
  left_at: Date | string | null;
  joined_reason: Defaulted<string>;
  left_reason: string | null;
}

export interface GridHouseholdTable {
  county_code: string;
  household_id: number;
  grid_id: number;
}

export interface PartyGroupTable {
  county_code: string;
  id: Generated<number>;
  grid_id: number;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  leader_member_id: number | null;
  leader_since: string | null;
  activity_address: Defaulted<string>;
  activity_lat: number | null;
  activity_lng: number | null;
  activity_notes: Defaulted<string>;
  retired_at: Date | string | null;
}

export type InstructorLevel = 'township' | 'village';

export interface GroupInstructorTable {
  county_code: string;
  id: Generated<number>;
  group_id: number;
  level: InstructorLevel;
  name: string;
  post: Defaulted<string>;
  phone: string | null;
  member_id: number | null;
  started_on: string;
  ended_on: string | null;
}

export type GridPlanStatus = 'proposed' | 'applied' | 'superseded';

export interface GridPlanTable {
  county_code: string;
  id: Generated<number>;
  scope_code: string;
  status: ColumnType<GridPlanStatus, GridPlanStatus | undefined, GridPlanStatus>;
  options: ColumnType<unknown, string | undefined, string>;
  basis: string;
  proposal: ColumnType<unknown, string, string>;
  summary: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  applied_at: Date | string | null;
}

export type GridEventKind =
  | 'created'
  | 'retired'
  | 'renamed'
  | 'natural_village_added'
  | 'natural_village_removed'
  | 'member_joined'
  | 'member_left'
  | 'leader_assigned'
  | 'instructor_assigned'
  | 'activity_centre_set';

export interface GridEventTable {
  county_code: string;
  id: Generated<number>;
  grid_id: number;
  kind: GridEventKind;
  detail: ColumnType<unknown, string | undefined, string>;
  plan_id: number | null;
  created_at: Timestamp;
}

export interface Database extends PointsTables, MonitoringTables, TrustTables {
  dictionary: DictionaryTable;
  org_unit: OrgUnitTable;
  party_member: PartyMemberTable;
  household: HouseholdTable;
  household_person: HouseholdPersonTable;
  household_income: HouseholdIncomeTable;
  household_need: HouseholdNeedTable;
  household_status_event: HouseholdStatusEventTable;
  grid: GridTable;
  grid_natural_village: GridNaturalVillageTable;
  grid_member: GridMemberTable;
  grid_household: GridHouseholdTable;
  party_group: PartyGroupTable;
  group_instructor: GroupInstructorTable;
  grid_plan: GridPlanTable;
  grid_event: GridEventTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
  audit_pending: AuditPendingTable;
  household_exit: HouseholdExitTable;
  exit_objection: ExitObjectionTable;
  pairing: PairingTable;
  match_rejection: MatchRejectionTable;
  commitment: CommitmentTable;
  commitment_item: CommitmentItemTable;
  public_feedback: PublicFeedbackTable;
  assistance_record: AssistanceRecordTable;
  assistance_record_version: AssistanceRecordVersionTable;
  assistance_photo: AssistancePhotoTable;
  problem: ProblemTable;
  problem_event: ProblemEventTable;
  problem_deadline: ProblemDeadlineTable;
  county_warning_setting: CountyWarningSettingTable;
  notification: NotificationTable;
  app_setting: AppSettingTable;
  import_job: ImportJobTable;
  activity_rule: ActivityRuleTable;
  party_activity: PartyActivityTable;
  activity_attendance: ActivityAttendanceTable;
  activity_photo: ActivityPhotoTable;
}

/** A global setting (migration 08): the value is jsonb, validated by the code reading its key. */
export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

/** A county's early-warning thresholds (migration 09); no row = the code defaults. */
export interface CountyWarningSettingTable {
  county_code: string;
  no_help_days: number;
  income_multiple: number;
  new_illness_days: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  phone: string | null;
  display_name: string;
  password_hash: string;
  is_demo: Defaulted<boolean>;
  disabled: Defaulted<boolean>;
  failed_logins: Defaulted<number>;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantTable {
  county_code: string;
  id: Generated<number>;
  user_id: number;
  role: string;
  org_code: string;
  /** For roles 'member' and 'group_leader': the Party member the user is (migrations 05 and 10). */
  member_id: Defaulted<number | null>;
  created_at: Timestamp;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface AuditHeadTable {
  county_code: string;
  seq: number;
  hash: string;
}

/** Entries staged by their writes until the seal links them into audit_log (migration 2026-12-07-20). */
export interface AuditPendingTable {
  county_code: string;
  id: Generated<number>;
  entry: string;
}

export interface AuditLogTable {
  county_code: string;
  seq: number;
  at: ColumnType<Date, Date | string, never>;
  actor_id: number | null;
  actor: string;
  action: string;
  table_name: string;
  record_id: string;
  org_code: string;
  diff: ColumnType<unknown, string, never>;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export type ExitStatus = 'assessed' | 'verified' | 'signed' | 'notice' | 'exited' | 'withdrawn';

export interface HouseholdExitTable {
  county_code: string;
  id: Generated<number>;
  household_id: number;
  year: number;
  status: ExitStatus;
  per_capita_net: number;
  line: number;
  assessment: ColumnType<unknown, string, string>;
  assessed_on: string;
  assessed_by: number | null;
  verified_on: string | null;
  verified_by: number | null;
  verification_note: string | null;
  signed_on: string | null;
  signer_name: string | null;
  notice_days: Defaulted<number>;
  notice_from: string | null;
  exited_on: string | null;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

export interface ExitObjectionTable {
  county_code: string;
  id: Generated<number>;
  exit_id: number;
  raised_on: string;
  raised_by: Defaulted<string>;
  content: string;
  status: Defaulted<ObjectionStatus>;
  resolution: string | null;
  resolved_on: string | null;
  resolved_by: number | null;
}

/** Why a pairing ended: the household's exit or cleared risk, or a handover (the member died, moved, fell ill…). */
export type PairingEndReason = 'exited' | 'risk_cleared' | 'deceased' | 'moved' | 'illness' | 'other';

export interface PairingTable {
  county_code: string;
  id: Generated<number>;
  member_id: number;
  household_id: number;
  slot: 1 | 2;
  started_on: string;
  ended_on: string | null;
  end_reason: PairingEndReason | null;
  end_note: string | null;
  exit_id: number | null;
  exit_status: 'exited' | null;
  successor_id: number | null;
  cleared_event_id: number | null;
  cleared_status: 'risk_cleared' | null;
  cleared_case_id: number | null;
  cleared_case_status: 'cleared' | null;
  measures: Defaulted<string>;
  plaque_code: string;
  confirmed_by: number | null;
  created_at: Timestamp;
}

export interface MatchRejectionTable {
  county_code: string;
  member_id: number;
  household_id: number;
  reason: Defaulted<string>;
  rejected_by: number | null;
  rejected_at: Timestamp;
}

export type CommitmentStatus = 'proposed' | 'returned' | 'approved' | 'published' | 'evaluated';
export type EvaluationGrade = 'excellent' | 'good' | 'fair' | 'poor';

export interface CommitmentTable {
  county_code: string;
  id: Generated<number>;
  member_id: number;
  year: number;
  status: Defaulted<CommitmentStatus>;
  review_comment: string | null;
  reviewed_on: string | null;
  reviewed_by: number | null;
  published_on: string | null;
  evaluation_grade: EvaluationGrade | null;
  evaluation: string | null;
  evaluated_on: string | null;
  evaluated_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommitmentItemTable {
  county_code: string;
  id: Generated<number>;
  commitment_id: number;
  position: number;
  content: string;
  household_id: number | null;
  due_on: string | null;
  fulfilled_on: string | null;
  evidence: string | null;
}

export type FeedbackStatus = 'pending' | 'approved' | 'rejected';

export interface PublicFeedbackTable {
  county_code: string;
  id: Generated<number>;
  pairing_id: number;
  satisfaction: number;
  comment: Defaulted<string>;
  client_key: string;
  status: Defaulted<FeedbackStatus>;
  submitted_at: Timestamp;
  moderated_by: number | null;
  moderated_at: Date | string | null;
}

export type HelpRecordStatus = 'submitted' | 'verified' | 'returned';

export interface AssistanceRecordTable {
  county_code: string;
  id: Generated<number>;
  client_id: string;
  household_id: number;
  member_id: number;
  pairing_id: number | null;
  visited_on: string;
  measure_kind: Defaulted<'measure'>;
  measure: string;
  need_id: number | null;
  solved_need: Defaulted<boolean>;
  content: string;
  lat: number | null;
  lng: number | null;
  status: Defaulted<HelpRecordStatus>;
  verified_by: number | null;
  verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  verify_comment: string | null;
  version: Defaulted<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The household's word on the record (migration 2026-12-11-01). */
  confirmation: Defaulted<'unconfirmed' | 'confirmed' | 'disputed'>;
  confirmed_via: 'household' | 'village' | null;
  confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  confirmation_comment: string | null;
}

export interface AssistanceRecordVersionTable {
  county_code: string;
  record_id: number;
  version: number;
  previous: ColumnType<unknown, string, string>;
  edited_by: number | null;
  edited_at: Timestamp;
}

export interface AssistancePhotoTable {
  county_code: string;
  id: Generated<number>;
  record_id: number;
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
  /** sha-256 of the photo's bytes, hex (migration 2026-12-11-01). */
  content_hash: string | null;
}

/** One uploaded spreadsheet: its dry run, its apply and what they found (migration 2026-12-10-01). */
export interface ImportJobTable {
  county_code: string;
  id: Generated<number>;
  kind: 'org-units' | 'members' | 'households';
  file_name: string;
  file_size: number;
  created_by: number | null;
  created_by_name: Defaulted<string>;
  created_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  status: 'checking' | 'checked' | 'applying' | 'applied' | 'failed' | 'cancelled';
  mode: Defaulted<'household' | 'file'>;
  counts: ColumnType<unknown, string | undefined, string>;
  problem_count: Defaulted<number>;
  problems: ColumnType<unknown, string | undefined, string>;
  message: string | null;
  source: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  annotated: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
}
