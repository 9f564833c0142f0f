/**
 * Problems and their escalation (村报告、乡处理、县办结): a pure state machine, no I/O.
 *
 * A problem sits at a level (grid → village → township → county) in a status. Each level may accept it, hand it
 * to a named department, resolve it, or escalate it with a reason to the next level (never beyond the county).
 * A resolution waits for confirmation by the household's helper or a verifier (closed); either may reopen it.
 * Each level has a deadline by category and urgency; past it, the sweep escalates the problem, and a level above
 * may urge (督办) its current handler once a day.
 */

import {
  PROBLEM_LEVELS as LEVELS,
  type ProblemLevel,
  type ProblemStatus,
  PROBLEM_STATUSES as STATUSES,
  type Urgency,
} from '../shared/labels/problem.ts';
import type { Actor } from './access/actor.ts';
import type { Role } from './access/roles.ts';
import type { Localized } from './errors.ts';

export type { ProblemLevel, ProblemStatus, Urgency };
export { LEVELS, STATUSES };
export const ACTIONS = ['accept', 'hand_to_department', 'resolve', 'escalate', 'confirm', 'reopen', 'urge'] as const;
export type ProblemAction = (typeof ACTIONS)[number];

/** The next level up, or null at the county (nowhere further to go). */
export function nextLevel(level: ProblemLevel): ProblemLevel | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

/** The org unit holding a problem at `level`: natural village (grid), village, township or county code. */
export function holderCode(level: ProblemLevel, naturalVillageCode: string): string {
  const length = { grid: 15, village: 12, township: 9, county: 6 }[level];
  return naturalVillageCode.slice(0, length);
}

/**
 * Roles that handle a problem at each level. At the grid the group leader; the village secretary stands in
 * for a grid whose group has no leader account.
 */
export const LEVEL_ROLES: Record<ProblemLevel, readonly Role[]> = {
  grid: ['group_leader', 'village_secretary'],
  village: ['village_secretary'],
  township: ['township_admin'],
  county: ['county_admin'],
};

/**
 * The one acting (domain/access/actor.ts: every grant they hold, with the members they name) as the machine reads
 * them for one problem: with their relation to its household. A grant of another county covers no holder here.
 */
export interface ProblemActor extends Actor {
  /** The user is the household's current helper (a member paired with it), or the one who raised it. */
  isHelper: boolean;
  /** The members named by the user's group_leader grants who lead the household's grid now. */
  gridLeaders: readonly number[];
}

/**
 * Whether one grant lets the actor handle problems at `level` held by unit `holder`: a level role over the holder;
 * a group leader's grant only when its member leads the household's grid now (a grant naming no member, made
 * before grants named one, handles nothing: see docs/decisions.md).
 */
function grantHandles(
  actor: ProblemActor,
  grant: ProblemActor['grants'][number],
  level: ProblemLevel,
  holder: string,
): boolean {
  if (!LEVEL_ROLES[level].includes(grant.role) || !holder.startsWith(grant.orgCode)) return false;
  if (grant.role !== 'group_leader') return true;
  return grant.memberId !== undefined && actor.gridLeaders.includes(grant.memberId);
}

/** Whether the actor handles problems at `level` held by unit `holder`. */
export function handlesAt(actor: ProblemActor, level: ProblemLevel, holder: string): boolean {
  return actor.grants.some((g) => grantHandles(actor, g, level, holder));
}

/** A verifier of a household: its group leader or village secretary (the grid's own handlers). */
export function verifies(actor: ProblemActor, naturalVillageCode: string): boolean {
  return handlesAt(actor, 'grid', naturalVillageCode);
}

/** The facts of a problem the machine reads. */
export interface ProblemState {
  level: ProblemLevel;
  status: ProblemStatus;
  naturalVillageCode: string;
  /** Past its level's deadline and unsolved at the business "now" (only urging reads it; absent = not late). */
  overdue?: boolean;
  /** The units that urged the problem on the current business day (only urging reads it). */
  urgedTodayBy?: readonly string[];
}

