/**
 * Which natural villages border each other. Given pairs win; otherwise the Delaunay triangulation of their
 * positions says so: two hamlets are neighbours when no third lies between them, which is what
 * "territory contiguous, homes adjacent" means on a map without boundaries. A natural village without a
 * position borders every other one, since nothing shows that it does not.
 */
import { Delaunay } from 'd3-delaunay';
import { type NormalVillage, normalizeVillage } from './normalize.ts';
import type { Adjacency, NaturalVillageInput } from './types.ts';

type Pos = { x: number | null; y: number | null };

function link(sets: Set<number>[], a: number, b: number): void {
  if (a === b) return;
  sets[a]?.add(b);
  sets[b]?.add(a);
}

/** Neighbour sets from positions (index-based). */
export function adjacencyFromPositions(points: readonly Pos[]): Set<number>[] {
  const sets = points.map(() => new Set<number>());
  const unplaced: number[] = [];
  const groups = new Map<string, number[]>(); // d3-delaunay drops coincident points, so group them first
  points.forEach((p, i) => {
    if (p.x === null || p.y === null) unplaced.push(i);
    else groups.set(`${p.x},${p.y}`, [...(groups.get(`${p.x},${p.y}`) ?? []), i]);
  });
  const sites = [...groups.values()];
  for (const g of sites) for (const a of g) for (const b of g) link(sets, a, b);
  const coords = sites.map((g) => [points[g[0]!]!.x!, points[g[0]!]!.y!] as [number, number]);
  const siteLinks: [number, number][] = [];
  if (sites.length === 2) siteLinks.push([0, 1]);
  if (sites.length > 2) {
    const delaunay = Delaunay.from(coords);
    for (let s = 0; s < sites.length; s++) for (const t of delaunay.neighbors(s)) if (s < t) siteLinks.push([s, t]);
  }
  for (const [s, t] of siteLinks) for (const a of sites[s]!) for (const b of sites[t]!) link(sets, a, b);
  for (const u of unplaced) for (let i = 0; i < points.length; i++) link(sets, u, i);
  return sets;
}

/** Neighbour sets of canonical natural villages; given pairs with unknown codes are returned, not used. */
export function villageAdjacency(
  villages: readonly NormalVillage[],
  given: Adjacency | undefined,
): { sets: Set<number>[]; unknown: string[] } {
  if (!given) return { sets: adjacencyFromPositions(villages), unknown: [] };
  const index = new Map(villages.map((v, i) => [v.code, i]));
  const sets = villages.map(() => new Set<number>());
  const unknown = new Set<string>();
  for (const [a, b] of given) {
    const [i, j] = [index.get(a), index.get(b)];
    if (i === undefined) unknown.add(a);
    if (j === undefined) unknown.add(b);
    if (i !== undefined && j !== undefined) link(sets, i, j);
  }
  return { sets, unknown: [...unknown].sort() };
}

/**
 * The adjacency the partition derives when none is given: pairs of codes, each pair and the list sorted.
 * Exported so callers can show it on a map or store it as the starting point for local corrections.
 */
export function deriveAdjacency(naturalVillages: readonly NaturalVillageInput[]): [string, string][] {
  const { villages } = normalizeVillage(naturalVillages);
  const pairs: [string, string][] = [];
  adjacencyFromPositions(villages).forEach((set, i) => {
    for (const j of [...set].sort((a, b) => a - b)) if (i < j) pairs.push([villages[i]!.code, villages[j]!.code]);
  });
  return pairs;
}

/**
 * Neighbours of nodes: pieces of one natural village border each other and everything their natural village
 * borders. Lists are ascending so that every search visits them in the same order.
 */
export function nodeNeighbours(villageSets: readonly Set<number>[], nodesOf: readonly number[][]): number[][] {
  const count = nodesOf.reduce((s, list) => s + list.length, 0);
  const sets = Array.from({ length: count }, () => new Set<number>());
  villageSets.forEach((set, i) => {
    const mine = nodesOf[i] ?? [];
    for (const a of mine) for (const b of mine) link(sets, a, b);
    for (const j of set) for (const a of mine) for (const b of nodesOf[j] ?? []) link(sets, a, b);
  });
  return sets.map((s) => [...s].sort((a, b) => a - b));
}
