/**
 * Schemas of Party group activities (组织生活): the county's rules, a group's yearly plan, compliance by scope,
 * activities with attendance and photos, QR sign-in and a member's own view. Text bounds are the columns' CHECKs
 * (migration 2026-12-08-01).
 */
import { type Static, Type } from 'typebox';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_STATUSES,
  ATTENDANCE_STATUS_LABELS,
  ATTENDANCE_STATUSES,
  FREQUENCIES,
  FREQUENCY_LABELS,
  SIGN_IN_METHOD_LABELS,
  SIGN_IN_METHODS,
  SLOT_STATE_LABELS,
  SLOT_STATES,
} from '../labels/party-activity.ts';
import { describeCodes } from '../lang.ts';
import { CountyCode, DateString, Id, OrgCode, PageQuery, SortQuery } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ActivityKind = Type.Enum(ACTIVITY_KINDS, { description: describeCodes(ACTIVITY_KIND_LABELS) });
export const Frequency = Type.Enum(FREQUENCIES, { description: describeCodes(FREQUENCY_LABELS) });
export const ActivityStatus = Type.Enum(ACTIVITY_STATUSES, { description: describeCodes(ACTIVITY_STATUS_LABELS) });
export const AttendanceStatus = Type.Enum(ATTENDANCE_STATUSES, {
  description: describeCodes(ATTENDANCE_STATUS_LABELS),
});
const Method = Type.Enum(SIGN_IN_METHODS, { description: describeCodes(SIGN_IN_METHOD_LABELS) });
const SlotState = Type.Enum(SLOT_STATES, { description: describeCodes(SLOT_STATE_LABELS) });
const Year = Type.Integer({ minimum: 2013, maximum: 2100 });
const Place = Type.String({ maxLength: 200 });
const Topic = Type.String({ maxLength: 200 });
const Content = Type.String({ maxLength: 4000 });

/** The scope a request acts in (narrowed to the caller's by the access rules; a group must lie within it). */
export const WithinQuery = Type.Object({ within: Type.Optional(OrgCode) }, { additionalProperties: false });
export const ActivityParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });
export const ActivityPhotoParams = Type.Object(
  { county: CountyCode, id: Id, activityPhotoId: Id },
  { additionalProperties: false },
);

// ——— rules ———

