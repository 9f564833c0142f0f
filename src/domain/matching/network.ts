/**
 * One component as a flow network: source → member (free capacity) → household (1) → sink, arc cost
 * `top − fit`, and source → household at a cost above any change of fit ("nobody"). Every household receives
 * one unit, from a member or from nobody, so the least-cost flow leaves the fewest households to nobody and,
 * among those, has the greatest total fit: the lexicographic objective, exactly.
 *
 * Pairs across villages of the township would be members × households arcs, so they go through hubs instead:
 * member → hub of each of their fit tags (and the "any" hub) → household, worth the tag's points + same-township
 * closeness. That is exactly the fit of a cross-village pair (skill is the best single tag) and never more than
 * the fit of any pair a hub path stands for (closeness points are ordered), so the optimum is unchanged; flows
 * through a hub are paired up member by member, and each pair's real fit is scored afresh.
 *
 * Pairs inside a village (and wished pairs) are many too, so the solver starts with each member's and each
 * household's best few (candidates.ts) and then prices the rest with the solution's potentials: any pair of
 * negative reduced cost joins and the component is solved again. When none is left, the potentials certify
 * the flow optimal for every candidate pair (no negative residual cycle), so the result is exact.
 */
import { type Candidates, directCandidates } from './candidates.ts';
import { TAG_COUNT } from './fit.ts';
import { FlowBuilder, minCostMaxFlow, reoptimise } from './min-cost-flow.ts';
import type { ResolvedMatchOptions } from './options.ts';
import type { Component, PreparedHousehold, PreparedMember } from './prepare.ts';

export interface Assignment {
  member: PreparedMember;
  household: PreparedHousehold;
}

interface Hub {
  node: number;
  /** Arcs member → hub and hub → household, with their ends. */
  ins: { arc: number; member: number }[];
  outs: { arc: number; household: number }[];
}

interface Network {
  g: FlowBuilder;
  hubs: Hub[];
  /** Candidates the solver has, and the arc of each. */
  direct: { k: number; arc: number }[];
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
  for (const d of net.direct) if (flow[d.arc]! > 0) pairs.push([cands.member[d.k]!, cands.household[d.k]!]);
  for (const hub of net.hubs) pairs.push(...pairHub(hub, flow));
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
    net.direct.push({ k, arc: g.arc(2 + i, 2 + M + j, 1, top - cands.fit[k]!) });
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
  const hubs: Hub[] = useHubs ? Array.from({ length: TAG_COUNT + 1 }, () => ({ node: -1, ins: [], outs: [] })) : [];
  let nodes = 2 + M + H;
  for (const hub of hubs) hub.node = nodes++;
  const g = new FlowBuilder(nodes);
  const uncovered = top * (H + 1) + 1;
  for (let i = 0; i < M; i++) g.arc(0, mNode(i), c.members[i]!.capacity - c.members[i]!.used, 0);
  for (let j = 0; j < H; j++) g.arc(hNode(j), 1, 1, 0);
  for (let j = 0; j < H; j++) g.arc(0, hNode(j), 1, uncovered);
  const direct: Network['direct'] = [];
  for (let k = 0; k < cands.size; k++) {
    if (cands.chosen[k])
      direct.push({ k, arc: g.arc(mNode(cands.member[k]!), hNode(cands.household[k]!), 1, top - cands.fit[k]!) });
  }
  if (useHubs) addHubArcs(g, c, hubs, { o, top, directOnly: cands.directOnly }, mNode, hNode);
  return { g, hubs, direct, top, members: M };
}

const placeOf = (x: PreparedMember | PreparedHousehold) => ('member' in x ? x.member.place : x.household.place);

/** Member → tag hub ("any" hub last) → household arcs for pairs across villages of the township. */
function addHubArcs(
  g: FlowBuilder,
  c: Component,
  hubs: Hub[],
  { o, top, directOnly }: { o: ResolvedMatchOptions; top: number; directOnly: Uint8Array },
  mNode: (i: number) => number,
  hNode: (j: number) => number,
): void {
  const any = TAG_COUNT;
  const used = new Uint8Array(TAG_COUNT + 1);
  c.members.forEach((m, i) => {
    const free = m.capacity - m.used;
    for (const tag of [...m.tags, any]) {
      used[tag] = 1;
      hubs[tag]!.ins.push({ arc: g.arc(mNode(i), hubs[tag]!.node, free, 0), member: i });
    }
  });
  const near = o.closeness.township;
  c.households.forEach((h, j) => {
    if (directOnly[j]) return; // a hub could pair it with a member it must not have
    for (let tag = 0; tag <= any; tag++) {
      const points = tag === any ? 0 : h.fit.points[tag]!;
      if (!used[tag] || (tag !== any && points === 0)) continue;
      hubs[tag]!.outs.push({ arc: g.arc(hubs[tag]!.node, hNode(j), 1, top - points - near), household: j });
    }
  });
}

/** Splits a hub's flow into member–household pairs (members in order, each unit to the next household). */
function pairHub(hub: Hub, flow: Int32Array): [number, number][] {
  const households = hub.outs.filter((x) => flow[x.arc]! > 0).map((x) => x.household);
  const pairs: [number, number][] = [];
  let k = 0;
  for (const x of hub.ins) for (let u = 0; u < flow[x.arc]!; u++) pairs.push([x.member, households[k++]!]);
  return pairs;
}
