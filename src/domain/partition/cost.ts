/**
 * The objective, per grid; a partition's cost is the sum over its grids, compared lexicographically:
 *   1. bound violation — members below `minMembers` or above `maxMembers`, plus one for every piece a grid
 *      falls into beyond the first (not contiguous). Both are rules of the article ("territory contiguous",
 *      "a group needs ≥ 3 members"), so neither outranks the other: a hamlet of 2 members that borders
 *      nobody may form its own too-small group or join a group it does not touch, whichever breaks less;
 *   2. grids without a member eligible to lead (only when the village has at least one such member —
 *      otherwise every grid lacks one and counting them would just favour fewer, larger grids);
 *   3. households beyond the grid's helping capacity;
 *   4. soft: Σ (members − target)² + spreadWeight × spread (km², squared distances of the grid's nodes from
 *      its centre). Aiming at a target rather than at the village mean keeps the objective a plain sum over
 *      grids — what lets the exact search work subset by subset — and chooses the number of grids too.
 * Tiers 1–3 are integers packed into one float (`hard`), exact below the limits noted at `packHard`.
 */
import type { PartitionNode } from './nodes.ts';
import type { ResolvedOptions } from './options.ts';

/** Running sums of a set of nodes. */
export interface GridTally {
  members: number;
  eligible: number;
  capacity: number;
  households: number;
  placed: number;
  sx: number;
  sy: number;
  sxx: number;
}

/** A grid's (or a partition's) cost: `hard` packs tiers 1–3, `soft` is tier 4. */
export interface Cost {
  hard: number;
  soft: number;
}

/** The four tiers unpacked, for the score and breaches. */
export interface GridTerms {
  violation: number;
  leaderless: number;
  short: number;
  imbalance: number;
  spread: number;
}

export const emptyTally = (): GridTally => ({
  members: 0,
  eligible: 0,
  capacity: 0,
  households: 0,
  placed: 0,
  sx: 0,
  sy: 0,
  sxx: 0,
});

/** Adds (sign 1) or removes (sign −1) a node's figures. */
export function addNode(t: GridTally, n: PartitionNode, sign: 1 | -1 = 1): void {
  t.members += sign * n.memberIds.length;
  t.eligible += sign * n.leaderIds.length;
  t.capacity += sign * n.capacity;
  t.households += sign * n.households;
  if (n.x === null || n.y === null) return;
  t.placed += sign;
  t.sx += sign * n.x;
  t.sy += sign * n.y;
  t.sxx += sign * (n.x * n.x + n.y * n.y);
}

/** Σ squared distances from the centre, from running sums (never negative despite rounding). */
export const spreadOf = (t: GridTally): number =>
  t.placed > 0 ? Math.max(0, t.sxx - (t.sx * t.sx + t.sy * t.sy) / t.placed) : 0;

/** The tiers of one non-empty grid. */
export function gridTerms(t: GridTally, components: number, o: ResolvedOptions, leaderRule: boolean): GridTerms {
  const under = Math.max(0, o.minMembers - t.members);
  const over = Math.max(0, t.members - o.maxMembers);
  return {
    violation: under + over + Math.max(0, components - 1),
    leaderless: leaderRule && t.eligible === 0 ? 1 : 0,
    short: Math.max(0, Math.ceil(t.households - t.capacity - 1e-9)),
    imbalance: (t.members - o.targetMembers) ** 2,
    spread: spreadOf(t),
  };
}

const LEADERLESS_MAX = 2 ** 12 - 1;
const SHORT_MAX = 2 ** 20 - 1;

/**
 * violation·2³² + leaderless·2²⁰ + short. Sums stay exact while a village has < 2²¹ members, < 4,096 grids
 * without a leader and < 2²⁰ households short — far beyond any village.
 */
export function packHard(violation: number, leaderless: number, short: number): number {
  return violation * 2 ** 32 + Math.min(leaderless, LEADERLESS_MAX) * 2 ** 20 + Math.min(short, SHORT_MAX);
}

/** Cost of one grid from its terms. */
export const costOfTerms = (g: GridTerms, o: ResolvedOptions): Cost => ({
  hard: packHard(g.violation, g.leaderless, g.short),
  soft: g.imbalance + o.spreadWeight * g.spread,
});

// Soft costs are sums of floats: a change smaller than this is rounding, not an improvement.
const EPS = 1e-9;

/** True when cost (hard, soft) is strictly better than (hard2, soft2). */
export const isBetter = (hard: number, soft: number, hard2: number, soft2: number): boolean =>
  hard < hard2 || (hard === hard2 && soft < soft2 - EPS);
