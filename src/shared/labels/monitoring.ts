/**
 * Prevent-return monitoring (防止返贫动态监测, DOMAIN.md §8): a case's category, risk types, sources and statuses
 * with their zh/en labels — the migration's checks, the schemas' enums, the domain's messages and the web read them.
 * Risk types reuse the cause dictionary's codes where one exists (illness, disability, schooling, disaster, labour,
 * water, other).
 */
import type { Localized } from '../lang.ts';

/** 监测对象类别. */
export const MONITORING_CATEGORIES = ['unstable', 'marginal', 'sudden_hardship'] as const;
export type MonitoringCategory = (typeof MONITORING_CATEGORIES)[number];

export const MONITORING_CATEGORY_LABELS: Record<MonitoringCategory, Localized> = {
  unstable: { zh: '脱贫不稳定户', en: 'Unstable after exit' },
  marginal: { zh: '边缘易致贫户', en: 'Marginal, at risk of poverty' },
  sudden_hardship: { zh: '突发严重困难户', en: 'Sudden severe hardship' },
};

/** 风险类型: several per case. */
export const RISK_TYPES = [
  'illness',
  'disability',
  'schooling',
  'disaster',
  'accident',
  'business_failure',
  'unstable_employment',
  'labour',
  'housing',
  'water',
  'other',
] as const;
export type RiskType = (typeof RISK_TYPES)[number];

export const RISK_TYPE_LABELS: Record<RiskType, Localized> = {
  illness: { zh: '因病', en: 'Illness' },
  disability: { zh: '因残', en: 'Disability' },
  schooling: { zh: '因学', en: 'Schooling costs' },
  disaster: { zh: '因灾', en: 'Disaster' },
  accident: { zh: '因意外事故', en: 'Accident' },
  business_failure: { zh: '因产业项目失败', en: 'Failed business or farming project' },
  unstable_employment: { zh: '因务工就业不稳', en: 'Unstable employment' },
  labour: { zh: '缺劳动力', en: 'Lack of labour' },
  housing: { zh: '住房安全', en: 'Housing safety' },
  water: { zh: '饮水安全', en: 'Drinking-water safety' },
  other: { zh: '其他', en: 'Other' },
};

/** How the household was found (发现渠道); the early warnings are the fourth. */
export const MONITORING_SOURCES = ['warning', 'declaration', 'visit', 'department'] as const;
export type MonitoringSource = (typeof MONITORING_SOURCES)[number];

export const MONITORING_SOURCE_LABELS: Record<MonitoringSource, Localized> = {
  warning: { zh: '预警', en: 'Early warning' },
  declaration: { zh: '农户自主申报', en: 'Self-declaration' },
  visit: { zh: '干部走访排查', en: "Cadres' visits" },
  department: { zh: '部门筛查预警', en: 'Department screening' },
};

/** A case is open until its risk is cleared (风险消除) or it is closed (the household entered poverty instead). */
export const MONITORING_CASE_STATUSES = ['open', 'cleared', 'closed'] as const;
export type MonitoringCaseStatus = (typeof MONITORING_CASE_STATUSES)[number];

export const MONITORING_CASE_STATUS_LABELS: Record<MonitoringCaseStatus, Localized> = {
  open: { zh: '监测中', en: 'Under monitoring' },
  cleared: { zh: '风险已消除', en: 'Risk cleared' },
  closed: { zh: '已转为贫困户', en: 'Closed: entered poverty' },
};
