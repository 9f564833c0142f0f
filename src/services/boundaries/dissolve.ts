/**
 * Union of adjacent cells by dissolving shared edges. Neighbouring Voronoi cells list each shared edge with the
 * same two (snapped) vertices in opposite directions, so an edge whose reverse is also present is interior and
 * cancels; what remains are the outlines, which are chained back into rings. Counter-clockwise rings are outer
 * boundaries, clockwise ones holes (another unit enclosed). Far cheaper and exact for this input compared with a
 * general polygon-clipping library, which the project does not carry.
 */
import { insideRing, type Point, type Ring, signedArea2 } from './planar.ts';

/** A polygon: outer ring first, then its holes. */
export type PolygonRings = Ring[];

const keyOf = (p: Point) => `${p[0]},${p[1]}`;

interface Edge {
  from: Point;
  to: Point;
  used: boolean;
}

/** Directed edges left after cancelling every edge against its reverse. */
function boundaryEdges(rings: readonly Ring[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const from = ring[i] as Point;
      const to = ring[(i + 1) % ring.length] as Point;
      const key = `${keyOf(from)}>${keyOf(to)}`;
      const reverse = `${keyOf(to)}>${keyOf(from)}`;
      if (keyOf(from) === keyOf(to)) continue;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(key, { from, to, used: false });
    }
  }
  return [...edges.values()];
}

/** Left-turn angle from direction a→b to b→c, in (-π, π]. */
function turn(a: Point, b: Point, c: Point): number {
  const ux = b[0] - a[0];
  const uy = b[1] - a[1];
  const vx = c[0] - b[0];
  const vy = c[1] - b[1];
  return Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
}

/**
 * Chains edges into closed rings. Where two rings touch at one vertex, the sharpest left turn is taken, which
 * keeps the interior on the left and so separates the rings instead of making a figure eight.
 */
function chainRings(edges: Edge[]): Ring[] {
  const outgoing = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = outgoing.get(keyOf(e.from)) ?? [];
    list.push(e);
    outgoing.set(keyOf(e.from), list);
  }
  const rings: Ring[] = [];
  for (const start of edges) {
    if (start.used) continue;
    const ring: Ring = [];
    let edge: Edge | undefined = start;
    while (edge && !edge.used) {
      edge.used = true;
      ring.push(edge.from);
      const current: Edge = edge;
      const next = (outgoing.get(keyOf(current.to)) ?? []).filter((e) => !e.used);
      edge = next.sort((a, b) => turn(current.from, current.to, b.to) - turn(current.from, current.to, a.to))[0];
    }
    if (ring.length >= 3) rings.push(ring);
  }
  return rings;
}

/** Dissolves the cells into polygons with holes (one per connected piece). */
export function dissolve(cells: readonly Ring[]): PolygonRings[] {
  const rings = chainRings(boundaryEdges(cells));
  const outers = rings.filter((r) => signedArea2(r) > 0).sort((a, b) => signedArea2(a) - signedArea2(b));
  const polygons = new Map<Ring, PolygonRings>(outers.map((r) => [r, [r]]));
  for (const hole of rings.filter((r) => signedArea2(r) < 0)) {
    // The smallest outer ring around the hole owns it (outers are sorted smallest first).
    const owner = outers.find((outer) => insideRing(hole[0] as Point, outer));
    if (owner) polygons.get(owner)?.push(hole);
  }
  return [...polygons.values()].reverse();
}