export const ActivityRuleItem = Type.Object({
  kind: ActivityKind,
  frequency: Frequency,
  countsForPoints: Type.Boolean(),
  active: Type.Boolean(),
});
export const ActivityRules = Type.Object({
  rules: Type.Array(ActivityRuleItem),
  isDefault: Type.Boolean({ description: 'true: the county has no rules of its own; these are the defaults' }),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type ActivityRules = Static<typeof ActivityRules>;
export const ActivityRulesBody = Type.Object(
  { rules: Type.Array(ActivityRuleItem, { minItems: 1, maxItems: ACTIVITY_KINDS.length }) },
  { additionalProperties: false },
);

// ——— plan and compliance ———

export const PlanQuery = Type.Object(
  { within: Type.Optional(OrgCode), groupId: Id, year: Type.Optional(Year) },
  { additionalProperties: false },
);
const Counts = {
  required: Type.Integer(),
  held: Type.Integer(),
  late: Type.Integer(),
  missed: Type.Integer(),
  due: Type.Integer(),
};
export const ComplianceCounts = Type.Object(Counts);
export type ComplianceCounts = Static<typeof ComplianceCounts>;
export const PlanSlot = Type.Object({
  kind: ActivityKind,
  period: Type.Integer(),
  from: DateString,
  to: DateString,
  state: SlotState,
  activityId: Nullable(Id),
  heldOn: Nullable(DateString),
});
export const GroupPlan = Type.Object({
  groupId: Id,
  groupName: Type.String(),
  year: Type.Integer(),
  today: DateString,
  slots: Type.Array(PlanSlot),
  compliance: ComplianceCounts,
});
export type GroupPlan = Static<typeof GroupPlan>;

export const COMPLIANCE_LEVELS = ['township', 'village', 'group'] as const;
export const ComplianceQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    year: Type.Optional(Year),
    by: Type.Optional(Type.Enum(COMPLIANCE_LEVELS, { default: 'village' })),
    sort: SortQuery(['name', 'required', 'held', 'late', 'missed', 'rate']),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ComplianceQuery = Static<typeof ComplianceQuery>;
export const ComplianceRow = Type.Object({
  code: Type.String({ description: 'township or village code, or the group id' }),
  name: Type.String(),
  groups: Type.Integer(),
  ...Counts,
  rate: Type.Number({ description: 'held in time ÷ required so far (required − due), 0..1' }),
});
export const CompliancePage = Type.Object({
  items: Type.Array(ComplianceRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  year: Type.Integer(),
  totals: ComplianceCounts,
});
export type CompliancePage = Static<typeof CompliancePage>;

// ——— activities ———

export const ActivityListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    groupId: Type.Optional(Id),
    kind: Type.Optional(ActivityKind),
    status: Type.Optional(ActivityStatus),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    sort: SortQuery(['date', 'kind', 'group']),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ActivityListQuery = Static<typeof ActivityListQuery>;
export const ActivityItem = Type.Object({
  id: Id,
  groupId: Id,
  groupName: Type.String(),
  villageCode: Type.String(),
  kind: ActivityKind,
  status: ActivityStatus,
  plannedOn: Nullable(DateString),
  heldOn: Nullable(DateString),
  topic: Type.String(),
  place: Type.String(),
  present: Type.Integer(),
  marked: Type.Integer(),
});

export const ActivityCreate = Type.Object(
  {
    groupId: Id,
    kind: ActivityKind,
    plannedOn: Type.Optional(DateString),
    heldOn: Type.Optional(DateString),
    place: Type.Optional(Place),
    topic: Type.Optional(Topic),
    content: Type.Optional(Content),
  },
  { additionalProperties: false },
);
export type ActivityCreate = Static<typeof ActivityCreate>;
export const ActivityEdit = Type.Object(
  {
    kind: Type.Optional(ActivityKind),
    plannedOn: Type.Optional(DateString),
    heldOn: Type.Optional(DateString),
    place: Type.Optional(Place),
    topic: Type.Optional(Topic),
    content: Type.Optional(Content),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActivityEdit = Static<typeof ActivityEdit>;
export const ActivityHold = Type.Object(
  { heldOn: DateString, place: Type.Optional(Place), topic: Topic, content: Type.Optional(Content) },
  { additionalProperties: false },
);
export type ActivityHold = Static<typeof ActivityHold>;
export const ActivityCancel = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const AttendanceMarkInput = Type.Object(
  {
    memberId: Id,
    status: AttendanceStatus,
    reason: Type.Optional(Type.String({ maxLength: 200 })),
    remote: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const AttendanceBody = Type.Object(
  { marks: Type.Array(AttendanceMarkInput, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

export const RosterEntry = Type.Object({
  memberId: Id,
  name: Type.String(),
  migrant: Type.Boolean(),
  /** false: marked earlier but no longer a current member of the group. */
  current: Type.Boolean(),
  attendanceId: Nullable(Id),
  status: Nullable(AttendanceStatus),
  reason: Nullable(Type.String()),
  remote: Type.Boolean(),
  method: Nullable(Method),
});
export const ActivityPhoto = Type.Object({
  id: Id,
  mime: Type.String(),
  bytes: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
});
export const ActivityDetail = Type.Object({
  id: Id,
  groupId: Id,
  groupName: Type.String(),
  villageCode: Type.String(),
  activityAddress: Type.String(),
  kind: ActivityKind,
  status: ActivityStatus,
  plannedOn: Nullable(DateString),
  heldOn: Nullable(DateString),
  place: Type.String(),
  topic: Type.String(),
  content: Type.String(),
  cancelReason: Nullable(Type.String()),
  signInUntil: Nullable(Type.String({ format: 'date-time' })),
  roster: Type.Array(RosterEntry),
  photos: Type.Array(ActivityPhoto),
  canWrite: Type.Boolean({ description: "whether the caller may change this activity (the group's unit or leader)" }),
});
export type ActivityDetail = Static<typeof ActivityDetail>;

/** Photo and the client-drawn thumbnail, base64 (≤ 5 MB and ≤ 256 KB decoded), as a help record's. */
export const ActivityPhotoUpload = Type.Object(
  {
    data: Type.String({ minLength: 1, maxLength: 7_000_000 }),
    thumbnail: Type.String({ minLength: 1, maxLength: 350_000 }),
    width: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
    height: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
  },
  { additionalProperties: false },
);

// ——— QR sign-in ———

export const SignInWindowBody = Type.Object(
  {
    open: Type.Boolean({ description: 'true: open (a new token, replacing any earlier one); false: close now' }),
    minutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 240, default: 120 })),
  },
  { additionalProperties: false },
);
export const SignInWindow = Type.Object({
  open: Type.Boolean(),
  token: Nullable(Type.String({ description: 'shown once, inside the QR code; only its hash is stored' })),
  until: Nullable(Type.String({ format: 'date-time' })),
  path: Nullable(Type.String({ description: 'the web page the QR code opens (relative to the site)' })),
  url: Nullable(Type.String({ description: 'the same page with the public origin: what the QR code holds' })),
  qrSvg: Nullable(Type.String({ description: 'the QR code of `url` as SVG markup (drawn as the plaques are)' })),
});
export type SignInWindow = Static<typeof SignInWindow>;
const Token = Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' });
export const SignInQuery = Type.Object({ token: Token }, { additionalProperties: false });
export const SignInBody = Type.Object(
  { token: Token, remote: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const SignInPreview = Type.Object({
  activityId: Id,
  kind: ActivityKind,
  topic: Type.String(),
  place: Type.String(),
  heldOn: Nullable(DateString),
  groupName: Type.String(),
  memberName: Type.String(),
  migrant: Type.Boolean(),
  alreadyPresent: Type.Boolean(),
});
export type SignInPreview = Static<typeof SignInPreview>;
export const SignInDone = Type.Object({ attendanceId: Id, status: AttendanceStatus, remote: Type.Boolean() });

// ——— a member's own view ———

export const MyActivities = Type.Object({
  member: Nullable(Type.Object({ id: Id, name: Type.String(), migrant: Type.Boolean() })),
  group: Nullable(Type.Object({ id: Id, name: Type.String() })),
  today: DateString,
  items: Type.Array(
    Type.Object({
      id: Id,
      kind: ActivityKind,
      status: ActivityStatus,
      plannedOn: Nullable(DateString),
      heldOn: Nullable(DateString),
      topic: Type.String(),
      place: Type.String(),
      signInOpen: Type.Boolean(),
      myStatus: Nullable(AttendanceStatus),
      myRemote: Type.Boolean(),
    }),
  ),
});
export type MyActivities = Static<typeof MyActivities>;
