/**
 * Voronoi cells (the land closer to a site than to any other) clipped to a convex polygon, in plane
 * coordinates. Cells of one call share their edges exactly (same Delaunay triangulation, same circumcentres),
 * which is what dissolve.ts relies on.
 */
import { Delaunay } from 'd3-delaunay';
import { clipConvex, type Point, type Ring, signedArea2 } from './planar.ts';

export interface PlaneSite {
  code: string;
  point: Point;
}

/**
 * The cell of each site inside the convex counter-clockwise `clip` ring, counter-clockwise. Sites at an already
 * used position, and sites whose cell misses the clip polygon, get none. One site gets the whole polygon.
 */
export function voronoiCells(sites: readonly PlaneSite[], clip: Ring): Map<string, Ring> {
  const seen = new Set<string>();
  const unique = sites.filter((s) => {
    const key = `${s.point[0]},${s.point[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const cells = new Map<string, Ring>();
  if (unique.length === 1) cells.set((unique[0] as PlaneSite).code, [...clip]);
  if (unique.length < 2) return cells;
  const xs = [...clip.map((p) => p[0]), ...unique.map((s) => s.point[0])];
  const ys = [...clip.map((p) => p[1]), ...unique.map((s) => s.point[1])];
  const pad = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  // The Voronoi bounds only need to contain the clip polygon; the polygon does the real clipping.
  const bounds = [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad] as const;
  const voronoi = Delaunay.from(unique.map((s) => [s.point[0], s.point[1]] as [number, number])).voronoi([...bounds]);
  unique.forEach((site, i) => {
    const polygon = voronoi.cellPolygon(i) as Point[] | null;
    if (!polygon) return;
    const open = polygon.slice(0, -1); // d3 closes the ring; ours are open
    const ring = clipConvex(signedArea2(open) < 0 ? open.reverse() : open, clip);
    if (ring.length >= 3) cells.set(site.code, ring);
  });
  return cells;
}
