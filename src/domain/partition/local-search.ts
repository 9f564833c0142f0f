/**
 * Heuristic for villages too large for the exact search: start from one grid per node (always contiguous),
 * merge the pair of grids whose union lowers the objective most until no merge helps, move single boundary
 * nodes to a neighbouring grid (or off on their own) while that helps, re-solve small windows of
 * neighbouring grids exactly (window-search.ts), and repeat until nothing helps. Every step strictly lowers
 * the cost in cost.ts, so the search ends; the round cap only bounds its time. Nodes and grids are visited
 * in index order: same input, same grids.
 */
import { type Cost, isBetter } from './cost.ts';
import type { PartitionNode } from './nodes.ts';
import type { ResolvedOptions } from './options.ts';
import { bordering, delta, type SearchState, setGrid, singletonState, stateKey } from './search-state.ts';
import { windowPass } from './window-search.ts';

const MAX_ROUNDS = 30;
const VIOLATION_UNIT = 2 ** 32; // see packHard: a hard cost at or above this breaks a bound

/**
 * Partners worth trying for grid g: the grids it borders; a grid bordering none (a hamlet cut off by the given
 * adjacency) may join any grid, paying for the gap, when it breaks a bound on its own.
 */
function partners(s: SearchState, g: number): number[] {
  const near = bordering(s, g);
  if (near.length > 0 || s.costs[g]!.hard < VIOLATION_UNIT) return near.filter((h) => h > g);
  return s.grids.map((_, h) => h).filter((h) => h !== g && s.grids[h]!.length > 0);
}

/** Applies the best improving merge; false when none improves. */
function mergeOnce(s: SearchState): boolean {
  let best: { a: number; b: number; d: Cost } | null = null;
  for (let a = 0; a < s.grids.length; a++) {
    if (s.grids[a]!.length === 0) continue;
    for (const b of partners(s, a)) {
      const key = stateKey(s, 'm', [a, b]);
      const d =
        (s.memo.get(key) as Cost | undefined) ??
        delta(s, [s.costs[a]!, s.costs[b]!], [[...s.grids[a]!, ...s.grids[b]!]]);
      s.memo.set(key, d);
      if (isBetter(d.hard, d.soft, best?.d.hard ?? 0, best?.d.soft ?? 0)) best = { a, b, d };
    }
  }
  if (!best) return false;
  const [keep, drop] = best.a < best.b ? [best.a, best.b] : [best.b, best.a];
  setGrid(s, keep, [...s.grids[keep]!, ...s.grids[drop]!]);
  setGrid(s, drop, []);
  return true;
}

/** Moves node v to the grid (or a new grid, −1) that lowers the cost most; false when none does. */
function moveBest(s: SearchState, v: number): boolean {
  const from = s.gridOf[v]!;
  const rest = s.grids[from]!.filter((w) => w !== v);
  const targets = new Set<number>(s.neighbours[v]!.map((w) => s.gridOf[w]!));
  targets.delete(from);
  if (rest.length > 0) targets.add(-1);
  let best: { to: number; d: Cost } | null = null;
  for (const to of [...targets].sort((a, b) => a - b)) {
    const before = to < 0 ? [s.costs[from]!] : [s.costs[from]!, s.costs[to]!];
    const d = delta(s, before, [rest, to < 0 ? [v] : [...s.grids[to]!, v]]);
    if (isBetter(d.hard, d.soft, best?.d.hard ?? 0, best?.d.soft ?? 0)) best = { to, d };
  }
  if (!best) return false;
  const to = best.to < 0 ? s.grids.length : best.to;
  setGrid(s, from, rest);
  setGrid(s, to, [...(s.grids[to] ?? []), v]);
  return true;
}

/** A good partition of the nodes into grids (node indices, ascending, grids by first node). */
export function localSearchPartition(
  nodes: readonly PartitionNode[],
  neighbours: readonly (readonly number[])[],
  o: ResolvedOptions,
  leaderRule: boolean,
): number[][] {
  const s = singletonState(nodes, neighbours, o, leaderRule);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    while (mergeOnce(s)) changed = true;
    for (let v = 0; v < nodes.length; v++) if (moveBest(s, v)) changed = true;
    if (windowPass(s)) changed = true;
    if (!changed) break;
  }
  return s.grids.filter((g) => g.length > 0).sort((a, b) => a[0]! - b[0]!);
}
