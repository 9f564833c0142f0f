/**
 * The working state of the local search: grids as node lists (an emptied grid stays as [] so indices stay
 * stable), each node's grid, and each grid's cost, kept in step by `setGrid`.
 */
import { gridComponents } from './components.ts';
import { addNode, type Cost, costOfTerms, emptyTally, gridTerms } from './cost.ts';
import type { PartitionNode } from './nodes.ts';
import type { ResolvedOptions } from './options.ts';

export interface SearchState {
  nodes: readonly PartitionNode[];
  neighbours: readonly (readonly number[])[];
  options: ResolvedOptions;
  leaderRule: boolean;
  grids: number[][];
  gridOf: number[];
  costs: Cost[];
  /** Bumped whenever a grid changes: lets passes skip work already done on unchanged grids. */
  stamps: number[];
  /** Cached results keyed by grids and their stamps (merge deltas, windows found not to help). */
  memo: Map<string, Cost | false>;
  /** Cost of a node list taken as one grid (0 for an empty list). */
  cost: (list: readonly number[]) => Cost;
}

export const ZERO_COST: Cost = { hard: 0, soft: 0 };

/** One grid per node: always contiguous, the starting point of the search. */
export function singletonState(
  nodes: readonly PartitionNode[],
  neighbours: readonly (readonly number[])[],
  options: ResolvedOptions,
  leaderRule: boolean,
): SearchState {
  const cost = (list: readonly number[]): Cost => {
    if (list.length === 0) return ZERO_COST;
    const tally = emptyTally();
    for (const v of list) addNode(tally, nodes[v]!);
    return costOfTerms(gridTerms(tally, gridComponents(list, neighbours).length, options, leaderRule), options);
  };
  const grids = nodes.map((_, i) => [i]);
  const gridOf = nodes.map((_, i) => i);
  const stamps = grids.map(() => 0);
  return {
    nodes,
    neighbours,
    options,
    leaderRule,
    grids,
    gridOf,
    costs: grids.map(cost),
    stamps,
    memo: new Map(),
    cost,
  };
}

/** Replaces grid g's nodes (index g may be one past the end: a new grid). */
export function setGrid(s: SearchState, g: number, list: readonly number[]): void {
  const sorted = [...list].sort((a, b) => a - b);
  s.grids[g] = sorted;
  for (const v of sorted) s.gridOf[v] = g;
  s.costs[g] = s.cost(sorted);
  s.stamps[g] = (s.stamps[g] ?? 0) + 1;
}

/** Memo key of a set of grids in their current state. */
export const stateKey = (s: SearchState, tag: string, grids: readonly number[]): string =>
  `${tag}${grids.map((g) => `${g}.${s.stamps[g]}`).join(',')}`;

/** Sum of costs. */
export function total(costs: readonly Cost[]): Cost {
  return { hard: costs.reduce((t, c) => t + c.hard, 0), soft: costs.reduce((t, c) => t + c.soft, 0) };
}

/** Change in total cost when the grids with costs `before` become the node lists `after`. */
export function delta(s: SearchState, before: readonly Cost[], after: readonly (readonly number[])[]): Cost {
  const [a, b] = [total(after.map(s.cost)), total(before)];
  return { hard: a.hard - b.hard, soft: a.soft - b.soft };
}

/** Grids bordering grid g, ascending. */
export function bordering(s: SearchState, g: number): number[] {
  const out = new Set<number>();
  for (const v of s.grids[g]!) for (const w of s.neighbours[v]!) if (s.gridOf[w] !== g) out.add(s.gridOf[w]!);
  return [...out].sort((a, b) => a - b);
}
