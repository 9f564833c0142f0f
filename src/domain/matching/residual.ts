/**
 * The residual graph of a flow and the two steps of a primal–dual phase on it: Dijkstra on reduced costs (which
 * moves the potentials) and augmenting along the arcs of zero reduced cost.
 */
import { BinaryHeap } from './heap.ts';
import type { FlowBuilder } from './min-cost-flow.ts';

/** Arc 2i is builder arc i forward, 2i+1 its reverse; the arcs leaving node u are adj[start[u]..start[u+1]). */
export interface Residual {
  n: number;
  to: Int32Array;
  cap: Int32Array;
  cost: Int32Array;
  start: Int32Array;
  adj: Int32Array;
  /** Every residual arc u→v with cap > 0 keeps cost + pot[u] − pot[v] ≥ 0. */
  pot: Float64Array;
}

/** The residual graph of `flow` (zero when absent) on the builder's arcs, with the given potentials. */
export function residual(b: FlowBuilder, flow?: Int32Array, pot = new Float64Array(b.nodes)): Residual {
  const [m, n] = [b.arcs, b.nodes];
  const to = new Int32Array(2 * m);
  const cap = new Int32Array(2 * m);
  const cost = new Int32Array(2 * m);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const [u, v, f] = [b.from[i]!, b.to[i]!, flow?.[i] ?? 0];
    to[2 * i] = v;
    to[2 * i + 1] = u;
    cap[2 * i] = b.cap[i]! - f;
    cap[2 * i + 1] = f;
    cost[2 * i] = b.cost[i]!;
    cost[2 * i + 1] = -b.cost[i]!;
    start[u + 1]!++;
    start[v + 1]!++;
  }
  for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(2 * m);
  for (let i = 0; i < m; i++) {
    adj[fill[b.from[i]!]!++] = 2 * i;
    adj[fill[b.to[i]!]!++] = 2 * i + 1;
  }
  return { n, to, cap, cost, start, adj, pot };
}

/** Primal–dual phases from s to t until t is unreachable; returns the flow pushed. */
export function augmentAll(g: Residual, s: number, t: number): number {
  const dijkstra = makeDijkstra(g);
  const augment = makeAugmenter(g, s, t);
  let value = 0;
  while (dijkstra(s, t)) value += augment();
  return value;
}

/**
 * Dijkstra on reduced costs, stopping when t is settled; then potentials of settled nodes rise by their distance
 * and the others by t's, which keeps every reduced cost ≥ 0 and makes t's shortest paths zero-cost. Says
 * whether t is reachable.
 */
function makeDijkstra(g: Residual): (s: number, t: number) => boolean {
  const { n, to, cap, cost, start, adj, pot } = g;
  const dist = new Float64Array(n);
  const done = new Uint8Array(n);
  const heap = new BinaryHeap(n);
  return (s, t) => {
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    heap.clear();
    dist[s] = 0;
    heap.push(0, s);
    while (heap.size > 0) {
      const u = heap.popNode();
      if (done[u]) continue;
      done[u] = 1;
      if (u === t) break;
      const du = dist[u]! + pot[u]!;
      for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
        const a = adj[k]!;
        if (cap[a]! <= 0) continue;
        const v = to[a]!;
        const d = du + cost[a]! - pot[v]!;
        if (d < dist[v]!) {
          dist[v] = d;
          heap.push(d, v);
        }
      }
    }
    if (!done[t]) return false;
    const dt = dist[t]!;
    for (let v = 0; v < n; v++) pot[v]! += done[v] ? dist[v]! : dt;
    return true;
  };
}

/**
 * Augments along zero-reduced-cost arcs (shortest paths, after Dijkstra) until s is cut off from t: one
 * depth-first search that keeps its place in each node's arcs for the whole phase, so every arc is looked at
 * about once per phase rather than once per path (Dinic's BFS levels cost a full scan per round). It skips
 * nodes on its own path (zero-cost cycles) and may so miss a path; the next Dijkstra finds it at distance 0,
 * which costs a phase, never exactness. Returns the flow pushed (≥ 1 right after a successful Dijkstra).
 */
function makeAugmenter(g: Residual, s: number, t: number): () => number {
  const { n, to, cap, cost, start, adj, pot } = g;
  const it = new Int32Array(n);
  const onPath = new Uint8Array(n);
  const stack = new Int32Array(n);
  return () => {
    it.set(start.subarray(0, n));
    let [total, depth, u] = [0, 0, s];
    onPath[s] = 1;
    for (;;) {
      if (u === t) {
        total += push(cap, stack, depth);
        for (let i = 0; i < depth; i++) onPath[to[stack[i]!]!] = 0;
        [depth, u] = [0, s];
        continue;
      }
      const pu = pot[u]!;
      const end = start[u + 1]!;
      let k = it[u]!;
      for (; k < end; k++) {
        const a = adj[k]!;
        if (cap[a]! > 0 && onPath[to[a]!] === 0 && cost[a]! + pu === pot[to[a]!]) break;
      }
      it[u] = k;
      if (k < end) {
        stack[depth++] = adj[k]!;
        u = to[adj[k]!]!;
        onPath[u] = 1;
        continue;
      }
      onPath[u] = 0; // a dead end for the rest of the phase: its arcs are used up
      if (u === s) return total;
      u = to[stack[--depth]! ^ 1]!;
      it[u]!++;
    }
  };
}

/** Pushes the bottleneck along the path of arcs stack[0..depth); returns it. */
function push(cap: Int32Array, stack: Int32Array, depth: number): number {
  let f = 0x7fffffff;
  for (let i = 0; i < depth; i++) f = Math.min(f, cap[stack[i]!]!);
  for (let i = 0; i < depth; i++) {
    cap[stack[i]!]! -= f;
    cap[stack[i]! ^ 1]! += f;
  }
  return f;
}
