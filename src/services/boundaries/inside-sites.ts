/**
 * Moves sites into the convex polygon their Voronoi cells will be clipped to, and apart from each other, so
 * that every site gets a cell. A natural village can lie outside its village's cell (villages are the cells of
 * their natural villages' centroid, and neighbouring villages' natural villages interleave); its Voronoi cell
 * among its own village's sites then often misses the village cell entirely, and the village's map lost it
 * (145 of 2,522 natural villages on the demo). A site strictly inside the clip polygon always keeps the part of
 * its cell around itself.
 */
import { insideRing, type Point, type Ring } from './planar.ts';
import type { PlaneSite } from './voronoi-cells.ts';

/** How far inside an outlier is put: this share of the way from the anchor to where it leaves the polygon. */
const INSET = 0.9;
/** Step between sites that share a position, in plane units (degrees; ~1 m). */
const NUDGE = 1e-5;
const BISECTIONS = 40;

/** The point `t` of the way from `a` to `b`. */
const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** `p` if inside the convex `clip`, else a point on the segment anchor→p well inside (`anchor` must be inside). */
function pullInside(p: Point, anchor: Point, clip: Ring): Point {
  if (insideRing(p, clip)) return p;
  let inside = 0;
  let outside = 1;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (inside + outside) / 2;
    if (insideRing(lerp(anchor, p, mid), clip)) inside = mid;
    else outside = mid;
  }
  return lerp(anchor, p, inside * INSET);
}

/**
 * The sites, each moved inside the convex `clip` ring towards `anchor` (a point inside it) when outside; a site
 * at a position already taken moves on towards the anchor (from the anchor itself, towards the first vertex) in
 * small steps until its position is free. Sites inside and at distinct positions keep their position.
 */
export function sitesInside(sites: readonly PlaneSite[], anchor: Point, clip: Ring): PlaneSite[] {
  const taken = new Set<string>();
  const keyOf = (p: Point) => `${p[0]},${p[1]}`;
  return sites.map((site) => {
    const start = pullInside(site.point, anchor, clip);
    const toward = keyOf(start) === keyOf(anchor) ? (clip[0] as Point) : anchor;
    const distance = Math.hypot(toward[0] - start[0], toward[1] - start[1]);
    let point = start;
    // Both ends are inside a convex polygon, so every step stays inside.
    for (let step = 1; taken.has(keyOf(point)) && distance > 0; step++) {
      point = lerp(start, toward, Math.min(INSET, (NUDGE * step) / distance));
    }
    taken.add(keyOf(point));
    return { code: site.code, point };
  });
}
