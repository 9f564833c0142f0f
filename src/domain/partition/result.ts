/**
 * Turns the chosen grids (lists of node indices) into the public result: grids with their natural villages,
 * pieces of split natural villages, members, leader candidates, then breaches and the score.
 */
import { type GridFacts, gridBreaches, type VillageFacts } from './breaches.ts';
import { gridComponents } from './components.ts';
import { addNode, emptyTally, gridTerms } from './cost.ts';
import type { PartitionNode } from './nodes.ts';
import type { ResolvedOptions } from './options.ts';
import type { Grid, GridPart, PartitionBreach, PartitionScore } from './types.ts';

/** What the partition was computed with, besides the grids themselves. */
export interface ResultContext {
  nodes: readonly PartitionNode[];
  neighbours: readonly (readonly number[])[];
  options: ResolvedOptions;
  leaderRule: boolean;
  method: PartitionScore['method'];
  /** Helping capacity of each member, to rank leader candidates. */
  capacityOf: ReadonlyMap<number, number>;
}

const byId = (a: number, b: number) => a - b;

function buildGrid(list: readonly number[], ctx: ResultContext): Grid {
  const nodes = list.map((i) => ctx.nodes[i]!);
  const cap = (id: number) => ctx.capacityOf.get(id) ?? 0;
  return {
    naturalVillages: [...new Set(nodes.map((n) => n.code))].sort(),
    members: nodes.flatMap((n) => n.memberIds).sort(byId),
    households: nodes.reduce((s, n) => s + n.households, 0),
    capacity: nodes.reduce((s, n) => s + n.capacity, 0),
    leaderCandidates: nodes.flatMap((n) => n.leaderIds).sort((a, b) => cap(b) - cap(a) || a - b),
  };
}

/** Pieces of split natural villages per grid, numbered 1…k in grid order (pieces sharing a grid merge). */
function attachParts(grids: Grid[], lists: readonly number[][], ctx: ResultContext): void {
  const holders = new Map<string, GridPart[]>();
  lists.forEach((list, g) => {
    const mine = new Map<string, GridPart>();
    for (const node of list.map((i) => ctx.nodes[i]!).filter((n) => n.pieces > 1)) {
      const part = mine.get(node.code) ?? { code: node.code, piece: 0, pieces: 0, members: [], households: 0 };
      part.members = [...part.members, ...node.memberIds].sort(byId);
      part.households += node.households;
      if (node.householdIds) part.householdIds = [...(part.householdIds ?? []), ...node.householdIds].sort(byId);
      mine.set(node.code, part);
    }
    if (mine.size === 0) return;
    grids[g]!.parts = [...mine.values()];
    for (const part of mine.values()) holders.set(part.code, [...(holders.get(part.code) ?? []), part]);
  });
  for (const parts of holders.values()) {
    parts.forEach((part, k) => {
      part.piece = k + 1;
      part.pieces = parts.length;
    });
  }
}

function gridFacts(list: readonly number[], grid: Grid, index: number, ctx: ResultContext): GridFacts {
  const pieces = gridComponents(list, ctx.neighbours).map((p) => [...new Set(p.map((i) => ctx.nodes[i]!.code))]);
  return {
    index,
    codes: grid.naturalVillages,
    members: grid.members.length,
    households: grid.households,
    capacity: grid.capacity,
    eligible: grid.leaderCandidates.length,
    pieces,
  };
}

function score(lists: readonly number[][], ctx: ResultContext): PartitionScore {
  const total = { boundViolation: 0, leaderless: 0, capacityShort: 0, imbalance: 0, spread: 0 };
  for (const list of lists) {
    const tally = emptyTally();
    for (const i of list) addNode(tally, ctx.nodes[i]!);
    const t = gridTerms(tally, gridComponents(list, ctx.neighbours).length, ctx.options, ctx.leaderRule);
    total.boundViolation += t.violation;
    total.leaderless += t.leaderless;
    total.capacityShort += t.short;
    total.imbalance += t.imbalance;
    total.spread += t.spread;
  }
  return { ...total, spread: Math.round(total.spread * 1e6) / 1e6, grids: lists.length, method: ctx.method };
}

/** The public result for grids given as node lists (already in canonical order). */
export function assembleResult(lists: readonly number[][], ctx: ResultContext) {
  const grids = lists.map((list) => buildGrid(list, ctx));
  attachParts(grids, lists, ctx);
  const village: VillageFacts = {
    members: grids.reduce((s, g) => s + g.members.length, 0),
    eligible: grids.reduce((s, g) => s + g.leaderCandidates.length, 0),
    grids: grids.length,
    minMembers: ctx.options.minMembers,
    maxMembers: ctx.options.maxMembers,
  };
  const breaches: PartitionBreach[] = grids.flatMap((grid, g) =>
    gridBreaches(gridFacts(lists[g]!, grid, g, ctx), village),
  );
  return { grids, breaches, score: score(lists, ctx) };
}
