/**
 * Small plane-geometry toolkit for generated boundaries: rings are arrays of [x, y] without the closing point,
 * counter-clockwise for outer rings. Pure functions, no dependencies.
 */
export type Point = readonly [number, number];
export type Ring = Point[];

/** Twice the signed area: positive for counter-clockwise rings. */
export function signedArea2(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as Point;
    const [x1, y1] = ring[(i + 1) % ring.length] as Point;
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull (Andrew's monotone chain), counter-clockwise, collinear points dropped. */
export function convexHull(points: readonly Point[]): Ring {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const half = (list: readonly Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2] as Point, out[out.length - 1] as Point, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/**
 * The convex hull grown by `margin` on every side: the hull of small circles (16-gons) around its corners. Still
 * convex, which clipConvex needs.
 */
export function expandedHull(points: readonly Point[], margin: number): Ring {
  const around = convexHull(points).flatMap(([x, y]) =>
    Array.from({ length: 16 }, (_, k): Point => {
      const angle = (k * Math.PI) / 8;
      return [x + margin * Math.cos(angle), y + margin * Math.sin(angle)];
    }),
  );
  return convexHull(around);
}

/**
 * Where segment a–b crosses the line through c–d. The segment's ends are put in a fixed order first, so the two
 * cells sharing an edge (which list it in opposite directions) get bit-identical crossing points.
 */
function crossing(a: Point, b: Point, c: Point, d: Point): Point {
  const [p, q] = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? [a, b] : [b, a];
  const t = cross(c, d, p) / (cross(c, d, p) - cross(c, d, q));
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/** Sutherland–Hodgman: the part of `subject` inside the convex counter-clockwise `clip` ring. */
export function clipConvex(subject: readonly Point[], clip: readonly Point[]): Ring {
  let output: Ring = [...subject];
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const c = clip[i] as Point;
    const d = clip[(i + 1) % clip.length] as Point;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const current = input[j] as Point;
      const previous = input[(j + input.length - 1) % input.length] as Point;
      const inCurrent = cross(c, d, current) >= 0;
      const inPrevious = cross(c, d, previous) >= 0;
      if (inCurrent) {
        if (!inPrevious) output.push(crossing(previous, current, c, d));
        output.push(current);
      } else if (inPrevious) {
        output.push(crossing(previous, current, c, d));
      }
    }
  }
  return output;
}

/** Even-odd test: is `p` inside `ring`? */
export function insideRing(p: Point, ring: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
