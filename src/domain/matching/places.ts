/**
 * A component's places as small integers, so that scoring its (many) candidate pairs compares numbers rather
 * than strings: village, grid and natural village ids of members and households, the households of each
 * village, and every household's points per fit tag in one flat array.
 */
import { TAG_COUNT } from './fit.ts';
import type { ResolvedMatchOptions } from './options.ts';
import type { Component } from './prepare.ts';
import type { MatchPlace } from './types.ts';

/** Village, grid (−1: none) and natural village ids, by member or household index. */
export interface Codes {
  village: Int32Array;
  grid: Int32Array;
  nv: Int32Array;
}

export interface Places {
  member: Codes;
  household: Codes;
  /** Closeness points, ordered as in the options (natural village ≥ grid ≥ village ≥ township). */
  near: { naturalVillage: number; grid: number; village: number; township: number };
  /** Household j's points for tag t at [j * TAG_COUNT + t]. */
  points: Int32Array;
  householdIndex: ReadonlyMap<number, number>;
  /** Household indices of a village id, ascending. */
  villageHouseholds(village: number): Int32Array;
}

/** Interns the places of a component's members and households. */
export function placesOf(c: Component, o: ResolvedMatchOptions): Places {
  // Natural villages and grids are only compared within one village, so their codes need no village prefix.
  const [villages, grids, nvs] = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const id = (ids: Map<string, number>, s: string) => {
    if (!ids.has(s)) ids.set(s, ids.size);
    return ids.get(s)!;
  };
  const code = (places: MatchPlace[]): Codes => {
    const n = places.length;
    const out = { village: new Int32Array(n), grid: new Int32Array(n), nv: new Int32Array(n) };
    places.forEach((p, k) => {
      out.village[k] = id(villages, p.village);
      out.grid[k] = p.grid == null ? -1 : id(grids, p.grid);
      out.nv[k] = id(nvs, p.naturalVillage);
    });
    return out;
  };
  const m = code(c.members.map((x) => x.member.place));
  const h = code(c.households.map((x) => x.household.place));
  const points = new Int32Array(c.households.length * TAG_COUNT);
  c.households.forEach((x, j) => {
    points.set(x.fit.points, j * TAG_COUNT);
  });
  const byVillage = groupBy(h.village, villages.size);
  const none = new Int32Array(0);
  return {
    member: m,
    household: h,
    near: o.closeness,
    points,
    householdIndex: new Map(c.households.map((x, j) => [x.household.id, j])),
    villageHouseholds: (v) => byVillage[v] ?? none,
  };
}

/** Indices 0..keys.length-1 grouped by key (ascending within a group). */
function groupBy(keys: Int32Array, size: number): Int32Array[] {
  const count = new Int32Array(size);
  for (const k of keys) count[k]!++;
  const groups = Array.from(count, (n) => new Int32Array(n));
  count.fill(0);
  keys.forEach((k, j) => {
    groups[k]![count[k]!++] = j;
  });
  return groups;
}
