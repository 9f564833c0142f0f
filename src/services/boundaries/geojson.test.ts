import { describe, expect, it } from 'vitest';
import { bareGeometry, geometryProblems, sizeOf, toGeometry } from './geojson.ts';

const ring = [
  [116, 30],
  [116.1, 30],
  [116.1, 30.1],
  [116, 30],
];

describe('boundary GeoJSON', () => {
  it('builds closed Polygons and MultiPolygons, marked generated', () => {
    const open = [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ] as const,
      ],
    ];
    expect(toGeometry(open as never, true)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      generated: true,
    });
    expect(toGeometry([...open, ...open] as never, false).type).toBe('MultiPolygon');
  });

  it('serves only type and coordinates', () => {
    expect(bareGeometry({ type: 'Polygon', coordinates: [ring], generated: true })).toEqual({
      type: 'Polygon',
      coordinates: [ring],
    });
    expect(bareGeometry({ type: 'Point', coordinates: [1, 2] })).toBeNull();
    expect(bareGeometry(null)).toBeNull();
  });

  it('finds open rings and coordinates out of range, with their paths', () => {
    expect(geometryProblems({ type: 'Polygon', coordinates: [ring] })).toEqual([]);
    const problems = geometryProblems({
      type: 'MultiPolygon',
      coordinates: [[ring], [ring.slice(0, 3)], [[[181, 30], ...ring.slice(1, 3), [181, 30]]]],
    });
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      'coordinates.1.0:ring_not_closed',
      'coordinates.2.0.0:coordinate_range',
      'coordinates.2.0.3:coordinate_range',
    ]);
  });

  it('counts rings and positions', () => {
    expect(sizeOf({ type: 'MultiPolygon', coordinates: [[ring, ring], [ring]] })).toEqual({ rings: 3, positions: 12 });
  });
});
