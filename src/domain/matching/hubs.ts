/**
 * Pairs across villages of a township go through hubs: member → hub of each of their fit tags (and the "any"
 * hub) → household, worth the tag's points + same-township closeness. That is exactly the fit of a cross-village
 * pair (skill is the best single tag) and never more than the fit of any pair a hub path stands for (closeness
 * points are ordered), so the optimum is unchanged; flows through a hub are paired up member by member, and each
 * pair's real fit is scored afresh. A household some member must not have (an excluded pair) gets no hub arcs:
 * a hub cannot tell members apart, so that household's pairs are all direct (candidates.ts).
 */
import { TAG_COUNT } from './fit.ts';
import type { FlowBuilder } from './min-cost-flow.ts';
import type { Component } from './prepare.ts';

const ANY = TAG_COUNT;

/** Arcs of one side of a hub and the member or household at their other end. */
interface Side {
  arcs: number[];
  ends: number[];
}

export interface Hubs {
  /** Arcs member → hub, per hub (tags, then "any"). */
  ins: Side[];
  /** Arcs hub → household, per hub. */
  outs: Side[];
}

const side = (): Side => ({ arcs: [], ends: [] });
const add = (x: Side, arc: number, end: number) => {
  x.arcs.push(arc);
  x.ends.push(end);
};

/** Adds the hubs' arcs; hub t is node `firstNode + t`, member i node 2 + i, household j node `household(j)`. */
export function addHubs(
  g: FlowBuilder,
  c: Component,
  at: { firstNode: number; top: number; near: number; directOnly: Uint8Array; household: (j: number) => number },
): Hubs {
  const hubs: Hubs = {
    ins: Array.from({ length: ANY + 1 }, side),
    outs: Array.from({ length: ANY + 1 }, side),
  };
  c.members.forEach((m, i) => {
    for (const t of [...m.tags, ANY]) {
      add(hubs.ins[t]!, g.arc(2 + i, at.firstNode + t, m.capacity - m.used, 0), i);
    }
  });
  c.households.forEach((h, j) => {
    if (at.directOnly[j]) return;
    for (let t = 0; t <= ANY; t++) {
      const points = t === ANY ? 0 : h.fit.points[t]!;
      if (hubs.ins[t]!.arcs.length === 0 || (t !== ANY && points === 0)) continue;
      add(hubs.outs[t]!, g.arc(at.firstNode + t, at.household(j), 1, at.top - points - at.near), j);
    }
  });
  return hubs;
}

/** Splits the hubs' flow into member–household pairs (per hub, members in order, each unit to the next household). */
export function hubPairs(hubs: Hubs, flow: Int32Array): [number, number][] {
  const pairs: [number, number][] = [];
  for (let t = 0; t <= ANY; t++) {
    const [ins, outs] = [hubs.ins[t]!, hubs.outs[t]!];
    const households = outs.ends.filter((_, k) => flow[outs.arcs[k]!]! > 0);
    let next = 0;
    ins.arcs.forEach((arc, k) => {
      for (let u = 0; u < flow[arc]!; u++) pairs.push([ins.ends[k]!, households[next++]!]);
    });
  }
  return pairs;
}
