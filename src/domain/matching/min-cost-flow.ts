/**
 * Exact min-cost max-flow for integer capacities and non-negative integer costs: primal–dual successive shortest
 * paths (residual.ts). Each phase runs Dijkstra on reduced costs, then pushes a Dinic blocking flow along the
 * zero-reduced-cost arcs, so one phase serves every augmenting path of the same length. Each flow value reached
 * is of least cost, hence the final flow is a maximum flow of least cost.
 *
 * {@link reoptimise} warm-starts after arcs were added: it keeps the flow and potentials, saturates the new arcs
 * of negative reduced cost (so every residual arc has reduced cost ≥ 0 again), and routes the surplus this
 * leaves at their heads back to the deficits at their tails by the same phases from a super source to a super
 * sink. That costs a few phases instead of a solve from scratch.
 */
import { augmentAll, residual } from './residual.ts';

/** Arcs added with {@link FlowBuilder.arc}; a solution's `flow[i]` is the flow on arc i. */
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

  /** The same arcs over `nodes` nodes (≥ this.nodes), to add more. */
  widened(nodes: number): FlowBuilder {
    const b = new FlowBuilder(nodes);
    [b.from, b.to, b.cap, b.cost] = [this.from.slice(), this.to.slice(), this.cap.slice(), this.cost.slice()];
    b.arcs = this.arcs;
    return b;
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
  /** Node potentials: every residual arc u→v has cost + pot[u] − pot[v] ≥ 0 (the optimality certificate). */
  pot: Float64Array;
}

/** Solves min-cost max-flow from s to t, starting from zero flow. */
export function minCostMaxFlow(b: FlowBuilder, s: number, t: number): FlowSolution {
  const g = residual(b);
  const value = augmentAll(g, s, t);
  return { flow: flowOf(g.cap, b.arcs), value, pot: g.pot };
}

const flowOf = (cap: Int32Array, arcs: number) => {
  const flow = new Int32Array(arcs);
  for (let i = 0; i < arcs; i++) flow[i] = cap[2 * i + 1]!;
  return flow;
};

/**
 * The min-cost max-flow of `b` given `prev`, the solution before the arcs after `prev.flow.length` were added.
 * Keeps the flow value, so it is for networks whose maximum new arcs cannot raise (in network.ts every
 * household is served already, if only by "nobody"). Exact, like a solve from scratch.
 */
export function reoptimise(b: FlowBuilder, prev: FlowSolution): FlowSolution {
  const n = b.nodes;
  const flow = new Int32Array(b.arcs);
  flow.set(prev.flow);
  const excess = new Int32Array(n);
  for (let i = prev.flow.length; i < b.arcs; i++) {
    const [u, v] = [b.from[i]!, b.to[i]!];
    if (b.cost[i]! + prev.pot[u]! - prev.pot[v]! >= 0) continue;
    flow[i] = b.cap[i]!;
    excess[v]! += flow[i]!;
    excess[u]! -= flow[i]!;
  }
  const [S, T] = [n, n + 1];
  const w = b.widened(n + 2);
  const pot = new Float64Array(n + 2);
  pot.set(prev.pot.subarray(0, n));
  let [need, high, low] = [0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let v = 0; v < n; v++) {
    const x = excess[v]!;
    if (x > 0) {
      w.arc(S, v, x, 0);
      need += x;
      high = Math.max(high, pot[v]!);
    } else if (x < 0) {
      w.arc(v, T, -x, 0);
      low = Math.min(low, pot[v]!);
    }
  }
  if (need === 0) return { flow, value: prev.value, pot: prev.pot };
  [pot[S], pot[T]] = [high, low]; // reduced costs of the supply arcs ≥ 0
  const g = residual(w, flow, pot);
  // Undoing the saturations is a way to route the surplus, so all of it is routed (the invariant checked here).
  if (augmentAll(g, S, T) !== need) throw new Error('reoptimise: surplus left unrouted');
  return { flow: flowOf(g.cap, b.arcs), value: prev.value, pot: g.pot };
}
