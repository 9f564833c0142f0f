/**
 * One component as a flow network: source → member (free capacity) → household (1) → sink, arc cost
 * `top − fit`, and source → household at a cost above any change of fit ("nobody"). Every household receives
 * one unit, from a member or from nobody, so the least-cost flow leaves the fewest households to nobody and,
 * among those, has the greatest total fit: the lexicographic objective, exactly. Pairs across villages of the
 * township go through hubs (hubs.ts).
 *
 * Pairs inside a village (and wished pairs) are many too, so the solver starts with each member's and each
 * household's best few (candidates.ts) and then prices the rest with the solution's potentials: every pair of
 * negative reduced cost joins and the flow is re-optimised from where it was (min-cost-flow.ts). When none is
 * left, the potentials certify the flow optimal for every candidate pair (no negative residual cycle), so the
 * result is exact.
 */
import { type Candidates, directCandidates } from './candidates.ts';
import { TAG_COUNT } from './fit.ts';
import { addHubs, type Hubs, hubPairs } from './hubs.ts';
import { FlowBuilder, minCostMaxFlow, reoptimise } from './min-cost-flow.ts';
import type { ResolvedMatchOptions } from './options.ts';
import type { Component, PreparedHousehold, PreparedMember } from './prepare.ts';

export interface Assignment {
  member: PreparedMember;
  household: PreparedHousehold;
}

interface Network {
  g: FlowBuilder;
  hubs: Hubs | null;
  /** The arc of each candidate the solver has; −1 for the others. */
  arcOf: Int32Array;
  top: number;
  members: number;
}

/** Solves one component exactly; returns its pairings in household order. `first`: see candidates.ts. */
export function solveComponent(c: Component, o: ResolvedMatchOptions, first?: number): Assignment[] {
  const villages = new Set([...c.members, ...c.households].map((x) => placeOf(x).village));
  const useHubs = o.reach === 'township' && villages.size > 1;
  const cands = directCandidates(c, o, useHubs, first);
  const net = buildNetwork(c, cands, o, useHubs);
  let solution = minCostMaxFlow(net.g, 0, 1);
  // Each round adds every priced-in pair at once and warm-starts from the last flow.
  while (addImproving(net, cands, solution.pot) > 0) solution = reoptimise(net.g, solution);
  const { flow } = solution;
  const pairs: [number, number][] = [];
  net.arcOf.forEach((arc, k) => {
    if (arc >= 0 && flow[arc]! > 0) pairs.push([cands.member[k]!, cands.household[k]!]);
  });
  if (net.hubs) pairs.push(...hubPairs(net.hubs, flow));
  return pairs.sort((a, b) => a[1] - b[1]).map(([i, j]) => ({ member: c.members[i]!, household: c.households[j]! }));
}

/**
 * Gives the solver the candidates it lacked whose reduced cost is negative; returns how many. When none is, the
 * potentials certify that the flow is optimal for the whole candidate set too (no negative residual cycle).
 */
function addImproving(net: Network, cands: Candidates, pot: Float64Array): number {
  const { g, top, members: M } = net;
  let added = 0;
  for (let k = 0; k < cands.size; k++) {
    if (cands.chosen[k]) continue;
    const [i, j] = [cands.member[k]!, cands.household[k]!];
    if (top - cands.fit[k]! + pot[2 + i]! - pot[2 + M + j]! >= 0) continue;
    cands.chosen[k] = 1;
    net.arcOf[k] = g.arc(2 + i, 2 + M + j, 1, top - cands.fit[k]!);
    added++;
  }
  return added;
}

/**
 * Source 0 → member (free capacity) → household (1) → sink 1, plus source → household at cost `uncovered`
 * ("nobody"), so every household is served and a household left to nobody costs more than any change of fit:
 * minimum cost is the lexicographic optimum, and optimality is checkable by potentials alone.
 */
function buildNetwork(c: Component, cands: Candidates, o: ResolvedMatchOptions, useHubs: boolean): Network {
  let top = 0;
  for (const h of c.households) for (const p of h.fit.points) top = Math.max(top, p);
  top += o.closeness.naturalVillage + o.wishBonus;
  const M = c.members.length;
  const H = c.households.length;
  const mNode = (i: number) => 2 + i;
  const hNode = (j: number) => 2 + M + j;
  const g = new FlowBuilder(2 + M + H + (useHubs ? TAG_COUNT + 1 : 0));
  const uncovered = top * (H + 1) + 1;
  for (let i = 0; i < M; i++) g.arc(0, mNode(i), c.members[i]!.capacity - c.members[i]!.used, 0);
  for (let j = 0; j < H; j++) g.arc(hNode(j), 1, 1, 0);
  for (let j = 0; j < H; j++) g.arc(0, hNode(j), 1, uncovered);
  const arcOf = new Int32Array(cands.size).fill(-1);
  for (let k = 0; k < cands.size; k++) {
    if (cands.chosen[k]) arcOf[k] = g.arc(mNode(cands.member[k]!), hNode(cands.household[k]!), 1, top - cands.fit[k]!);
  }
  const near = o.closeness.township;
  const at = { firstNode: 2 + M + H, top, near, directOnly: cands.directOnly, household: hNode };
  return { g, hubs: useHubs ? addHubs(g, c, at) : null, arcOf, top, members: M };
}

const placeOf = (x: PreparedMember | PreparedHousehold) => ('member' in x ? x.member.place : x.household.place);
