/**
 * Party groups' organisational life (组织生活) as code lists with their labels: kinds of activity, how often a
 * county requires them, an activity's status, attendance and how it was marked. The domain's plan rules, the
 * schemas, the server's messages and the web pages all read these.
 */
import type { Localized } from '../lang.ts';

export const ACTIVITY_KINDS = ['group_meeting', 'party_lecture', 'theme_day', 'study', 'volunteer'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, Localized> = {
  group_meeting: { zh: '党小组会', en: 'Group meeting' },
  party_lecture: { zh: '党课', en: 'Party lecture' },
  theme_day: { zh: '主题党日', en: 'Theme Party day' },
  study: { zh: '集中学习', en: 'Group study' },
  volunteer: { zh: '志愿服务', en: 'Volunteer service' },
};

export const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, Localized> = {
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  half_yearly: { zh: '每半年', en: 'Half-yearly' },
  yearly: { zh: '每年', en: 'Yearly' },
};

export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, Localized> = {
  planned: { zh: '计划中', en: 'Planned' },
  held: { zh: '已开展', en: 'Held' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** A plan slot's state (domain/party-life/activity-plan.ts `SlotState`). */
export const SLOT_STATES = ['held', 'late', 'missed', 'due'] as const;
export type SlotStateCode = (typeof SLOT_STATES)[number];

export const SLOT_STATE_LABELS: Record<SlotStateCode, Localized> = {
  held: { zh: '按时开展', en: 'Held in time' },
  late: { zh: '补开', en: 'Held late' },
  missed: { zh: '未开展', en: 'Missed' },
  due: { zh: '待开展', en: 'Due' },
};

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, Localized> = {
  present: { zh: '出席', en: 'Present' },
  excused: { zh: '请假', en: 'Excused' },
  absent: { zh: '缺席', en: 'Absent' },
};

export const SIGN_IN_METHODS = ['qr', 'leader'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const SIGN_IN_METHOD_LABELS: Record<SignInMethod, Localized> = {
  qr: { zh: '扫码签到', en: 'QR sign-in' },
  leader: { zh: '组长登记', en: 'Marked by leader' },
};
