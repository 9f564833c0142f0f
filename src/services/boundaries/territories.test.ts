import { describe, expect, it } from 'vitest';
import { type Ring, signedArea2 } from './planar.ts';
import { type Site, territories } from './territories.ts';

const area = (ring: Ring) => signedArea2(ring) / 2;
const sum = (rings: Iterable<Ring>) => [...rings].reduce((s, r) => s + area(r), 0);

/** Three villages of 1, 2 and 5 natural villages around 30°N, 117°E, deterministic positions. */
function sites(): Site[] {
  const villages = [
    ['340822100200', 1, 117.0, 30.5],
    ['340822100201', 2, 117.05, 30.52],
    ['340822101200', 5, 117.02, 30.45],
  ] as const;
  return villages.flatMap(([code, n, lng, lat]) =>
    Array.from({ length: n }, (_, i) => ({
      code: `${code}${String(i + 1).padStart(3, '0')}`,
      lng: lng + 0.006 * Math.cos(i * 2.4),
      lat: lat + 0.006 * Math.sin(i * 2.4),
    })),
  );
}

describe('territories', () => {
  it('tile the outline with villages and each village with its natural villages', () => {
    const t = territories(sites());
    expect([...t.villages.keys()].sort()).toEqual(['340822100200', '340822100201', '340822101200']);
    expect(t.naturalVillages.size).toBe(8);
    const tolerance = 1e-4 * area(t.outline); // rounding to 1e-6° moves vertices a little
    expect(Math.abs(sum(t.villages.values()) - area(t.outline))).toBeLessThan(tolerance);
    for (const [village, ring] of t.villages) {
      const own = [...t.naturalVillages].filter(([code]) => code.startsWith(village)).map(([, r]) => r);
      expect(Math.abs(sum(own) - area(ring))).toBeLessThan(tolerance);
    }
  });

  it('puts the outline around every position, counter-clockwise', () => {
    const t = territories(sites());
    expect(area(t.outline)).toBeGreaterThan(0);
    for (const ring of t.naturalVillages.values()) expect(area(ring)).toBeGreaterThan(0);
  });

  it('rounds coordinates to 1e-6 degrees', () => {
    for (const ring of territories(sites()).villages.values()) {
      for (const [x, y] of ring) {
        expect(Math.round(x * 1e6) / 1e6).toBe(x);
        expect(Math.round(y * 1e6) / 1e6).toBe(y);
      }
    }
  });

  it('give a cell to natural villages inside a neighbour village and to ones sharing a position', () => {
    const all = sites();
    const [first, second] = all.filter((s) => s.code.startsWith('340822101200'));
    // One of the 5-village's natural villages sits right beside the 1-village, another on its first's spot.
    const moved = all.map((s) =>
      s.code === '340822101200005'
        ? { ...s, lng: 117.0005, lat: 30.5005 }
        : s.code === second?.code
          ? { ...s, lng: first?.lng ?? 0, lat: first?.lat ?? 0 }
          : s,
    );
    const t = territories(moved);
    expect([...t.naturalVillages.keys()].sort()).toEqual(all.map((s) => s.code).sort());
    for (const ring of t.naturalVillages.values()) expect(area(ring)).toBeGreaterThan(0);
  });
});
