import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowBuilder, type FlowSolution, minCostMaxFlow, reoptimise } from './min-cost-flow.ts';

/** Source 0 → A side (capacity 0–2) → B side (capacity 1) → sink 1, and source → B at a high cost, as in
 * network.ts; then some more A → B arcs. */
const networkArb = fc.record({
  a: fc.array(fc.nat(2), { minLength: 1, maxLength: 6 }),
  b: fc.integer({ min: 1, max: 6 }),
  first: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(9)), { maxLength: 12 }),
  more: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(9)), { minLength: 1, maxLength: 12 }),
});

function build(n: { a: number[]; b: number }, arcs: [number, number, number][]): FlowBuilder {
  const g = new FlowBuilder(2 + n.a.length + n.b);
  for (const [i, cap] of n.a.entries()) g.arc(0, 2 + i, cap, 0);
  for (let j = 0; j < n.b; j++) g.arc(2 + n.a.length + j, 1, 1, 0);
  for (let j = 0; j < n.b; j++) g.arc(0, 2 + n.a.length + j, 1, 100);
  for (const [i, j, cost] of arcs) g.arc(2 + (i % n.a.length), 2 + n.a.length + (j % n.b), 1, cost);
  return g;
}

const costOf = (g: FlowBuilder, s: FlowSolution) => s.flow.reduce((sum, f, i) => sum + f * g.cost[i]!, 0);

/** The potentials certify optimality: no residual arc of negative reduced cost. */
function certified(g: FlowBuilder, s: FlowSolution): boolean {
  for (let i = 0; i < g.arcs; i++) {
    const rc = g.cost[i]! + s.pot[g.from[i]!]! - s.pot[g.to[i]!]!;
    if ((s.flow[i]! < g.cap[i]! && rc < 0) || (s.flow[i]! > 0 && rc > 0)) return false;
  }
  return true;
}

describe('min-cost flow', () => {
  it('re-optimised after adding arcs, costs what a solve from scratch costs, with a certificate', () => {
    fc.assert(
      fc.property(networkArb, (n) => {
        const g = build(n, n.first);
        const before = minCostMaxFlow(g, 0, 1);
        expect(certified(g, before)).toBe(true);
        for (const [i, j, cost] of n.more) g.arc(2 + (i % n.a.length), 2 + n.a.length + (j % n.b), 1, cost);
        const warm = reoptimise(g, before);
        const cold = minCostMaxFlow(build(n, [...n.first, ...n.more]), 0, 1);
        expect([warm.value, costOf(g, warm)]).toEqual([cold.value, costOf(g, cold)]);
        expect(certified(g, warm)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
