/**
 * The household's statuses (贫困户状态) and their labels: the schemas' enum, the server's messages and the web's tags,
 * filters and charts (web/api/dictionary.ts) read them. The dictionary's `household_status` rows (migrated, frozen;
 * the public plaque reads them) hold the same labels; a test keeps the two equal.
 *
 * Since monitoring cases (labels/monitoring.ts) the household's own status is its poverty history alone
 * (POVERTY_STATUSES); 'monitored' and 'risk_cleared' remain labels of the status events recorded before then.
 */
import type { Localized } from '../lang.ts';

export const HOUSEHOLD_STATUSES = ['identified', 'exited', 'returned', 'monitored', 'risk_cleared', 'none'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** The household's poverty-history status (建档立卡); 'none' = never registered in poverty (e.g. 边缘易致贫户). */
export const POVERTY_STATUSES = ['none', 'identified', 'exited', 'returned'] as const;
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];

export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, Localized> = {
  identified: { zh: '贫困户', en: 'In poverty' },
  exited: { zh: '已脱贫', en: 'Out of poverty' },
  returned: { zh: '返贫', en: 'Returned to poverty' },
  monitored: { zh: '监测户', en: 'Under monitoring' },
  risk_cleared: { zh: '风险已消除', en: 'Risk cleared' },
  none: { zh: '非建档立卡户', en: 'Never registered in poverty' },
};

/** The poverty statuses' labels (the household list's filter). */
export const POVERTY_STATUS_LABELS: Record<PovertyStatus, Localized> = {
  none: HOUSEHOLD_STATUS_LABELS.none,
  identified: HOUSEHOLD_STATUS_LABELS.identified,
  exited: HOUSEHOLD_STATUS_LABELS.exited,
  returned: HOUSEHOLD_STATUS_LABELS.returned,
};
