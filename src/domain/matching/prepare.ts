/**
 * Turns the raw input into what the solver needs: members with free capacity and their fit tags, households
 * without any helper compiled for scoring, both in id order (so the result does not depend on input order),
 * and the independent components (a township, or with reach 'village' a village joined to the villages its
 * members wish to help in).
 */
import { compileHousehold, type HouseholdFit, memberTags } from './fit.ts';
import type { ResolvedMatchOptions } from './options.ts';
import type { MatchHousehold, MatchInput, MatchMember, MatchPairing } from './types.ts';

export interface PreparedMember {
  member: MatchMember;
  capacity: number;
  /** Capacity already used by existing pairings. */
  used: number;
  tags: number[];
  wishes: ReadonlySet<number>;
  /** Households never to suggest to this member (a reviewer rejected the pair). */
  excluded: ReadonlySet<number>;
}

export interface PreparedHousehold {
  household: MatchHousehold;
  fit: HouseholdFit;
}

export interface Component {
  members: PreparedMember[];
  households: PreparedHousehold[];
}

export interface Prepared {
  members: PreparedMember[];
  needing: PreparedHousehold[];
  kept: MatchPairing[];
  components: Component[];
}

/** First occurrence of each id wins; then ascending id. */
function uniqueById<T extends { id: number }>(items: readonly T[]): T[] {
  const seen = new Map<number, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()].sort((a, b) => a.id - b.id);
}

const clampCapacity = (c: number) => (Number.isFinite(c) ? Math.max(0, Math.min(2, Math.floor(c))) : 0);

export function prepare(input: MatchInput, o: ResolvedMatchOptions): Prepared {
  const kept = [...(input.pairings ?? [])]
    .map((p) => ({ memberId: p.memberId, householdId: p.householdId }))
    .sort((a, b) => a.householdId - b.householdId || a.memberId - b.memberId);
  const heldBy = new Map<number, number>();
  const helped = new Set<number>();
  for (const p of kept) {
    heldBy.set(p.memberId, (heldBy.get(p.memberId) ?? 0) + 1);
    helped.add(p.householdId);
  }
  const excluded = excludedByMember(input.excluded ?? []);
  const members = uniqueById(input.members).map((member) => ({
    member,
    capacity: clampCapacity(member.capacity),
    used: Math.max(member.load ?? 0, heldBy.get(member.id) ?? 0),
    tags: memberTags(member),
    wishes: member.wishes?.length ? new Set(member.wishes) : NONE,
    excluded: excluded.get(member.id) ?? NONE,
  }));
  const needing = uniqueById(input.households)
    .filter((h) => (h.helpers ?? 0) <= 0 && !helped.has(h.id))
    .map((household) => ({ household, fit: compileHousehold(household, o) }));
  return { members, needing, kept, components: components(members, needing, o) };
}

const NONE: ReadonlySet<number> = new Set();

/** Excluded household ids of each member. */
function excludedByMember(pairs: readonly MatchPairing[]): Map<number, Set<number>> {
  const byMember = new Map<number, Set<number>>();
  for (const { memberId, householdId } of pairs) {
    if (!byMember.has(memberId)) byMember.set(memberId, new Set());
    byMember.get(memberId)!.add(householdId);
  }
  return byMember;
}

/** Members with free capacity and needing households, split into independent sub-problems. */
function components(members: PreparedMember[], needing: PreparedHousehold[], o: ResolvedMatchOptions): Component[] {
  const free = members.filter((m) => m.capacity > m.used);
  const key = (p: { township: string; village: string }) =>
    o.reach === 'township' ? p.township : `${p.township}/${p.village}`;
  const root = unionFind();
  if (o.reach === 'village') {
    const placeOf = new Map(needing.map((h) => [h.household.id, h.household.place]));
    for (const m of free) {
      for (const id of m.wishes) {
        const place = placeOf.get(id);
        if (place && place.township === m.member.place.township) root.union(key(m.member.place), key(place));
      }
    }
  }
  const byKey = new Map<string, Component>();
  const at = (k: string) => {
    const r = root.find(k);
    if (!byKey.has(r)) byKey.set(r, { members: [], households: [] });
    return byKey.get(r)!;
  };
  for (const h of needing) at(key(h.household.place)).households.push(h);
  for (const m of free) {
    const r = root.find(key(m.member.place));
    if (byKey.has(r)) byKey.get(r)!.members.push(m);
  }
  return [...byKey.values()].filter((c) => c.members.length > 0);
}

function unionFind() {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    if (r !== k) parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(hi, lo);
  };
  return { find, union };
}
