/**
 * Exact search for villages of up to `exactLimit` nodes (default 18): dynamic programming over subsets.
 * best(S) is the cheapest partition of node set S; the grid holding S's lowest node is tried among subsets
 * of S containing it, so each partition is met once. Once node 0's grid is chosen only sets without node 0 remain, so those
 * (even masks) and the full set are all that need solving.
 *  1. Fast path: only "sound" grids (contiguous, within the member bounds) — a few dozen per village. If
 *     they can cover the village, that partition is optimal overall: any other grid breaks a bound, and
 *     bound violations outrank every other term of the objective (cost.ts).
 *  2. Otherwise every subset is a candidate grid (3ⁿ⁻¹/2 steps, ≈ 88,000 for 12 nodes), disconnected ones
 *     paying for their extra pieces, so the answer is exact for the whole objective. Only up to
 *     FULL_SEARCH_LIMIT nodes: beyond, 3ⁿ grows too fast and the caller falls back to local search.
 */
import type { Cost } from './cost.ts';
import type { PartitionNode } from './nodes.ts';
import type { ResolvedOptions } from './options.ts';
import { isSound, maskCost, type SubsetContext, subsetContext } from './subsets.ts';

const EPS = 1e-9;
/** Largest village searched over every subset (3^12 / 2 ≈ 266,000 steps, a few ms); larger ones fall back. */
export const FULL_SEARCH_LIMIT = 13;
/** Most DP steps the fast path may take on a larger village (~10 ms) before local search takes over. */
const SOUND_BUDGET = 2 ** 22;

/** DP tables: best cost of each set, and the grid holding its lowest node. */
interface Tables {
  hard: Float64Array;
  soft: Float64Array;
  choice: Int32Array;
}

function tables(size: number): Tables {
  const t = { hard: new Float64Array(size), soft: new Float64Array(size), choice: new Int32Array(size) };
  t.hard.fill(Number.POSITIVE_INFINITY, 1);
  return t;
}

/** Solves every even mask and the full set, trying `candidates(set)` as the grid of the set's lowest node. */
function solve(n: number, candidates: (set: number, low: number, t: Tables) => void): Tables {
  const size = 1 << n;
  const t = tables(size);
  for (let set = 2; set < size; set += 2) candidates(set, set & -set, t);
  candidates(size - 1, 1, t);
  return t;
}

/** Keeps `grid` for `set` when it beats the set's best so far. */
function offer(t: Tables, set: number, grid: number, cost: Cost): void {
  const h = cost.hard + t.hard[set ^ grid]!;
  const s = cost.soft + t.soft[set ^ grid]!;
  if (h < t.hard[set]! || (h === t.hard[set]! && s < t.soft[set]! - EPS)) {
    t.hard[set] = h;
    t.soft[set] = s;
    t.choice[set] = grid;
  }
}

/**
 * Sound grids by their lowest node, or null when trying them would cost more than `budget` DP steps: with
 * many small hamlets nearly every subset is sound, and the fast path would be slower than the alternative.
 */
function soundGrids(n: number, c: SubsetContext, budget: number): { mask: number; cost: Cost }[][] | null {
  const byLow: { mask: number; cost: Cost }[][] = Array.from({ length: n }, () => []);
  let work = 0;
  for (let mask = 1; mask < 1 << n; mask++) {
    if (!isSound(c, mask)) continue;
    const low = 31 - Math.clz32(mask & -mask);
    // a grid whose lowest node is k is tried for every even set whose lowest node is k: 2^(n-1-k) of them
    work += low === 0 ? 1 : 2 ** (n - 1 - low);
    if (work > budget) return null;
    byLow[low]!.push({ mask, cost: maskCost(c, mask) });
  }
  return byLow;
}

/** Fast path: sound grids only; null when they cannot cover the village or are too many to try. */
function solveSound(n: number, c: SubsetContext, budget: number): Tables | null {
  const byLow = soundGrids(n, c, budget);
  if (!byLow) return null;
  const t = solve(n, (set, low, tab) => {
    for (const g of byLow[31 - Math.clz32(low)]!) if ((g.mask & ~set) === 0) offer(tab, set, g.mask, g.cost);
  });
  return Number.isFinite(t.hard[(1 << n) - 1]!) ? t : null;
}

/** Full search: every subset is a candidate grid. */
function solveAll(n: number, c: SubsetContext): Tables {
  const costs = Array.from({ length: 1 << n }, (_, mask) => (mask === 0 ? { hard: 0, soft: 0 } : maskCost(c, mask)));
  return solve(n, (set, low, tab) => {
    const rest = set ^ low;
    for (let sub = rest; ; sub = (sub - 1) & rest) {
      offer(tab, set, sub | low, costs[sub | low]!);
      if (sub === 0) break;
    }
  });
}

/**
 * The optimal partition of the nodes into grids (node indices, ascending, grids by first node); null when a
 * village of more than FULL_SEARCH_LIMIT nodes cannot be covered by sound grids or has too many of them.
 */
export function exactPartition(
  nodes: readonly PartitionNode[],
  neighbours: readonly (readonly number[])[],
  options: ResolvedOptions,
  leaderRule: boolean,
): number[][] | null {
  const n = nodes.length;
  if (n === 0) return [];
  const c = subsetContext(nodes, neighbours, options, leaderRule);
  const full = n <= FULL_SEARCH_LIMIT;
  // the fast path is worth it only while it is cheaper than the full search it may save
  const budget = full ? 3 ** (n - 1) / 2 : SOUND_BUDGET;
  const solved = solveSound(n, c, budget) ?? (full ? solveAll(n, c) : null);
  if (!solved) return null;
  const { choice } = solved;
  const grids: number[][] = [];
  for (let set = (1 << n) - 1; set !== 0; set ^= choice[set]!) {
    const grid = choice[set]!;
    grids.push(nodes.map((_, i) => i).filter((i) => (grid >> i) & 1));
  }
  return grids;
}
