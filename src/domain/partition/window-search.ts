/**
 * Large-neighbourhood step of the local search: a grid and the grids it borders, up to WINDOW nodes, are
 * re-partitioned exactly (exact.ts on the nodes they hold). The objective is a sum over grids, so the
 * window's optimum never costs more than what it replaces; it catches swaps and three-way exchanges that
 * single-node moves cannot reach.
 */
import { isBetter } from './cost.ts';
import { exactPartition } from './exact.ts';
import { bordering, type SearchState, setGrid, stateKey, total } from './search-state.ts';

// 3^10 / 2 ≈ 30,000 steps per window: cheap enough to try every grid each round.
const WINDOW = 10;

/** Grid g plus bordering grids (lowest index first) while their nodes fit the window. */
function windowAround(s: SearchState, g: number): number[] {
  const chosen = [g];
  let size = s.grids[g]!.length;
  for (const h of bordering(s, g)) {
    if (size + s.grids[h]!.length > WINDOW) continue;
    chosen.push(h);
    size += s.grids[h]!.length;
  }
  return chosen;
}

/** Best partition of the window's nodes, as lists of global node indices. */
function solveWindow(s: SearchState, window: readonly number[]): number[][] {
  const sub = window.flatMap((g) => s.grids[g]!).sort((a, b) => a - b);
  const local = new Map(sub.map((v, k) => [v, k]));
  const nodes = sub.map((v) => s.nodes[v]!);
  const neighbours = sub.map((v) => s.neighbours[v]!.filter((w) => local.has(w)).map((w) => local.get(w)!));
  // WINDOW ≤ FULL_SEARCH_LIMIT, so the exact search always answers
  return (exactPartition(nodes, neighbours, s.options, s.leaderRule) ?? []).map((list) => list.map((k) => sub[k]!));
}

/** Re-partitions the window around grid g when that lowers the cost; true when it did. */
function improveAround(s: SearchState, g: number): boolean {
  const window = windowAround(s, g);
  if (window.length < 2) return false;
  const key = stateKey(s, 'w', window);
  if (s.memo.has(key)) return false; // this exact window was solved before and did not help
  s.memo.set(key, false);
  const lists = solveWindow(s, window);
  const [after, before] = [total(lists.map(s.cost)), total(window.map((w) => s.costs[w]!))];
  if (!isBetter(after.hard, after.soft, before.hard, before.soft)) return false;
  const slots = [...window.sort((a, b) => a - b)];
  while (slots.length < lists.length) slots.push(s.grids.length + slots.length - window.length);
  slots.forEach((slot, k) => {
    setGrid(s, slot, lists[k] ?? []);
  });
  return true;
}

/** One pass over all grids; true when any window improved. */
export function windowPass(s: SearchState): boolean {
  let changed = false;
  for (let g = 0; g < s.grids.length; g++) if (s.grids[g]!.length > 0 && improveAround(s, g)) changed = true;
  return changed;
}
