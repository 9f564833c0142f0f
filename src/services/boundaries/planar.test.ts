import { describe, expect, it } from 'vitest';
import { clipConvex, convexHull, expandedHull, insideRing, type Point, signedArea2 } from './planar.ts';

const square: Point[] = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
];

describe('plane geometry', () => {
  it('measures signed area: positive counter-clockwise', () => {
    expect(signedArea2(square)).toBe(8);
    expect(signedArea2([...square].reverse())).toBe(-8);
  });

  it('finds the convex hull counter-clockwise, dropping inner and collinear points', () => {
    const hull = convexHull([...square, [1, 1], [1, 0], [0.5, 1.5]]);
    expect(hull).toHaveLength(4);
    expect(signedArea2(hull)).toBe(8);
  });

  it('grows the hull by the margin on every side and stays convex', () => {
    const grown = expandedHull(square, 0.5);
    const area = signedArea2(grown) / 2;
    // square 4 + four 2×0.5 strips + four quarter circles of r 0.5 (a 16-gon is slightly smaller than a circle)
    expect(area).toBeGreaterThan(4 + 4 + 0.75);
    expect(area).toBeLessThan(4 + 4 + Math.PI * 0.25);
    expect(convexHull(grown)).toHaveLength(grown.length);
  });

  it('clips a polygon to a convex ring', () => {
    const shifted: Point[] = square.map(([x, y]) => [x + 1, y + 1]);
    const clipped = clipConvex(shifted, square);
    expect(signedArea2(clipped) / 2).toBeCloseTo(1);
    expect(
      clipConvex(
        square.map(([x, y]) => [x + 5, y] as Point),
        square,
      ),
    ).toEqual([]);
  });

  it('gives bit-identical crossing points whichever way a shared edge is listed', () => {
    const clip: Point[] = [
      [0, 0],
      [1, 0.3],
      [1, 1],
      [0, 1],
    ];
    const left: Point[] = [
      [0.1, -1],
      [0.37, 2],
      [0.1, 2],
    ];
    const right: Point[] = [
      [0.37, 2],
      [0.1, -1],
      [0.9, -1],
    ];
    const crossings = (ring: Point[]) => clipConvex(ring, clip).filter(([x]) => x > 0.1 && x < 0.37);
    expect(crossings(left).map(String).sort()).toEqual(crossings(right).map(String).sort());
  });

  it('tests points inside a ring', () => {
    expect(insideRing([1, 1], square)).toBe(true);
    expect(insideRing([3, 1], square)).toBe(false);
  });
});
