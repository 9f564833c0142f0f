/**
 * Rules of a group's activities (组织生活) and their attendance, pure: which step each status allows, the dates an
 * activity may carry, who may be marked how, and when a QR sign-in is open. The services read these and say
 * 404/409/422; the messages are here so the web and the server say the same.
 */
import {
  ACTIVITY_STATUS_LABELS,
  type ActivityStatus,
  type AttendanceStatus,
} from '../../shared/labels/party-activity.ts';
import { inSentence } from '../../shared/lang.ts';

export type {
  ActivityKind,
  ActivityStatus,
  AttendanceStatus,
  Frequency,
  SignInMethod,
} from '../../shared/labels/party-activity.ts';

import type { FieldProblem, Localized } from '../errors.ts';
import {
  type ActivityRule,
  type Compliance,
  complianceOf,
  DEFAULT_ACTIVITY_RULES,
  type HeldActivity,
  slotOutcomes,
  yearPlan,
} from './activity-plan.ts';

export const ACTIVITY: Localized = { zh: '组织生活活动', en: 'activity' };
export const PARTY_GROUP: Localized = { zh: '党小组', en: 'Party group' };

/** A county's rule row as stored (active or not). */
export interface StoredRule extends ActivityRule {
  active: boolean;
}

/** The rules in force: the county's rows when it has any, else the defaults (all active). */
export function rulesOf(rows: readonly StoredRule[]): StoredRule[] {
  return rows.length > 0 ? [...rows] : DEFAULT_ACTIVITY_RULES.map((rule) => ({ ...rule, active: true }));
}

/** The rules a group's yearly plan is made of: the active ones. */
export function requiredRules(rules: readonly StoredRule[]): ActivityRule[] {
  return rules
    .filter((r) => r.active)
    .map(({ kind, frequency, countsForPoints }) => ({ kind, frequency, countsForPoints }));
}

export type ActivityAction = 'edit' | 'hold' | 'cancel' | 'attendance' | 'sign_in' | 'photo';

const ALLOWED: Record<ActivityAction, readonly ActivityStatus[]> = {
  edit: ['planned', 'held'],
  hold: ['planned'],
  cancel: ['planned'],
  attendance: ['held'],
  sign_in: ['held'],
  photo: ['planned', 'held'],
};

/** Whether `action` is allowed on an activity in `status`. */
export function canDoActivity(action: ActivityAction, status: ActivityStatus): boolean {
  return ALLOWED[action].includes(status);
}

const VERBS: Record<ActivityAction, Localized> = {
  edit: { zh: '修改', en: 'edited' },
  hold: { zh: '登记开展', en: 'recorded as held' },
  cancel: { zh: '取消', en: 'cancelled' },
  attendance: { zh: '登记出勤', en: 'given attendance' },
  sign_in: { zh: '签到', en: 'signed in to' },
  photo: { zh: '上传照片', en: 'given photos' },
};

/** The 409 message for an action the activity's status does not allow. */
export function wrongActivityState(action: ActivityAction, status: ActivityStatus): Localized {
  const state = inSentence(ACTIVITY_STATUS_LABELS[status]);
  return {
    zh: `该活动当前为“${state.zh}”，不能${VERBS[action].zh}`,
    en: `The activity is ${state.en} and cannot be ${VERBS[action].en}`,
  };
}

/** The day a group began, as the dates of its activities read it: its creation's business date. */
export interface GroupDates {
  since: string;
  today: string;
}

/** Problems of a held date: not after today, not before the group existed. */
export function heldDateProblems(path: string, heldOn: string, { since, today }: GroupDates): FieldProblem[] {
  if (heldOn > today) {
    return [
      { path, code: 'future', message: { zh: '开展日期不能晚于今天', en: 'The held date cannot be after today' } },
    ];
  }
  if (heldOn < since) {
    return [
      {
        path,
        code: 'before_group',
        message: {
          zh: `开展日期不能早于党小组成立日期（${since}）`,
          en: `The held date cannot be before the group was set up (${since})`,
        },
      },
    ];
  }
  return [];
}

/** Problems of a planned date: not before the group existed, and at most the next year. */
export function plannedDateProblems(path: string, plannedOn: string, { since, today }: GroupDates): FieldProblem[] {
  if (plannedOn < since) {
    return [
      {
        path,
        code: 'before_group',
        message: {
          zh: `计划日期不能早于党小组成立日期（${since}）`,
          en: `The planned date cannot be before the group was set up (${since})`,
        },
      },
    ];
  }
  const lastYear = Number(today.slice(0, 4)) + 1;
  if (Number(plannedOn.slice(0, 4)) > lastYear) {
    return [
      {
        path,
        code: 'too_far',
        message: { zh: `计划日期最晚为 ${lastYear} 年`, en: `The planned date can be at most in ${lastYear}` },
      },
    ];
  }
  return [];
}

/** A mark the leader gives one member. */
export interface AttendanceMark {
  memberId: number;
  status: AttendanceStatus;
  reason?: string | undefined;
  remote?: boolean | undefined;
}

