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
});
