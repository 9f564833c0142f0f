/** Texts of the settings page (系统设置): early-warning thresholds and problem deadlines. */

import { PROBLEM_LEVEL_LABELS, URGENCY_LABELS } from '../../../shared/labels/problem.ts';
import { labelsIn } from '../../../shared/lang.ts';
import { commonWords } from '../../i18n/common-words.ts';

const zh = {
  title: '系统设置',
  intro: '本县的预警阈值和问题办理时限。未设置的项使用系统默认值。',
  warnings: '预警阈值',
  noHelpDays: '未帮扶预警天数',
  noHelpDaysHint: '结对户连续多少天没有已核实的帮扶记录即预警（7–365 天）',
  incomeMultiple: '收入预警倍数',
  incomeMultipleHint: '人均纯收入低于贫困线的多少倍即预警（1.00–3.00，步长 0.05）',
  newIllnessDays: '新发大病残疾天数',
  newIllnessDaysHint: '多少天内登记的大病或残疾算作新发（7–365 天）',
  days: '天',
  times: '倍',
  defaultValue: (v: string) => `默认 ${v}`,
  usingDefaults: '当前使用系统默认值',
  usingOwn: (at: string) => `本县设置，更新于 ${at}`,
  save: commonWords.zh.save,
  cancel: commonWords.zh.cancel,
  resetWarnings: '恢复默认值',
  warningsSaved: '预警阈值已保存，预警名单已按新阈值更新',
  warningsReset: '预警阈值已恢复默认值',
  deadlines: '办理时限',
  deadlinesIntro: '各类问题在每一级的办理时限（小时）。上级时限不得短于下级；紧急问题时限不得长于一般问题。',
  category: '问题类别',
  urgency: '紧急程度',
  urgencies: labelsIn(URGENCY_LABELS, 'zh') as Record<string, string>,
  levels: labelsIn(PROBLEM_LEVEL_LABELS, 'zh') as Record<string, string>,
  hours: '小时',
  own: '本县',
  resetCell: '恢复默认',
  pending: (n: number) => `${n} 项待保存`,
  saveDeadlines: '保存时限',
  discard: '放弃修改',
  deadlinesSaved: '办理时限已保存，新上报和升级的问题按新时限计算',
  asDays: (h: number) => (h % 24 === 0 ? `（${h / 24} 天）` : ''),
};

export type SettingsMessages = typeof zh;

const en: SettingsMessages = {
  title: 'Settings',
  intro: "The county's early-warning thresholds and problem deadlines. Anything not set uses the default.",
  warnings: 'Early-warning thresholds',
  noHelpDays: 'Days without help',
  noHelpDaysHint: 'Warn when a paired household has no verified help for this many days (7–365)',
  incomeMultiple: 'Income multiple',
  incomeMultipleHint: 'Warn when per-capita income is below this multiple of the poverty line (1.00–3.00, step 0.05)',
  newIllnessDays: 'Days an illness counts as new',
  newIllnessDaysHint: 'A serious illness or disability recorded within this many days is new (7–365)',
  days: 'days',
  times: '×',
  defaultValue: (v) => `default ${v}`,
  usingDefaults: 'Using the defaults',
  usingOwn: (at) => `Set by the county, updated ${at}`,
  save: commonWords.en.save,
  cancel: commonWords.en.cancel,
  resetWarnings: 'Reset to defaults',
  warningsSaved: 'Thresholds saved; the warning list now uses them',
  warningsReset: 'Thresholds reset to the defaults',
  deadlines: 'Problem deadlines',
  deadlinesIntro:
    'Hours each level has for a problem. A higher level may not have less time than the one below; urgent may not have more time than normal.',
  category: 'Category',
  urgency: 'Urgency',
  urgencies: labelsIn(URGENCY_LABELS, 'en'),
  levels: labelsIn(PROBLEM_LEVEL_LABELS, 'en'),
  hours: 'h',
  own: 'county',
  resetCell: 'Default',
  pending: (n) => `${n} change${n === 1 ? '' : 's'} to save`,
  saveDeadlines: 'Save deadlines',
  discard: 'Discard',
  deadlinesSaved: 'Deadlines saved; problems raised or escalated from now on use them',
  asDays: (h) => (h % 24 === 0 ? ` (${h / 24} d)` : ''),
};

export const settingsMessages = { zh, en };
