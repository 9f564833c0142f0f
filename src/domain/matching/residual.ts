/**
 * The residual graph of a flow and the two steps of a primal–dual phase on it: Dijkstra on reduced costs (which
 * moves the potentials) and a Dinic blocking flow along the arcs of zero reduced cost.
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
  const blocking = makeBlockingFlow(g, s, t);
  let value = 0;
  while (dijkstra(s, t)) {
    for (let pushed = blocking(); pushed > 0; pushed = blocking()) value += pushed;
  }
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

/** One Dinic round on zero-reduced-cost arcs: BFS levels, then a blocking flow. Returns the flow pushed. */
function makeBlockingFlow(g: Residual, s: number, t: number): () => number {
  const { n, to, cap, start, adj } = g;
  const level = new Int32Array(n);
  const it = new Int32Array(n);
  const stack = new Int32Array(n);
  const queue = new Int32Array(n);
  const tight = (a: number, u: number) => cap[a]! > 0 && g.cost[a]! + g.pot[u]! === g.pot[to[a]!]!;
  return () => {
    if (!levels(g, s, t, { level, queue }, tight)) return 0;
    it.set(start.subarray(0, n));
    let [total, depth, u] = [0, 0, s];
    for (;;) {
      if (u === t) {
        let f = 0x7fffffff;
        for (let i = 0; i < depth; i++) f = Math.min(f, cap[stack[i]!]!);
        for (let i = 0; i < depth; i++) {
          cap[stack[i]!]! -= f;
          cap[stack[i]! ^ 1]! += f;
        }
        [total, depth, u] = [total + f, 0, s];
        continue;
      }
      const want = level[u]! + 1;
      const end = start[u + 1]!;
      let k = it[u]!;
      while (k < end && !(level[to[adj[k]!]!] === want && tight(adj[k]!, u))) k++;
      it[u] = k;
      if (k < end) {
        stack[depth++] = adj[k]!;
        u = to[adj[k]!]!;
        continue;
      }
      if (u === s) return total;
      level[u] = -1; // dead end for this round
      u = to[stack[--depth]! ^ 1]!;
      it[u]!++;
    }
  };
}

/** BFS levels from s over tight arcs; says whether t was reached (nodes beyond t's level are left out). */
function levels(
  g: Residual,
  s: number,
  t: number,
  { level, queue }: { level: Int32Array; queue: Int32Array },
  tight: (a: number, u: number) => boolean,
): boolean {
  const { to, start, adj } = g;
  level.fill(-1);
  level[s] = 0;
  queue[0] = s;
  for (let head = 0, tail = 1; head < tail; head++) {
    const u = queue[head]!;
    if (u === t) break; // deeper nodes cannot be on a shortest path to t
    for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
      const a = adj[k]!;
      const v = to[a]!;
      if (level[v] === -1 && tight(a, u)) {
        level[v] = level[u]! + 1;
        queue[tail++] = v;
      }
    }
  }
  return level[t] !== -1;
}
