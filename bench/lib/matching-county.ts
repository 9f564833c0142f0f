/**
 * The synthetic county of bench/matching.ts: deterministic (mulberry32), TOWNSHIPS × VILLAGES villages of
 * uneven size, members with capacity 0–2 and a few wishes, households with causes and needs, and some pairs
 * a reviewer rejected.
 */
import type { MatchHousehold, MatchInput, MatchMember, MatchPairing } from '../../src/domain/matching/index.ts';

const TOWNSHIPS = 20;
const VILLAGES = 12;

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const some = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: int(max + 1) }, () => pick(xs)))];
  return { next, int, pick, some };
}

const EXPERTISE = ['planting', 'breeding', 'medical', 'teaching', 'construction', 'machinery', 'ecommerce'];
const EXPERTISE_MORE = ['accounting', 'law', 'transport', 'processing', 'tourism', 'business', 'handicraft'];
const WILLINGNESS = ['industry', 'employment', 'education', 'health', 'housing', 'finance', 'policy', 'care'];
const CAUSES = ['illness', 'illness', 'illness', 'disability', 'schooling', 'skills', 'labour', 'capital', 'disaster'];
const NEEDS = ['capital', 'employment', 'schooling', 'medical', 'housing', 'skills', 'marketing', 'care'];

/** EXCLUDED pairs a reviewer rejected: a member and a household of the same village (the likely suggestions). */
function rejections(
  r: ReturnType<typeof rng>,
  members: MatchMember[],
  households: MatchHousehold[],
  EXCLUDED: number,
): MatchPairing[] {
  const byVillage = new Map<string, MatchMember[]>();
  for (const m of members) {
    if (!byVillage.has(m.place.village)) byVillage.set(m.place.village, []);
    byVillage.get(m.place.village)!.push(m);
  }
  return Array.from({ length: EXCLUDED }, () => {
    const h = r.pick(households);
    const m = r.pick(byVillage.get(h.place.village) ?? members);
    return { memberId: m.id, householdId: h.id };
  });
}

/** A county of TOWNSHIPS × VILLAGES villages, 4–8 natural villages each, two natural villages per grid. */
export function county(
  { MEMBERS, HOUSEHOLDS, EXCLUDED }: { MEMBERS: number; HOUSEHOLDS: number; EXCLUDED: number },
  seed = 20171,
): MatchInput {
  const r = rng(seed);
  const places = Array.from({ length: TOWNSHIPS * VILLAGES }, (_, v) => {
    const township = `340822${String(100 + Math.floor(v / VILLAGES)).padStart(3, '0')}`;
    const village = `${township}${String(200 + (v % VILLAGES)).padStart(3, '0')}`;
    const nvs = 4 + r.int(5);
    // uneven villages: some have few members, so some households are left short
    return { township, village, nvs, weight: 0.4 + r.next() * 1.2 };
  });
  const total = places.reduce((s, p) => s + p.weight, 0);
  const placeIn = (p: (typeof places)[number]) => {
    const nv = r.int(p.nvs);
    return {
      township: p.township,
      village: p.village,
      grid: `${p.village}-${Math.floor(nv / 2)}`,
      naturalVillage: `${p.village}${String(nv + 1).padStart(3, '0')}`,
    };
  };
  const byWeight = () => {
    let x = r.next() * total;
    for (const p of places) {
      x -= p.weight;
      if (x <= 0) return p;
    }
    return places.at(-1)!;
  };
  const households: MatchHousehold[] = Array.from({ length: HOUSEHOLDS }, (_, i) => {
    const mainCause = r.pick(CAUSES);
    return {
      id: 1 + i,
      place: placeIn(places[i % places.length]!),
      mainCause,
      otherCauses: r.some(CAUSES, 2).filter((c) => c !== mainCause),
      needs: r.some(NEEDS, 2),
    };
  });
  const members: MatchMember[] = Array.from({ length: MEMBERS }, (_, i) => {
    const p = byWeight();
    const x = r.next();
    const wish = r.next() < 0.05 ? [households[r.int(households.length)]!.id] : [];
    return {
      id: 1 + i,
      capacity: x < 0.45 ? 2 : x < 0.85 ? 1 : 0,
      load: 0,
      expertise: [...r.some(EXPERTISE, 1), ...r.some(EXPERTISE_MORE, 1)],
      willingness: r.some(WILLINGNESS, 2),
      place: placeIn(p),
      wishes: wish,
    };
  });
  return { members, households, excluded: rejections(r, members, households, EXCLUDED) };
}
