/**
 * Figures of subsets of a village's nodes (at most 2^exactLimit of them), for the exact search: members of
 * every subset (the cheap first filter) and the cost of any subset taken as one grid.
 */
import { maskComponents } from './components.ts';
import { addNode, type Cost, costOfTerms, emptyTally, gridTerms } from './cost.ts';
import type { PartitionNode } from './nodes.ts';
import type { ResolvedOptions } from './options.ts';

/** What the cost of subsets needs: the nodes, members per subset, neighbour masks and rules. */
export interface SubsetContext {
  nodes: readonly PartitionNode[];
  members: Float64Array;
  adjacency: Int32Array;
  options: ResolvedOptions;
  leaderRule: boolean;
}

/** Builds the context; members of every subset come from a running sum over masks. */
export function subsetContext(
  nodes: readonly PartitionNode[],
  neighbours: readonly (readonly number[])[],
  options: ResolvedOptions,
  leaderRule: boolean,
): SubsetContext {
  const own = Float64Array.from(nodes, (n) => n.memberIds.length);
  const members = new Float64Array(1 << nodes.length);
  for (let mask = 1; mask < members.length; mask++) {
    const low = mask & -mask;
    members[mask] = members[mask ^ low]! + own[31 - Math.clz32(low)]!;
  }
  const adjacency = Int32Array.from(neighbours, (list) => list.reduce((m, j) => m | (1 << j), 0));
  return { nodes, members, adjacency, options, leaderRule };
}

/** Cost of the subset `mask` taken as one grid. */
export function maskCost(c: SubsetContext, mask: number): Cost {
  const tally = emptyTally();
  for (let rest = mask; rest !== 0; rest &= rest - 1) addNode(tally, c.nodes[31 - Math.clz32(rest & -rest)]!);
  return costOfTerms(gridTerms(tally, maskComponents(mask, c.adjacency), c.options, c.leaderRule), c.options);
}

/** True when the subset breaks no bound as a grid: within [minMembers, maxMembers] and contiguous. */
export function isSound(c: SubsetContext, mask: number): boolean {
  const m = c.members[mask]!;
  return m >= c.options.minMembers && m <= c.options.maxMembers && maskComponents(mask, c.adjacency) === 1;
}
