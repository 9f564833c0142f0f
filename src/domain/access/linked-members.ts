/**
 * Grants that name a Party member (role_grant.member_id): a 'member' grant names the member the user is, and so
 * does a 'group_leader' grant — the group leader is that member, and leads the grids whose party group names them
 * as leader. Pure rules, no I/O.
 *
 * Which roles must, and which must not, name a member when a grant is made; and, when a right at a unit comes only
 * from 'group_leader' grants, which members' led grids bound it (help.verify: verify or return a record; the
 * problem handling of the grid level). A 'group_leader' grant without a member (made before grants named one)
 * bounds the right to no grid: it fails closed, like a 'member' grant without one (see docs/decisions.md).
 */

import { ROLE_LABELS } from '../../shared/labels/roles.ts';
import { inSentence } from '../../shared/lang.ts';
import type { Localized } from '../errors.ts';
import type { Role } from './roles.ts';

/** Roles whose grants name the member the user is (required for them, refused for the others). */
export const LINKED_ROLES: readonly Role[] = ['member', 'group_leader'];

/** Whether grants of `role` name a member. */
export function namesMember(role: Role): boolean {
  return LINKED_ROLES.includes(role);
}

/** A grant as these rules read it (role as stored: a string). */
export interface LinkedGrant {
  role: string;
  orgCode: string;
  memberId?: number | undefined;
}

/**
 * The members a right at `unit` is bound to, when every grant of `holders` covering `unit` is of `role`: those
 * grants' member ids (none for unlinked grants). 'member': the user writes only for the member they are;
 * 'group_leader': only in the grids their member leads. Null when another role covering `unit` gives the right
 * unbounded. `holders` are the user's grants (of one county) whose role holds the right.
 */
export function boundToMembers(
  holders: readonly LinkedGrant[],
  unit: string,
  role: 'member' | 'group_leader',
): number[] | null {
  const covering = holders.filter((g) => unit.startsWith(g.orgCode));
  if (covering.some((g) => g.role !== role)) return null;
  return covering.flatMap((g) => (g.memberId === undefined ? [] : [g.memberId]));
}

/** The members whose led grids bound a right at `unit` (see {@link boundToMembers}). */
export function leaderMembersOnly(holders: readonly LinkedGrant[], unit: string): number[] | null {
  return boundToMembers(holders, unit, 'group_leader');
}

/**
 * Where a right bounded by {@link leaderMembersOnly} reaches, for list filters: under `open` units without bound,
 * under each `led` unit only in the grids its member leads (unlinked group_leader grants reach nowhere). A unit is
 * reached when it is under one of them: the same answer as `leaderMembersOnly` unit by unit.
 */
export function reachOf(holders: readonly LinkedGrant[]): {
  open: string[];
  led: Array<{ orgCode: string; memberId: number }>;
} {
  return {
    open: holders.filter((g) => g.role !== 'group_leader').map((g) => g.orgCode),
    led: holders.flatMap((g) =>
      g.role === 'group_leader' && g.memberId !== undefined ? [{ orgCode: g.orgCode, memberId: g.memberId }] : [],
    ),
  };
}

/** The linked roles as a message names them: 党员和党小组长 / member or group leader. */
const LINKED = {
  zh: LINKED_ROLES.map((r) => ROLE_LABELS[r].zh).join('和'),
  en: LINKED_ROLES.map((r) => inSentence(ROLE_LABELS[r]).en).join(' or '),
};

/** The messages of a grant's member that fails a rule (422, path `grants/<i>/memberId`). */
export const GRANT_MEMBER_PROBLEMS = {
  required: {
    zh: `${LINKED.zh}的授权须关联一名党员`,
    en: `A grant of role ${LINKED.en} must name the Party member the user is`,
  },
  refused: {
    zh: `只有${LINKED.zh}的授权可以关联党员`,
    en: `Only grants of role ${LINKED.en} name a Party member`,
  },
  unknown: { zh: '该党员不存在或不在本县', en: 'No such Party member in this county' },
  notCurrent: {
    zh: '该党员已转出或去世，不能关联',
    en: 'The Party member has transferred out or died and cannot be named',
  },
  notLeader: {
    zh: '该党员目前不是本授权范围内任何网格党小组的组长',
    en: "The Party member does not lead a grid Party group within the grant's unit now",
  },
} satisfies Record<string, Localized>;
