/**
 * The units the partition moves around ("nodes"): each natural village whole, or — when it alone has more
 * members than a grid may hold — its pieces. A piece gets an even share of the members (those able to lead
 * dealt out first, so every piece can have a leader) and the households of one angular sector around the
 * natural village's centre, so each piece is a compact stretch of homes, sized to its members' capacity.
 */
import type { NormalVillage, PlacedHousehold } from './normalize.ts';
import type { ResolvedOptions } from './options.ts';
import type { PartitionMember } from './types.ts';

/** A whole natural village or one piece of a split one. */
export interface PartitionNode {
  /** Index of its natural village in the canonical (code-sorted) list. */
  village: number;
  code: string;
  /** 0-based piece number; `pieces` is 1 for a whole natural village. */
  piece: number;
  pieces: number;
  x: number | null;
  y: number | null;
  memberIds: number[];
  /** Members eligible to lead, most capacity first, then by id. */
  leaderIds: number[];
  /** Households its members can help. */
  capacity: number;
  households: number;
  householdIds: number[] | null;
}

/** Largest-remainder apportionment of `total` by `weights` (equal shares when all weights are 0). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const wsum = sum > 0 ? sum : w.length;
  const exact = w.map((x) => (total * x) / wsum);
  const shares = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ r: e - Math.floor(e), i })).sort((a, b) => b.r - a.r || a.i - b.i);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i]! += 1;
  }
  return shares;
}

const leaderOrder = (a: PartitionMember, b: PartitionMember) => b.capacity - a.capacity || a.id - b.id;

function makeNode(v: NormalVillage, index: number, members: PartitionMember[], o: ResolvedOptions) {
  const capacity =
    o.householdsPerMemberTarget === null
      ? members.reduce((s, m) => s + m.capacity, 0)
      : members.length * o.householdsPerMemberTarget;
  const leaderIds = members
    .filter((m) => m.eligibleToLead)
    .sort(leaderOrder)
    .map((m) => m.id);
  const memberIds = members.map((m) => m.id).sort((a, b) => a - b);
  return { village: index, code: v.code, x: v.x, y: v.y, memberIds, leaderIds, capacity };
}

/** Members dealt in snake order (0,1,…,p−1,p−1,…,0) after sorting leaders and strong helpers first. */
function dealMembers(members: readonly PartitionMember[], pieces: number): PartitionMember[][] {
  const hands: PartitionMember[][] = Array.from({ length: pieces }, () => []);
  const sorted = [...members].sort((a, b) => Number(b.eligibleToLead) - Number(a.eligibleToLead) || leaderOrder(a, b));
  sorted.forEach((m, k) => {
    const round = Math.floor(k / pieces);
    const pos = k % pieces;
    hands[round % 2 === 0 ? pos : pieces - 1 - pos]!.push(m);
  });
  return hands;
}

/**
 * Households swept by angle around their centre, starting after the widest empty sector (so no cluster is
 * cut at an arbitrary ±180°); those without a position last, by id. Deterministic: ties go by id.
 */
function sweep(list: readonly PlacedHousehold[]): PlacedHousehold[] {
  const placed = list.filter((h) => h.x !== null && h.y !== null);
  const cx = placed.reduce((s, h) => s + h.x!, 0) / Math.max(1, placed.length);
  const cy = placed.reduce((s, h) => s + h.y!, 0) / Math.max(1, placed.length);
  const angle = (h: PlacedHousehold) => Math.atan2(h.y! - cy, h.x! - cx);
  const byAngle = placed.map((h) => ({ h, a: angle(h) })).sort((p, q) => p.a - q.a || p.h.id - q.h.id);
  let start = 0;
  let widest = -1;
  byAngle.forEach((p, k) => {
    const before = k === 0 ? byAngle.at(-1)!.a - 2 * Math.PI : byAngle[k - 1]!.a;
    if (p.a - before > widest) [widest, start] = [p.a - before, k];
  });
  const rotated = [...byAngle.slice(start), ...byAngle.slice(0, start)].map((p) => p.h);
  return [...rotated, ...list.filter((h) => h.x === null || h.y === null)];
}

function centroid(list: readonly PlacedHousehold[]): { x: number; y: number } | null {
  const placed = list.filter((h) => h.x !== null && h.y !== null);
  if (placed.length === 0) return null;
  return {
    x: placed.reduce((s, h) => s + h.x!, 0) / placed.length,
    y: placed.reduce((s, h) => s + h.y!, 0) / placed.length,
  };
}

/** Pieces of an oversized natural village: enough to fit `maxMembers`, about `targetMembers` each. */
function splitVillage(v: NormalVillage, index: number, o: ResolvedOptions): PartitionNode[] {
  const m = v.members.length;
  const pieces = Math.max(Math.ceil(m / o.maxMembers), Math.round(m / Math.max(1, o.targetMembers)));
  const hands = dealMembers(v.members, pieces).map((hand) => makeNode(v, index, hand, o));
  // households follow helping capacity; by head count when nobody in the natural village can help
  const helpers = hands.some((h) => h.capacity > 0);
  const shares = apportion(
    v.households,
    hands.map((h) => (helpers ? h.capacity : h.memberIds.length)),
  );
  const ordered = v.householdList ? sweep(v.householdList) : null;
  let start = 0;
  return hands.map((hand, piece) => {
    const share = shares[piece] ?? 0;
    const mine = ordered ? ordered.slice(start, start + share) : null;
    start += share;
    const at = mine ? centroid(mine) : null;
    const householdIds = mine ? mine.map((h) => h.id).sort((a, b) => a - b) : null;
    return { ...hand, ...(at ?? {}), piece, pieces, households: share, householdIds };
  });
}

/** Nodes of the village in canonical order, and which nodes belong to each natural village. */
export function buildNodes(villages: readonly NormalVillage[], o: ResolvedOptions) {
  const nodes: PartitionNode[] = [];
  const nodesOf: number[][] = [];
  villages.forEach((v, index) => {
    const made =
      v.members.length > o.maxMembers
        ? splitVillage(v, index, o)
        : [
            {
              ...makeNode(v, index, v.members, o),
              piece: 0,
              pieces: 1,
              households: v.households,
              householdIds: v.householdList ? v.householdList.map((h) => h.id) : null,
            },
          ];
    nodesOf.push(made.map((_, k) => nodes.length + k));
    nodes.push(...made);
  });
  return { nodes, nodesOf };
}
