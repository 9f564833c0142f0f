/**
 * Plausible territories for a county known only by its natural villages' positions, top down so that every
 * level tiles the one above: villages are the Voronoi cells of their natural villages' centroid inside the county
 * outline (the convex hull of all positions grown by a margin); each natural village is a Voronoi cell of its
 * village's positions inside the village's cell (positions outside that cell moved inside: inside-sites.ts). Villages are convex and contiguous this way, even where the
 * natural villages of neighbouring villages interleave (a Voronoi of all natural villages made ragged, enclave-
 * ridden villages there). Townships are unions of their villages (generate-boundaries.ts).
 * Computed on a local equirectangular projection so cells are not stretched east–west at 30°N.
 */
import { sitesInside } from './inside-sites.ts';
import { expandedHull, type Point, type Ring } from './planar.ts';
import { type PlaneSite, voronoiCells } from './voronoi-cells.ts';

export interface Site {
  code: string;
  lng: number;
  lat: number;
}

export interface Territories {
  /** The county outline, longitude/latitude, counter-clockwise. */
  outline: Ring;
  /** Village (12-digit code) → cell; natural village (15-digit) → cell. Rounded to 1e-6° (~0.1 m). */
  villages: Map<string, Ring>;
  naturalVillages: Map<string, Ring>;
}

/** Outline margin as a share of the positions' extent: room around the outermost villages. */
const MARGIN_SHARE = 0.03;
/** Rounding keeps shared vertices bit-identical for dissolving and the stored GeoJSON short. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function groupByVillage(sites: readonly PlaneSite[]): Map<string, PlaneSite[]> {
  const groups = new Map<string, PlaneSite[]>();
  for (const site of sites) {
    const list = groups.get(site.code.slice(0, 12)) ?? [];
    list.push(site);
    groups.set(site.code.slice(0, 12), list);
  }
  return groups;
}

const centroid = (list: readonly PlaneSite[]): Point => [
  list.reduce((sum, s) => sum + s.point[0], 0) / list.length,
  list.reduce((sum, s) => sum + s.point[1], 0) / list.length,
];

/** Village and natural-village cells of the given natural villages (15-digit codes). */
export function territories(naturalVillages: readonly Site[]): Territories {
  const lat0 = naturalVillages.reduce((sum, s) => sum + s.lat, 0) / Math.max(1, naturalVillages.length);
  const k = Math.cos((lat0 * Math.PI) / 180);
  const unproject = (ring: Ring): Ring => ring.map(([x, y]) => [round6(x / k), round6(y)] as const);
  const sites = naturalVillages.map((s) => ({ code: s.code, point: [s.lng * k, s.lat] as const }));
  const xs = sites.map((s) => s.point[0]);
  const ys = sites.map((s) => s.point[1]);
  const extent = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const outline = expandedHull(
    sites.map((s) => s.point),
    Math.max(0.005, MARGIN_SHARE * extent),
  );
  const byVillage = groupByVillage(sites);
  // Centroids are inside the outline; two villages at one centroid would lose one cell without moving apart.
  const centroids = [...byVillage].map(([code, list]) => ({ code, point: centroid(list) }));
  const villageSites = sitesInside(centroids, centroid(sites), outline);
  const villageCells = voronoiCells(villageSites, outline);
  const result: Territories = { outline: unproject(outline), villages: new Map(), naturalVillages: new Map() };
  const centres = new Map(villageSites.map((s) => [s.code, s.point]));
  for (const [code, cell] of villageCells) {
    result.villages.set(code, unproject(cell));
    // A natural village outside its village's cell would get no cell of its own: move it inside first.
    const own = sitesInside(byVillage.get(code) ?? [], centres.get(code) as Point, cell);
    for (const [nv, ring] of voronoiCells(own, cell)) result.naturalVillages.set(nv, unproject(ring));
  }
  return result;
}