/** An action with its payload. */
export type ActionInput =
  | { action: 'accept'; comment?: string | undefined }
  | { action: 'hand_to_department'; department: string; comment?: string | undefined }
  | { action: 'resolve'; resolution: string }
  | { action: 'escalate'; reason: string }
  | { action: 'confirm'; comment?: string | undefined }
  | { action: 'reopen'; reason: string }
  | { action: 'urge'; comment?: string | undefined };

/** The outcome of an allowed action: the new level and status, and whether a new level was entered. */
export interface Transition {
  level: ProblemLevel;
  status: ProblemStatus;
  enteredLevel: boolean;
}

/** A refusal: 409 for the wrong state, 404-like 'not_yours' for the wrong actor, 422 for a missing field. */
export type Refusal = { kind: 'state' | 'actor' | 'field'; field?: string; message: Localized };

const OPEN_LIKE: readonly ProblemStatus[] = ['open', 'reopened'];
const HANDLING: readonly ProblemStatus[] = ['open', 'reopened', 'accepted', 'with_department'];

/** Statuses each action may start from. */
export const FROM: Record<ProblemAction, readonly ProblemStatus[]> = {
  accept: OPEN_LIKE,
  hand_to_department: HANDLING,
  resolve: HANDLING,
  escalate: HANDLING,
  confirm: ['resolved'],
  reopen: ['resolved', 'closed'],
  urge: HANDLING,
};

export const STATUS_NAMES: Record<ProblemStatus, Localized> = {
  open: { zh: '待受理', en: 'open' },
  accepted: { zh: '处理中', en: 'accepted' },
  with_department: { zh: '已转部门', en: 'with a department' },
  resolved: { zh: '待确认', en: 'resolved, awaiting confirmation' },
  closed: { zh: '已办结', en: 'closed' },
  reopened: { zh: '已重新打开', en: 'reopened' },
};

function blank(text: string | undefined): boolean {
  return (text ?? '').trim() === '';
}

/** The field an action needs and is missing, if any. */
function missingField(input: ActionInput): Refusal | null {
  const need = (field: string, zh: string, en: string): Refusal => ({ kind: 'field', field, message: { zh, en } });
  if (input.action === 'hand_to_department' && blank(input.department))
    return need('department', '转交时须写明部门', 'Handing over needs the department');
  if (input.action === 'resolve' && blank(input.resolution))
    return need('resolution', '办结时须写明解决情况', 'Resolving needs the resolution');
  if (input.action === 'escalate' && blank(input.reason))
    return need('reason', '上报时须写明原因', 'Escalating needs a reason');
  if (input.action === 'reopen' && blank(input.reason))
    return need('reason', '重新打开时须写明原因', 'Reopening needs a reason');
  return null;
}

/** Whether the actor handles the problem where it is now (its level's role over its holder). */
function handlesNow(actor: ProblemActor, state: ProblemState): boolean {
  return handlesAt(actor, state.level, holderCode(state.level, state.naturalVillageCode));
}

/**
 * The unit on whose behalf the actor urges (督办) the problem: the widest unit of a grant that handles problems at a
 * level above the problem's current one and covers its holder; null when the actor has none. A caller who
 * handles the problem where it is now has no one to urge but themself (null).
 */
export function urgingUnit(actor: ProblemActor, state: ProblemState): string | null {
  if (handlesNow(actor, state)) return null;
  const holder = holderCode(state.level, state.naturalVillageCode);
  const above = LEVELS.slice(LEVELS.indexOf(state.level) + 1);
  const units = actor.grants
    .filter((g) => holder.startsWith(g.orgCode) && above.some((l) => grantHandles(actor, g, l, holder)))
    .map((g) => g.orgCode)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  return units[0] ?? null;
}

