/**
 * A component's places as small integers, so that scoring its (many) candidate pairs compares numbers rather
 * than strings: village, grid and natural village ids of members and households, the households of each
 * village, and every household's points per fit tag in one flat array.
 */
import { TAG_COUNT } from './fit.ts';
import type { ResolvedMatchOptions } from './options.ts';
import type { Component } from './prepare.ts';
import type { MatchPlace } from './types.ts';

export interface Places {
  memberVillage: Int32Array;
  householdVillage: Int32Array;
  /** Household j's points for tag t at [j * TAG_COUNT + t]. */
  points: Int32Array;
  householdIndex: ReadonlyMap<number, number>;
  /** Household indices of a village id, ascending. */
  villageHouseholds(village: number): Int32Array;
  /** Closeness points of member i and household j (same township by construction). */
  closeness(i: number, j: number): number;
}

interface Codes {
  village: Int32Array;
  grid: Int32Array;
  nv: Int32Array;
}

/** Interns the places of a component's members and households. */
export function placesOf(c: Component, o: ResolvedMatchOptions): Places {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    if (!ids.has(s)) ids.set(s, ids.size);
    return ids.get(s)!;
  };
  const code = (places: MatchPlace[]): Codes => {
    const out = {
      village: new Int32Array(places.length),
      grid: new Int32Array(places.length),
      nv: new Int32Array(places.length),
    };
    places.forEach((p, k) => {
      out.village[k] = id(`v${p.village}`);
      out.grid[k] = p.grid == null ? -1 : id(`g${p.village}/${p.grid}`);
      out.nv[k] = id(`n${p.village}/${p.naturalVillage}`);
    });
    return out;
  };
  const m = code(c.members.map((x) => x.member.place));
  const h = code(c.households.map((x) => x.household.place));
  const points = new Int32Array(c.households.length * TAG_COUNT);
  c.households.forEach((x, j) => {
    points.set(x.fit.points, j * TAG_COUNT);
  });
  const byVillage = groupBy(h.village, ids.size);
  const none = new Int32Array(0);
  const { naturalVillage, grid, village, township } = o.closeness;
  return {
    memberVillage: m.village,
    householdVillage: h.village,
    points,
    householdIndex: new Map(c.households.map((x, j) => [x.household.id, j])),
    villageHouseholds: (v) => byVillage[v] ?? none,
    closeness: (i, j) => {
      if (m.village[i] !== h.village[j]) return township;
      if (m.nv[i] === h.nv[j]) return naturalVillage;
      return m.grid[i]! >= 0 && m.grid[i] === h.grid[j] ? grid : village;
    },
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
