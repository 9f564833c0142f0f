/** Texts of the things-done section of the dashboard and the early-warning page. */

import { PROBLEM_LEVEL_LABELS, PROBLEM_STATUS_LABELS } from '../../../shared/labels/problem.ts';
import { labelsIn } from '../../../shared/lang.ts';
import { commonWords } from '../../i18n/common-words.ts';

const zh = {
  thingsDone: '办实事',
  thingsDoneYear: (year: number) => `${year} 年办实事`,
  total: '合计',
  helpRecords: '帮扶解决需求',
  problemsResolved: '问题办结',
  month: (n: number) => `${n}月`,
  byUnit: '按单位',
  problems: '问题办理',
  onTime: '按期办结率',
  onTimeNone: '暂无办结问题',
  levels: labelsIn(PROBLEM_LEVEL_LABELS, 'zh') as Record<string, string>,
  statuses: labelsIn(PROBLEM_STATUS_LABELS, 'zh') as Record<string, string>,
  warningsLink: '防返贫监测预警',
  title: '防返贫监测预警',
  allKinds: '全部预警',
  kinds: {
    no_help: '长期未帮扶',
    low_income: '收入临界',
    income_fell: '收入下降',
    illness: '大病残疾',
    overdue_problem: '问题超期',
  },
  household: '户主',
  reasons: '预警原因',
  monitor: '纳入监测',
  monitorTitle: (name: string) => `将 ${name} 户纳入监测`,
  reason: '纳入监测的原因',
  required: '请填写原因',
  done: '已纳入监测',
  cancel: commonWords.zh.cancel,
  empty: '没有预警户',
};

type Messages = typeof zh;

const en: Messages = {
  thingsDone: 'Things done',
  thingsDoneYear: (year) => `Things done in ${year}`,
  total: 'Total',
  helpRecords: 'Needs solved by help',
  problemsResolved: 'Problems resolved',
  month: (n) =>
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][n - 1] ?? String(n),
  byUnit: 'By unit',
  problems: 'Problems',
  onTime: 'Resolved on time',
  onTimeNone: 'None resolved yet',
  levels: labelsIn(PROBLEM_LEVEL_LABELS, 'en'),
  statuses: labelsIn(PROBLEM_STATUS_LABELS, 'en'),
  warningsLink: 'Early warning',
  title: 'Early warning',
  allKinds: 'All warnings',
  kinds: {
    no_help: 'No recent help',
    low_income: 'Income near the line',
    income_fell: 'Income fell',
    illness: 'Illness or disability',
    overdue_problem: 'Overdue problem',
  },
  household: 'Head',
  reasons: 'Reasons',
  monitor: 'Monitor',
  monitorTitle: (name) => `Put ${name}'s household under monitoring`,
  reason: 'Why it is monitored',
  required: 'Say why',
  done: 'Now under monitoring',
  cancel: commonWords.en.cancel,
  empty: 'No household flagged',
};

export const warningsMessages = { zh, en };
export type WarningsMessages = Messages;
