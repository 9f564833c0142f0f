/** Record trust (issue 18): flag kinds, flag statuses and confirmation states with their labels. */
import type { Localized } from '../lang.ts';

export const FLAG_KINDS = [
  'backdated',
  'duplicate_text',
  'reused_photo',
  'far_gps',
  'impossible_travel',
  'outside_pairing',
  'fast_verifier',
  'disputed',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_KIND_LABELS: Record<FlagKind, Localized> = {
  backdated: { zh: '集中补录', en: 'Back-dated in one sitting' },
  duplicate_text: { zh: '内容雷同', en: 'Near-duplicate text' },
  reused_photo: { zh: '照片重复', en: 'Reused photo' },
  far_gps: { zh: '定位偏离', en: 'Position far from the village' },
  impossible_travel: { zh: '行程不可能', en: 'Impossible travel' },
  outside_pairing: { zh: '结对期外', en: 'Outside the pairing period' },
  fast_verifier: { zh: '快速核实', en: 'Verified too fast' },
  disputed: { zh: '农户异议', en: 'Disputed by the household' },
};

export const FLAG_STATUSES = ['open', 'cleared', 'upheld'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export const FLAG_STATUS_LABELS: Record<FlagStatus, Localized> = {
  open: { zh: '待复核', en: 'Open' },
  cleared: { zh: '已排除', en: 'Cleared' },
  upheld: { zh: '已认定', en: 'Upheld' },
};

export const CONFIRMATIONS = ['unconfirmed', 'confirmed', 'disputed'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export const CONFIRMATION_LABELS: Record<Confirmation, Localized> = {
  unconfirmed: { zh: '未确认', en: 'Unconfirmed' },
  confirmed: { zh: '农户已确认', en: 'Confirmed' },
  disputed: { zh: '农户有异议', en: 'Disputed' },
};

export const CONFIRM_CHANNELS = ['household', 'village'] as const;
export type ConfirmChannel = (typeof CONFIRM_CHANNELS)[number];

export const CONFIRM_CHANNEL_LABELS: Record<ConfirmChannel, Localized> = {
  household: { zh: '农户扫码', en: 'By the household' },
  village: { zh: '村代确认', en: 'By the village' },
};
