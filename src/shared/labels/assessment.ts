/**
 * The vocabulary of points and stars (党员积分, 星级评定, 评先评优): point items, veto codes (一票否决) with the
 * most stars each allows, exemption reasons, review stages and decisions — with their zh/en labels. Schemas,
 * services and web pages read them; the scoring rules themselves live in domain/party-life.
 */
import type { Localized } from '../lang.ts';

export const POINT_ITEM_LABELS = {
  attendance: { zh: '参加组织生活', en: 'Attended a Party activity' },
  absence: { zh: '无故缺席组织生活', en: 'Absent from a Party activity' },
  help_verified: { zh: '帮扶纪实（已核实）', en: 'Verified help record' },
  commitment_fulfilled: { zh: '兑现承诺事项', en: 'Commitment item fulfilled' },
  problem_raised: { zh: '及时反映问题并获解决', en: 'Problem raised and solved' },
  problem_solved: { zh: '问题在时限内解决', en: 'Problem solved within its deadline' },
  household_exited: { zh: '帮扶户脱贫', en: 'Paired household out of poverty' },
  household_risk_cleared: { zh: '帮扶户风险消除', en: 'Paired household out of risk' },
  feedback_praised: { zh: '群众满意评价', en: 'Satisfied public feedback' },
  bonus: { zh: '加分', en: 'Bonus' },
  deduction: { zh: '扣分', en: 'Deduction' },
} as const satisfies Record<string, Localized>;
export type PointItemCode = keyof typeof POINT_ITEM_LABELS;

/**
 * Vetoes (一票否决) as data: the most stars a member with the veto may get, and whether the evidence alone says
 * it (a commitment evaluated poor) or someone records it with its evidence and another approves it.
 */
export const VETO_CODES = {
  commitment_poor: { maxStars: 2, recorded: false, zh: '公开承诺年终评价为较差', en: 'Commitment evaluated poor' },
  abandoned_pairing: { maxStars: 1, recorded: true, zh: '放弃结对帮扶', en: 'Abandoned a pairing' },
  fabricated_record: { maxStars: 1, recorded: true, zh: '帮扶纪实弄虚作假', en: 'Fabricated a help record' },
} as const;
export type VetoCode = keyof typeof VETO_CODES;
export const RECORDED_VETO_CODES = ['abandoned_pairing', 'fabricated_record'] as const;

export const EXEMPT_REASONS = ['elderly', 'sick', 'request'] as const;
export type ExemptReasonCode = (typeof EXEMPT_REASONS)[number];
export const EXEMPT_REASON_LABELS: Record<ExemptReasonCode, Localized> = {
  elderly: { zh: '年老体弱', en: 'Elderly' },
  sick: { zh: '患病', en: 'Ill' },
  request: { zh: '本人申请', en: 'At their own request' },
};

/** A county-year's assessment stage: reviews open → public notice (公示) → final result. */
export const ROUND_STAGES = ['review', 'notice', 'final'] as const;
export const ROUND_STAGE_LABELS: Record<(typeof ROUND_STAGES)[number], Localized> = {
  review: { zh: '评议中', en: 'Reviews open' },
  notice: { zh: '公示中', en: 'Public notice' },
  final: { zh: '已定级', en: 'Final' },
};

/** The review steps of one member's rating, in order. */
export const REVIEW_STEPS = ['self', 'group', 'branch'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const REVIEW_STEP_LABELS: Record<ReviewStep, Localized> = {
  self: { zh: '个人自评', en: 'Self-assessment' },
  group: { zh: '党小组评议', en: 'Group review' },
  branch: { zh: '支部审核', en: 'Branch review' },
};

export const DECISION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const DECISION_STATUS_LABELS: Record<(typeof DECISION_STATUSES)[number], Localized> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

export const OBJECTION_TARGET_LABELS: Record<'rating' | 'exemplary', Localized> = {
  rating: { zh: '星级评定', en: 'Star rating' },
  exemplary: { zh: '评先评优', en: 'Exemplary member' },
};
