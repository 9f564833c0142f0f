/**
 * Exact min-cost max-flow for integer capacities and non-negative integer costs: primal–dual successive shortest
 * paths. Each phase runs Dijkstra on reduced costs (stopping when the sink is settled; potentials of unsettled
 * nodes rise by the sink's distance, which keeps every reduced cost ≥ 0), then pushes a Dinic blocking flow
 * along the zero-reduced-cost arcs, so one phase serves every augmenting path of the same length. Each flow value
 * reached is of least cost, hence the final flow is a maximum flow of least cost.
 */

/** Arcs added with {@link FlowBuilder.arc}; `flow(i)` reads the solution of arc i. */
export class FlowBuilder {
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  cap = new Int32Array(1024);
  cost = new Int32Array(1024);
  arcs = 0;
  constructor(readonly nodes: number) {}

  /** Adds an arc and returns its index. Costs must be ≥ 0. */
  arc(from: number, to: number, cap: number, cost: number): number {
    if (this.arcs === this.from.length) this.grow();
    const i = this.arcs++;
    this.from[i] = from;
    this.to[i] = to;
    this.cap[i] = cap;
    this.cost[i] = cost;
    return i;
  }

  private grow(): void {
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    [this.from, this.to, this.cap, this.cost] = [
      bigger(this.from),
      bigger(this.to),
      bigger(this.cap),
      bigger(this.cost),
    ];
  }
}

export interface FlowSolution {
  /** Flow on each arc, in the order added. */
  flow: Int32Array;
  value: number;
  cost: number;
  /** Node potentials: every residual arc u→v has cost + pot[u] − pot[v] ≥ 0 (the optimality certificate). */
  pot: Float64Array;
}

/** Residual graph: arc 2i is arc i forward, 2i+1 its reverse; arcs of a node are adj[start[u]..start[u+1]). */
interface Residual {
  n: number;
  to: Int32Array;
  cap: Int32Array;
  cost: Int32Array;
  start: Int32Array;
  adj: Int32Array;
  pot: Float64Array;
}

function residual(b: FlowBuilder): Residual {
  const m = b.arcs;
  const n = b.nodes;
  const to = new Int32Array(2 * m);
  const cap = new Int32Array(2 * m);
  const cost = new Int32Array(2 * m);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const [u, v] = [b.from[i]!, b.to[i]!];
    to[2 * i] = v;
    to[2 * i + 1] = u;
    cap[2 * i] = b.cap[i]!;
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
  return { n, to, cap, cost, start, adj, pot: new Float64Array(n) };
}

/** Solves min-cost max-flow from s to t. */
export function minCostMaxFlow(b: FlowBuilder, s: number, t: number): FlowSolution {
  const g = residual(b);
  const dijkstra = makeDijkstra(g);
  const blocking = makeBlockingFlow(g, s, t);
  let value = 0;
  while (dijkstra(s, t)) {
    for (let pushed = blocking(); pushed > 0; pushed = blocking()) value += pushed;
  }
  const m = b.arcs;
  const flow = new Int32Array(m);
  let cost = 0;
  for (let i = 0; i < m; i++) {
    flow[i] = g.cap[2 * i + 1]!;
    cost += flow[i]! * b.cost[i]!;
  }
  return { flow, value, cost, pot: g.pot };
}

/** Dijkstra on reduced costs; updates potentials and says whether t is reachable. */
function makeDijkstra(g: Residual): (s: number, t: number) => boolean {
  const dist = new Float64Array(g.n);
  const done = new Uint8Array(g.n);
  const heap = new BinaryHeap(g.to.length + g.n);
  const { n, to, cap, cost, start, adj, pot } = g;
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
  const { n, to, cap, cost, start, adj, pot } = g;
  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  const it = new Int32Array(n);
  const stack = new Int32Array(n);
  const bfs = (): boolean => {
    level.fill(-1);
    level[s] = 0;
    queue[0] = s;
    for (let head = 0, tail = 1; head < tail; head++) {
      const u = queue[head]!;
      if (u === t) break; // deeper nodes cannot be on a shortest path to t
      const next = level[u]! + 1;
      const pu = pot[u]!;
      for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
        const a = adj[k]!;
        const v = to[a]!;
        if (level[v] === -1 && cap[a]! > 0 && cost[a]! + pu === pot[v]!) {
          level[v] = next;
          queue[tail++] = v;
        }
      }
    }
    return level[t] !== -1;
  };
  return () => {
    if (!bfs()) return 0;
    it.set(start.subarray(0, n));
    let total = 0;
    let depth = 0;
    let u = s;
    for (;;) {
      if (u === t) {
        let f = 0x7fffffff;
        for (let i = 0; i < depth; i++) f = Math.min(f, cap[stack[i]!]!);
        for (let i = 0; i < depth; i++) {
          cap[stack[i]!]! -= f;
          cap[stack[i]! ^ 1]! += f;
        }
        total += f;
        depth = 0;
        u = s;
        continue;
      }
      const want = level[u]! + 1;
      const pu = pot[u]!;
      const end = start[u + 1]!;
      let k = it[u]!;
      let next = -1;
      for (; k < end; k++) {
        const a = adj[k]!;
        const v = to[a]!;
        if (level[v] === want && cap[a]! > 0 && cost[a]! + pu === pot[v]!) {
          next = a;
          break;
        }
      }
      it[u] = k;
      if (next >= 0) {
        stack[depth++] = next;
        u = to[next]!;
        continue;
      }
      if (u === s) return total;
      level[u] = -1; // dead end for this round
      u = to[stack[--depth]! ^ 1]!;
      it[u]!++;
    }
  };
}

/** A binary min-heap of (key, node) pairs with room for `capacity` pushes. */
class BinaryHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity + 1);
    this.nodes = new Int32Array(capacity + 1);
  }
  clear(): void {
    this.size = 0;
  }
  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!;
      this.nodes[i] = this.nodes[p]!;
      i = p;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
  popNode(): number {
    const top = this.nodes[0]!;
    const key = this.keys[--this.size]!;
    const node = this.nodes[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= key) break;
      this.keys[i] = this.keys[c]!;
      this.nodes[i] = this.nodes[c]!;
      i = c;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const nodes = new Int32Array(this.nodes.length * 2);
    keys.set(this.keys);
    nodes.set(this.nodes);
    [this.keys, this.nodes] = [keys, nodes];
  }
}
