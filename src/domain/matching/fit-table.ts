/**
 * The fit table: which expertise (特长) and willingness to serve (服务意愿) on a member's card fit which poverty
 * causes (致贫原因) and open needs (帮扶需求) of a household, and how well (whole points, 1–6). Codes are the
 * dictionary's (src/db/migrations/2026-11-29-01-dictionary.ts for expertise, willingness and need; codes.ts for
 * causes); a unit test checks every key against them. A member's skill fit to a household is the best single
 * rule that applies, plus the main-cause bonus when the rule's cause is the household's main cause.
 */
import type { CauseCode, Label } from '../codes.ts';

/** Expertise codes (特长) with their dictionary labels. */
export const EXPERTISE_LABELS = {
  planting: { zh: '种植技术', en: 'Crop growing' },
  breeding: { zh: '养殖技术', en: 'Livestock and fish farming' },
  medical: { zh: '医疗卫生', en: 'Medicine and health' },
  teaching: { zh: '教育教学', en: 'Teaching' },
  construction: { zh: '建筑施工', en: 'Construction' },
  machinery: { zh: '农机维修', en: 'Farm machinery repair' },
  ecommerce: { zh: '电子商务', en: 'E-commerce' },
  accounting: { zh: '财务会计', en: 'Accounting' },
  law: { zh: '法律服务', en: 'Legal services' },
  transport: { zh: '交通运输', en: 'Transport' },
  processing: { zh: '农产品加工', en: 'Food processing' },
  tourism: { zh: '乡村旅游', en: 'Rural tourism' },
  business: { zh: '经营管理', en: 'Business management' },
  handicraft: { zh: '传统手工艺', en: 'Traditional crafts' },
  employment: { zh: '就业指导', en: 'Job placement' },
  policy: { zh: '政策宣讲', en: 'Policy outreach' },
} as const satisfies Record<string, Label>;
export type ExpertiseCode = keyof typeof EXPERTISE_LABELS;

/** Willingness-to-serve codes (服务意愿) with their dictionary labels. */
export const WILLINGNESS_LABELS = {
  industry: { zh: '产业帮扶', en: 'Help with farming and business' },
  employment: { zh: '就业帮扶', en: 'Help finding work' },
  education: { zh: '助学帮扶', en: 'Help with schooling' },
  health: { zh: '健康帮扶', en: 'Help with health care' },
  housing: { zh: '住房帮扶', en: 'Help with housing' },
  finance: { zh: '资金帮扶', en: 'Help with capital and credit' },
  policy: { zh: '政策宣传', en: 'Explaining policies' },
  care: { zh: '生活照料', en: 'Daily care' },
  counselling: { zh: '思想帮扶', en: 'Encouragement and counselling' },
} as const satisfies Record<string, Label>;
export type WillingnessCode = keyof typeof WILLINGNESS_LABELS;

/** Need codes (帮扶需求) with their dictionary labels. */
export const NEED_LABELS = {
  capital: { zh: '生产资金', en: 'Production capital' },
  employment: { zh: '就业', en: 'Employment' },
  schooling: { zh: '子女上学', en: "Children's schooling" },
  medical: { zh: '看病就医', en: 'Medical care' },
  housing: { zh: '住房安全', en: 'Safe housing' },
  skills: { zh: '技术指导', en: 'Technical guidance' },
  water: { zh: '安全饮水', en: 'Safe drinking water' },
  road: { zh: '出行道路', en: 'Road access' },
  marketing: { zh: '农产品销售', en: 'Selling produce' },
  care: { zh: '生活照料', en: 'Daily care' },
  policy: { zh: '政策咨询', en: 'Policy advice' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>;
export type NeedCode = keyof typeof NEED_LABELS;

type Targets = { cause?: Partial<Record<CauseCode, number>>; need?: Partial<Record<NeedCode, number>> };

/** Expertise → points per cause and need it helps with. */
export const EXPERTISE_FIT: Readonly<Record<ExpertiseCode, Targets>> = {
  medical: { cause: { illness: 6, disability: 4 }, need: { medical: 5, care: 3 } },
  teaching: { cause: { schooling: 6 }, need: { schooling: 5 } },
  planting: { cause: { skills: 6, land: 3 }, need: { skills: 5, marketing: 2 } },
  breeding: { cause: { skills: 6, land: 2 }, need: { skills: 5, marketing: 2 } },
  processing: { cause: { skills: 3 }, need: { marketing: 4, employment: 2 } },
  ecommerce: { cause: { transport: 2 }, need: { marketing: 5 } },
  business: { cause: { capital: 4, drive: 2 }, need: { capital: 4, marketing: 3 } },
  accounting: { cause: { capital: 3 }, need: { capital: 3 } },
  construction: { cause: { disaster: 5, water: 3 }, need: { housing: 5, water: 3, road: 2 } },
  machinery: { cause: { labour: 3, skills: 2 }, need: { employment: 3 } },
  transport: { cause: { transport: 5 }, need: { road: 4, marketing: 2 } },
  law: { cause: { marriage: 2 }, need: { policy: 4 } },
  tourism: { cause: { transport: 1 }, need: { employment: 2, marketing: 3 } },
  handicraft: { cause: { disability: 2 }, need: { employment: 3 } },
  employment: { cause: { drive: 3, labour: 2 }, need: { employment: 6 } },
  policy: { cause: { drive: 3, other: 1 }, need: { policy: 5, other: 1 } },
};

/** Willingness to serve → points (a little below expertise: willing is not yet able). */
export const WILLINGNESS_FIT: Readonly<Record<WillingnessCode, Targets>> = {
  health: { cause: { illness: 4, disability: 3 }, need: { medical: 4 } },
  education: { cause: { schooling: 4 }, need: { schooling: 4 } },
  industry: { cause: { skills: 3, land: 2 }, need: { skills: 3, marketing: 2 } },
  employment: { cause: { drive: 2, labour: 2 }, need: { employment: 4 } },
  housing: { cause: { disaster: 3 }, need: { housing: 4, water: 2 } },
  finance: { cause: { capital: 4 }, need: { capital: 4 } },
  policy: { cause: { other: 1 }, need: { policy: 3, other: 1 } },
  care: { cause: { labour: 3, disability: 2 }, need: { care: 4 } },
  counselling: { cause: { drive: 4, marriage: 1 }, need: { other: 1 } },
};
