/**
 * The household's statuses (贫困户状态) and their labels: the schemas' enum, the server's messages and the web's tags,
 * filters and charts (web/api/dictionary.ts) read them. The dictionary's `household_status` rows (migrated, frozen;
 * the public plaque reads them) hold the same labels; a test keeps the two equal.
 */
import type { Localized } from '../lang.ts';

export const HOUSEHOLD_STATUSES = ['identified', 'exited', 'returned', 'monitored', 'risk_cleared'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, Localized> = {
  identified: { zh: '贫困户', en: 'In poverty' },
  exited: { zh: '已脱贫', en: 'Out of poverty' },
  returned: { zh: '返贫', en: 'Returned to poverty' },
  monitored: { zh: '监测户', en: 'Under monitoring' },
  risk_cleared: { zh: '风险已消除', en: 'Risk cleared' },
};
