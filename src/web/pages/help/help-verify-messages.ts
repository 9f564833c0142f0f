/** Texts of the verification list (核实帮扶纪实): what waits for the caller, verify or return with a reason. */
import { HELP_STATUS_LABELS } from '../../../shared/labels/help-record.ts';
import { commonWords } from '../../i18n/common-words.ts';

const zh = {
  title: '核实帮扶纪实',
  hint: '只列出您可以核实的待核实记录（党小组长：本人所带网格的记录）',
  household: '贫困户',
  member: '帮扶党员',
  visitedOn: '走访日期',
  measure: '帮扶措施',
  content: '帮扶内容',
  verify: '核实',
  return: '退回',
  returnTitle: '退回帮扶纪实',
  reason: '退回原因',
  required: '请填写退回原因',
  verified: HELP_STATUS_LABELS.verified.zh,
  returned: HELP_STATUS_LABELS.returned.zh,
  empty: '没有待核实的帮扶纪实',
  cancel: commonWords.zh.cancel,
};

export type HelpVerifyMessages = typeof zh;

const en: HelpVerifyMessages = {
  title: 'Verify help records',
  hint: 'Only the submitted records you may verify (a group leader: those of the grids they lead)',
  household: 'Household',
  member: 'Helper',
  visitedOn: 'Visited on',
  measure: 'Measure',
  content: 'What was done',
  verify: 'Verify',
  return: 'Return',
  returnTitle: 'Return the help record',
  reason: 'Reason',
  required: 'Say why it is returned',
  verified: HELP_STATUS_LABELS.verified.en,
  returned: HELP_STATUS_LABELS.returned.en,
  empty: 'No help records to verify',
  cancel: commonWords.en.cancel,
};

export const helpVerifyMessages = { zh, en };
