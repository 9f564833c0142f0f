/**
 * The code lists of problems (问题上报与逐级办理) and their labels: the one home the schemas' enums and descriptions,
 * the domain's state machine and deadlines, the server's messages and the web's pages read.
 */
import type { Localized } from '../lang.ts';

/** The levels a problem climbs, lowest first. */
export const PROBLEM_LEVELS = ['grid', 'village', 'township', 'county'] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];

export const PROBLEM_STATUSES = ['open', 'accepted', 'with_department', 'resolved', 'closed', 'reopened'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** A level as a heading or a column shows it; lower-cased in English sentences. */
export const PROBLEM_LEVEL_LABELS: Record<ProblemLevel, Localized> = {
  grid: { zh: '网格', en: 'Grid' },
  village: { zh: '村级', en: 'Village' },
  township: { zh: '乡镇', en: 'Township' },
  county: { zh: '县级', en: 'County' },
};

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, Localized> = {
  open: { zh: '待受理', en: 'Open' },
  accepted: { zh: '处理中', en: 'Accepted' },
  with_department: { zh: '已转部门', en: 'With a department' },
  resolved: { zh: '待确认', en: 'Awaiting confirmation' },
  closed: { zh: '已办结', en: 'Closed' },
  reopened: { zh: '重新打开', en: 'Reopened' },
};

export const URGENCY_LABELS: Record<Urgency, Localized> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
};
