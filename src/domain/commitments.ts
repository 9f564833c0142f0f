/**
 * Public commitments (公开承诺): the yearly cycle propose → review by the branch → publish → fulfil item by item →
 * evaluate at year end, as pure rules (no I/O). The database holds the same invariants as CHECKs (1–3 item
 * positions, one commitment per member and year, reviewed/published/evaluated dates by status).
 */

import { COMMITMENT_STATUS_LABELS, COMMITMENT_STATUSES, type CommitmentStatus } from '../shared/labels/commitment.ts';
import { inSentence } from '../shared/lang.ts';
import { boundToMembers, type LinkedGrant } from './access/linked-members.ts';
import { type Grant, ROLE_PERMISSIONS } from './access/roles.ts';
import type { Localized } from './errors.ts';

export type { CommitmentStatus };
export { COMMITMENT_STATUSES };
export const EVALUATION_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

/** At most three items a year (the article's practice; the database bounds `position` to 1–3 too). */
export const MAX_COMMITMENT_ITEMS = 3;

/** Statuses as words in the messages ("the commitment is proposed"). */
export const STATUS_LABELS = Object.fromEntries(
  COMMITMENT_STATUSES.map((status) => [status, inSentence(COMMITMENT_STATUS_LABELS[status])]),
) as Record<CommitmentStatus, Localized>;

/** What can be done to a commitment, and in which statuses. */
export type CommitmentAction = 'edit' | 'review' | 'publish' | 'fulfil' | 'evaluate';

const ALLOWED: Record<CommitmentAction, readonly CommitmentStatus[]> = {
  edit: ['proposed', 'returned'],
  review: ['proposed'],
  publish: ['approved'],
  fulfil: ['published'],
  evaluate: ['published'],
};

const ACTION_LABELS: Record<CommitmentAction, Localized> = {
  edit: { zh: '修改承诺事项', en: 'edit its items' },
  review: { zh: '审核', en: 'review it' },
  publish: { zh: '公开', en: 'publish it' },
  fulfil: { zh: '登记兑现', en: 'record fulfilment' },
  evaluate: { zh: '年终评价', en: 'evaluate it' },
};

/** Whether `action` is allowed in `status`. */
export function canDo(action: CommitmentAction, status: CommitmentStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** The message refusing `action` in `status`, naming the current state (for a 409). */
export function wrongState(action: CommitmentAction, status: CommitmentStatus): Localized {
  const needed = ALLOWED[action].map((s) => STATUS_LABELS[s]);
  return {
    zh: `承诺当前状态为“${STATUS_LABELS[status].zh}”，不能${ACTION_LABELS[action].zh}（须为${needed.map((s) => `“${s.zh}”`).join('或')}）`,
    en: `The commitment is ${STATUS_LABELS[status].en}: cannot ${ACTION_LABELS[action].en} (it must be ${needed.map((s) => s.en).join(' or ')})`,
  };
}

/** The years a commitment may be proposed for: last year (late proposals) to next year (planning ahead). */
export function proposableYears(today: string): { from: number; to: number } {
  const year = Number(today.slice(0, 4));
  return { from: year - 1, to: year + 1 };
}

/** The first day a commitment of `year` may be evaluated: 1 December of that year (year-end review). */
export function evaluableFrom(year: number): string {
  return `${year}-12-01`;
}

/** A grant as the ownership rule reads it: role, unit, and for role 'member' the member the user is. */
export type OwnerGrant = LinkedGrant;

/**
 * The members a user may write commitments for at `unit`, when their write right there comes only from
 * 'member' grants (a member writes only their own): those grants' member ids (possibly none). Null when another
 * role covering `unit` gives the right, so any member of the unit will do. `writers` are the grants whose role
 * holds commitment.write.
 */
export function ownMembersOnly(writers: readonly OwnerGrant[], unit: string): number[] | null {
  return boundToMembers(writers, unit, 'member');
}

/** The grants of `county` whose role may write commitments (the input of {@link ownMembersOnly}). */
export function commitmentWriters(grants: readonly (Grant & { memberId?: number })[], county: string): OwnerGrant[] {
  return grants.filter((g) => g.countyCode === county && ROLE_PERMISSIONS[g.role].has('commitment.write'));
}
