/**
 * The direct candidate pairs of a component with their fit, and the first few of them worth giving to the
 * solver: each member's and each household's best few. The rest join only when the solution's potentials say
 * they could improve it (see network.ts). Direct pairs are those inside a village, wished ones, and — when
 * cross-village pairs go through the hubs — every allowed pair of a household that some member may not be
 * paired with (an excluded pair), because a hub cannot tell members apart.
 */
import { TAG_COUNT } from './fit.ts';
import type { ResolvedMatchOptions } from './options.ts';
import { type Places, placesOf } from './places.ts';
import type { Component } from './prepare.ts';

/** Pairs given to the solver at first, per member and per household (8 needed the least work on the bench). */
export const FIRST_CANDIDATES = 8;

/** Candidate k is member[k] ↔ household[k] with fit[k]; `chosen[k]` says whether the solver has it. */
export interface Candidates {
  member: Int32Array;
  household: Int32Array;
  fit: Int32Array;
  chosen: Uint8Array;
  size: number;
  /** Households reached by direct pairs only (never through a hub). */
  directOnly: Uint8Array;
}

/** Every direct candidate pair, members in order; then the best `first` of each member and household chosen. */
export function directCandidates(
  c: Component,
  o: ResolvedMatchOptions,
  useHubs: boolean,
  first = FIRST_CANDIDATES,
): Candidates {
  const p = placesOf(c, o);
  const directOnly = useHubs ? excludedHouseholds(c, p) : new Uint8Array(c.households.length);
  const directOnlyJs = c.households.flatMap((_, j) => (directOnly[j] ? [j] : []));
  const extras = c.members.map((_, i) => extraHouseholds(c, p, i, directOnlyJs));
  let room = 0;
  c.members.forEach((_, i) => {
    room += p.villageHouseholds(p.member.village[i]!).length + extras[i]!.length;
  });
  const out: Candidates = {
    member: new Int32Array(room),
    household: new Int32Array(room),
    fit: new Int32Array(room),
    chosen: new Uint8Array(room),
    size: 0,
    directOnly,
  };
  c.members.forEach((_, i) => {
    addPairs(out, c, p, o, i, p.villageHouseholds(p.member.village[i]!));
    addPairs(out, c, p, o, i, extras[i]!);
  });
  chooseBest(out, out.member, c.members.length, first);
  chooseBest(out, out.household, c.households.length, first);
  return out;
}

/** Households some member of the component must not be paired with. */
function excludedHouseholds(c: Component, p: Places): Uint8Array {
  const marked = new Uint8Array(c.households.length);
  for (const m of c.members) {
    for (const id of m.excluded) if (p.householdIndex.has(id)) marked[p.householdIndex.get(id)!] = 1;
  }
  return marked;
}

/** Direct households of member i outside their village: wished ones and direct-only ones, ascending. */
function extraHouseholds(c: Component, p: Places, i: number, directOnly: readonly number[]): readonly number[] {
  const m = c.members[i]!;
  if (m.wishes.size === 0 && directOnly.length === 0) return [];
  const own = p.member.village[i]!;
  const js = new Set<number>();
  for (const id of m.wishes) {
    const j = p.householdIndex.get(id);
    if (j !== undefined && p.household.village[j] !== own) js.add(j);
  }
  for (const j of directOnly) if (p.household.village[j] !== own) js.add(j);
  return js.size === 0 ? [] : [...js].sort((a, b) => a - b);
}

/** Appends member i's allowed pairs with the households js, scored: skill + closeness + wish. */
function addPairs(
  out: Candidates,
  c: Component,
  p: Places,
  o: ResolvedMatchOptions,
  i: number,
  js: ArrayLike<number>,
): void {
  const m = c.members[i]!;
  const { tags } = m;
  const byId = m.excluded.size > 0 || m.wishes.size > 0; // most members have neither: skip the id look-ups
  const { points, near, household: hc } = p;
  const [village, nv, grid] = [p.member.village[i]!, p.member.nv[i]!, p.member.grid[i]!];
  for (let x = 0; x < js.length; x++) {
    const j = js[x]!;
    let wish = 0;
    if (byId) {
      const id = c.households[j]!.household.id;
      if (m.excluded.has(id)) continue;
      if (m.wishes.has(id)) wish = o.wishBonus;
    }
    let skill = 0;
    for (let q = 0, base = j * TAG_COUNT; q < tags.length; q++) skill = Math.max(skill, points[base + tags[q]!]!);
    const closeness =
      hc.village[j] !== village
        ? near.township
        : hc.nv[j] === nv
          ? near.naturalVillage
          : grid >= 0 && hc.grid[j] === grid
            ? near.grid
            : near.village;
    const k = out.size++;
    out.member[k] = i;
    out.household[k] = j;
    out.fit[k] = skill + closeness + wish;
  }
}

/** Marks the `first` best-fitting candidates of every owner (member or household); ties go to the earlier pair. */
function chooseBest(cands: Candidates, owner: Int32Array, owners: number, first: number): void {
  const bestFit = new Int32Array(owners * first);
  const bestK = new Int32Array(owners * first);
  const kept = new Int32Array(owners);
  for (let k = 0; k < cands.size; k++) {
    const w = owner[k]!;
    const fit = cands.fit[k]!;
    const base = w * first;
    let r = kept[w]!;
    if (r === first && bestFit[base + r - 1]! >= fit) continue;
    if (r < first) kept[w] = r + 1;
    else r--; // the last one drops out
    for (; r > 0 && bestFit[base + r - 1]! < fit; r--) {
      bestFit[base + r] = bestFit[base + r - 1]!;
      bestK[base + r] = bestK[base + r - 1]!;
    }
    bestFit[base + r] = fit;
    bestK[base + r] = k;
  }
  for (let w = 0; w < owners; w++) for (let r = 0; r < kept[w]!; r++) cands.chosen[bestK[w * first + r]!] = 1;
}
