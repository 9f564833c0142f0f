import { describe, expect, it } from 'vitest';
import { dissolve } from './dissolve.ts';
import { type Point, type Ring, signedArea2 } from './planar.ts';

/** Unit square with its lower-left corner at (x, y), counter-clockwise. */
const cell = (x: number, y: number): Ring => [
  [x, y],
  [x + 1, y],
  [x + 1, y + 1],
  [x, y + 1],
];
const area = (rings: Ring[]) => rings.reduce((sum, r) => sum + signedArea2(r) / 2, 0);

describe('dissolve', () => {
  it('merges adjacent cells into one outline', () => {
    const polygons = dissolve([cell(0, 0), cell(1, 0), cell(0, 1), cell(1, 1)]);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
    expect(area(polygons[0] as Ring[])).toBe(4);
  });

  it('keeps an enclosed gap as a clockwise hole of the polygon around it', () => {
    const ring = [0, 1, 2].flatMap((x) => [0, 1, 2].map((y) => [x, y] as const)).filter(([x, y]) => x !== 1 || y !== 1);
    const polygons = dissolve(ring.map(([x, y]) => cell(x, y)));
    expect(polygons).toHaveLength(1);
    const [outer, hole] = polygons[0] as Ring[];
    expect(signedArea2(outer as Ring) / 2).toBe(9);
    expect(signedArea2(hole as Ring) / 2).toBe(-1);
  });

  it('returns separate polygons for pieces apart, largest first', () => {
    const polygons = dissolve([cell(0, 0), cell(5, 0), cell(6, 0)]);
    expect(polygons.map((p) => area(p))).toEqual([2, 1]);
  });

  it('separates cells touching at one corner instead of tracing a figure eight', () => {
    const polygons = dissolve([cell(0, 0), cell(1, 1)]);
    expect(polygons).toHaveLength(2);
    for (const p of polygons) expect(p[0]).toHaveLength(4);
  });

  it('ignores zero-length edges from rounding', () => {
    const withRepeat: Ring = [[0, 0], [1, 0], [1, 0] as Point, [1, 1], [0, 1]];
    expect(area(dissolve([withRepeat, cell(1, 0)])[0] as Ring[])).toBe(2);
  });
});