/** What the marks are checked against: the group's current members, and which of them work away. */
export interface Roster {
  members: ReadonlyMap<number, { migrant: boolean }>;
}

export const NOT_IN_GROUP: Localized = {
  zh: '该党员不是本党小组的成员',
  en: 'The member is not in this Party group',
};
export const REMOTE_ONLY_MIGRANT: Localized = {
  zh: '只有流动党员可以远程参加',
  en: 'Only a member working away (流动党员) may attend remotely',
};

/** Every problem of a set of marks (path `marks/<i>/…`): unknown member, excused without reason, remote rules. */
export function markProblems(marks: readonly AttendanceMark[], roster: Roster): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  marks.forEach((mark, i) => {
    const at = `marks/${i}`;
    const member = roster.members.get(mark.memberId);
    if (seen.has(mark.memberId)) {
      problems.push({
        path: `${at}/memberId`,
        code: 'duplicate',
        message: { zh: '同一党员只能登记一次', en: 'A member is marked once' },
      });
    }
    seen.add(mark.memberId);
    if (!member) {
      problems.push({ path: `${at}/memberId`, code: 'not_in_group', message: NOT_IN_GROUP });
      return;
    }
    if (mark.status === 'excused' && !(mark.reason ?? '').trim()) {
      problems.push({
        path: `${at}/reason`,
        code: 'required',
        message: { zh: '请假须说明原因', en: 'Say why the member is excused' },
      });
    }
    if (mark.remote && mark.status !== 'present') {
      problems.push({
        path: `${at}/remote`,
        code: 'remote_not_present',
        message: { zh: '只有出席才能标为远程参加', en: 'Only a present member attends remotely' },
      });
    } else if (mark.remote && !member.migrant) {
      problems.push({ path: `${at}/remote`, code: 'not_migrant', message: REMOTE_ONLY_MIGRANT });
    }
  });
  return problems;
}

/** The longest a QR sign-in stays open (a long meeting with margin); the leader picks less (2 h by default). */
export const SIGN_IN_HOURS = 4;

/** Why an activity's QR sign-in cannot be opened now (409), or null. */
export function openSignInProblem(status: ActivityStatus, heldOn: string | null, today: string): Localized | null {
  if (status !== 'held') return wrongActivityState('sign_in', status);
  if (heldOn !== today) {
    return {
      zh: '只能为今天开展的活动开启扫码签到',
      en: 'QR sign-in opens only for an activity held today',
    };
  }
  return null;
}

/** The open sign-in as the QR token is checked against it. */
export interface SignInWindow {
  status: ActivityStatus;
  heldOn: string | null;
  /** sha-256 (hex) of the open token, null when closed. */
  secret: string | null;
  /** The real instant it closes (ms), null when closed. */
  until: number | null;
}

export const SIGN_IN_CLOSED: Localized = {
  zh: '签到已结束或二维码已失效，请向党小组长索取新的二维码',
  en: 'Sign-in is closed or the QR code has expired: ask the group leader for a new one',
};

/** Why a scanned token cannot sign in now (422), or null: the hashes compare in constant time by the caller. */
export function signInProblem(
  window: SignInWindow,
  tokenHashMatches: boolean,
  today: string,
  nowMs: number,
): Localized | null {
  if (window.status !== 'held' || window.heldOn !== today) return SIGN_IN_CLOSED;
  if (window.secret === null || window.until === null || window.until <= nowMs) return SIGN_IN_CLOSED;
  if (!tokenHashMatches) {
    return { zh: '二维码无效，请重新扫描', en: 'The QR code is not valid: scan it again' };
  }
  return null;
}

/** Adds `b`'s counts to `a` (in place); answers `a`. */
export function addCompliance(a: Compliance, b: Compliance): Compliance {
  a.required += b.required;
  a.held += b.held;
  a.late += b.late;
  a.missed += b.missed;
  a.due += b.due;
  return a;
}

export const NO_COMPLIANCE = (): Compliance => ({ required: 0, held: 0, late: 0, missed: 0, due: 0 });

/**
 * The compliance of each group of a scope for `year`: every group's plan is the same (the county's rules), so
 * a group without held activities costs nothing more than the first one; held activities come grouped by group.
 */
export function complianceByGroup(
  rules: readonly ActivityRule[],
  year: number,
  today: string,
  groupIds: readonly number[],
  held: readonly (HeldActivity & { groupId: number })[],
): Map<number, Compliance> {
  const plan = yearPlan(rules, year);
  const byGroup = new Map<number, HeldActivity[]>();
  for (const h of held) {
    const list = byGroup.get(h.groupId);
    if (list) list.push(h);
    else byGroup.set(h.groupId, [h]);
  }
  const idle = complianceOf(slotOutcomes(plan, [], today));
  return new Map(
    groupIds.map((id) => {
      const activities = byGroup.get(id);
      return [id, activities ? complianceOf(slotOutcomes(plan, activities, today)) : { ...idle }];
    }),
  );
}

/** The share of what was due so far that was held in time (0 when nothing was due yet). */
export function complianceRate(c: Compliance): number {
  const past = c.required - c.due;
  return past > 0 ? c.held / past : 0;
}
