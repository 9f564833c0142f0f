/**
 * The exit workflow's (脱贫退出) statuses and steps with their labels: the schemas' enum, the domain's messages
 * (a step in a sentence: `inSentence`) and the web's panel and dialogs read them.
 */
import type { Localized } from '../lang.ts';

export const EXIT_STATUSES = ['assessed', 'verified', 'signed', 'notice', 'exited', 'withdrawn'] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];

export const EXIT_STATUS_LABELS: Record<ExitStatus, Localized> = {
  assessed: { zh: '已评估', en: 'Assessed' },
  verified: { zh: '已核实', en: 'Verified' },
  signed: { zh: '已签字', en: 'Signed' },
  notice: { zh: '公示中', en: 'Under notice' },
  exited: { zh: '已退出', en: 'Exited' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The steps of an exit in order (the assessment starts it), and what else happens to one. */
export const EXIT_STEPS = ['assess', 'verify', 'sign', 'notice', 'complete'] as const;
export type ExitStepName = (typeof EXIT_STEPS)[number] | 'withdraw' | 'objection';

export const EXIT_STEP_LABELS: Record<ExitStepName, Localized> = {
  assess: { zh: '退出评估', en: 'Assessment' },
  verify: { zh: '村级核实', en: 'Village verification' },
  sign: { zh: '户主签字', en: "Household head's signature" },
  notice: { zh: '公示', en: 'Public notice' },
  complete: { zh: '退出', en: 'Exit' },
  withdraw: { zh: '撤回', en: 'Withdrawal' },
  objection: { zh: '异议', en: 'Objection' },
};