/** Whether the actor may take `action` on the problem (level roles handle; helper or verifier confirm/reopen). */
export function mayAct(actor: ProblemActor, state: ProblemState, action: ProblemAction): boolean {
  if (action === 'confirm' || action === 'reopen') return actor.isHelper || verifies(actor, state.naturalVillageCode);
  if (action === 'urge') return urgingUnit(actor, state) !== null;
  return handlesNow(actor, state);
}

/** Why an urge is refused beyond actor and status: not late yet, or already urged by the unit today. */
function urgeRefusal(actor: ProblemActor, state: ProblemState): Refusal | null {
  if (state.overdue !== true)
    return { kind: 'state', message: { zh: '问题尚未超期，不能督办', en: 'The problem is not overdue: no urging' } };
  const unit = urgingUnit(actor, state);
  if (unit !== null && (state.urgedTodayBy ?? []).includes(unit)) {
    return {
      kind: 'state',
      message: { zh: '本单位今天已督办过该问题', en: 'Your unit already urged this problem today' },
    };
  }
  return null;
}

function actorRefusal(actor: ProblemActor, state: ProblemState, action: ProblemAction): Refusal {
  if (action === 'urge' && handlesNow(actor, state)) {
    return { kind: 'actor', message: { zh: '该问题由您办理，不能督办', en: 'You handle this problem: no urging' } };
  }
  if (action === 'urge') {
    return {
      kind: 'actor',
      message: { zh: '只有上级可以督办该问题', en: 'Only a level above the problem may urge it' },
    };
  }
  return {
    kind: 'actor',
    message: { zh: '您不能在此层级处理该问题', en: 'You cannot act on this problem at its level' },
  };
}

/**
 * Why the actor may not take `action` now (wrong actor, then wrong state), or null when they may: the one rule
 * behind both the refusal of a step ({@link apply}) and the buttons a page offers ({@link allowedActions}).
 */
export function refusal(actor: ProblemActor, state: ProblemState, action: ProblemAction): Refusal | null {
  if (!mayAct(actor, state, action)) return actorRefusal(actor, state, action);
  if (!FROM[action].includes(state.status)) {
    const s = STATUS_NAMES[state.status];
    return { kind: 'state', message: { zh: `问题${s.zh}，不能执行此操作`, en: `The problem is ${s.en}: not allowed` } };
  }
  if (action === 'urge') return urgeRefusal(actor, state);
  if (action === 'escalate' && nextLevel(state.level) === null) {
    return {
      kind: 'state',
      message: { zh: '县级为最高层级，不能再上报', en: 'The county is the top level: no escalation' },
    };
  }
  return null;
}

/** The actions the actor may take now (for the page's buttons): exactly those {@link apply} does not refuse. */
export function allowedActions(actor: ProblemActor, state: ProblemState): ProblemAction[] {
  return ACTIONS.filter((a) => refusal(actor, state, a) === null);
}

/** Applies `input` to `state`: the transition, or the refusal (actor first, then state, then fields). */
export function apply(state: ProblemState, actor: ProblemActor, input: ActionInput): Transition | Refusal {
  const action = input.action;
  const refused = refusal(actor, state, action);
  if (refused) return refused;
  const up = nextLevel(state.level);
  const missing = missingField(input);
  if (missing) return missing;
  const stay = (status: ProblemStatus): Transition => ({ level: state.level, status, enteredLevel: false });
  switch (action) {
    case 'accept':
      return stay('accepted');
    case 'hand_to_department':
      return stay('with_department');
    case 'resolve':
      return stay('resolved');
    case 'escalate':
      return { level: up as ProblemLevel, status: 'open', enteredLevel: true };
    case 'confirm':
      return stay('closed');
    case 'urge':
      // A reminder, not a move: the problem stays where and as it is.
      return stay(state.status);
    case 'reopen':
      // Back where it was resolved, with a fresh deadline there.
      return { level: state.level, status: 'reopened', enteredLevel: true };
  }
}

/** Whether a result is a refusal. */
export function isRefusal(result: Transition | Refusal): result is Refusal {
  return 'kind' in result;
}
