/** The public commitment's (公开承诺) statuses and their labels: schemas, domain messages and web pages read them. */
import type { Localized } from '../lang.ts';

export const COMMITMENT_STATUSES = ['proposed', 'returned', 'approved', 'published', 'evaluated'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, Localized> = {
  proposed: { zh: '待审核', en: 'Proposed' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已审核', en: 'Approved' },
  published: { zh: '已公开', en: 'Published' },
  evaluated: { zh: '已评价', en: 'Evaluated' },
};
