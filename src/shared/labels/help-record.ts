/** The help record's (帮扶纪实) statuses and their labels: schemas, domain messages and web pages read them. */
import type { Localized } from '../lang.ts';

export const HELP_STATUSES = ['submitted', 'verified', 'returned'] as const;
export type HelpRecordStatus = (typeof HELP_STATUSES)[number];

export const HELP_STATUS_LABELS: Record<HelpRecordStatus, Localized> = {
  submitted: { zh: '待核实', en: 'Submitted' },
  verified: { zh: '已核实', en: 'Verified' },
  returned: { zh: '已退回', en: 'Returned' },
};
