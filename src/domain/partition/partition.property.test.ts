import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveAdjacency,
  type NaturalVillageInput,
  type PartitionMember,
  type PartitionResult,
  partitionVillage,
} from './index.ts';

type Pair = [string, string];

interface Case {
  naturalVillages: NaturalVillageInput[];
  adjacency: Pair[] | undefined;
  minMembers: number;
  maxMembers: number;
}

const BOUND_CODES = new Set(['too_few_members', 'too_many_members', 'not_contiguous']);

const member = fc.record({
  eligibleToLead: fc.boolean(),
  capacity: fc.constantFrom(0 as const, 1 as const, 2 as const),
});
const coord = (lo: number) => fc.option(fc.double({ min: lo, max: lo + 0.02, noNaN: true }), { nil: null, freq: 6 });
const household = fc.record(
  { lat: fc.double({ min: 30, max: 30.02, noNaN: true }), lng: fc.double({ min: 116, max: 116.02, noNaN: true }) },
  { requiredKeys: [] },
);

/** A natural village without codes or ids yet: position (sometimes unknown), members, households. */
const naturalVillage = (maxMembers: number) =>
  fc.record({
    lat: coord(30),
    lng: coord(116),
    members: fc.array(member, { maxLength: maxMembers }),
    households: fc.oneof(fc.nat(25), fc.array(household, { maxLength: 25 })),
  });

interface Draft {
  lat: number | null;
  lng: number | null;
  members: Omit<PartitionMember, 'id'>[];
  households: number | { lat?: number; lng?: number }[];
}

/** Gives codes and unique ids; edges become code pairs (none: the partition derives adjacency). */
function toCase(nvs: Draft[], edges: [number, number][] | null, minMembers: number, maxMembers: number): Case {
  let memberId = 100;
  let householdId = 5000;
  const naturalVillages = nvs.map((v, i) => ({
    code: `3408220012${String(i + 1).padStart(2, '0')}`,
    lat: v.lat,
    lng: v.lng,
    members: v.members.map((m) => ({ ...m, id: memberId++ })),
    households: Array.isArray(v.households) ? v.households.map((h) => ({ ...h, id: householdId++ })) : v.households,
  }));
  const code = (k: number) => naturalVillages[k % naturalVillages.length]!.code;
  const adjacency = edges?.map(([a, b]): Pair => [code(a), code(b)]).filter(([a, b]) => a !== b);
  return { naturalVillages, adjacency, minMembers, maxMembers };
}

/** Random small villages: 2–8 natural villages with up to memberCap(max) members each, bounds, adjacency. */
function caseArb(memberCap: (max: number) => number) {
  return fc
    .record({ minMembers: fc.integer({ min: 1, max: 4 }), spread: fc.integer({ min: 2, max: 10 }) })
    .chain(({ minMembers, spread }) =>
      fc.record({
        minMembers: fc.constant(minMembers),
        maxMembers: fc.constant(minMembers + spread),
        nvs: fc.array(naturalVillage(memberCap(minMembers + spread)), { minLength: 2, maxLength: 8 }),
        edges: fc.option(fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 16 }), { freq: 2 }),
      }),
    )
    .map(({ minMembers, maxMembers, nvs, edges }) => toCase(nvs, edges, minMembers, maxMembers));
}

const run = (c: Case, extra: { exactLimit?: number } = {}) =>
  partitionVillage(
    { naturalVillages: c.naturalVillages, ...(c.adjacency ? { adjacency: c.adjacency } : {}) },
    { minMembers: c.minMembers, maxMembers: c.maxMembers, targetMembers: c.maxMembers - 1, ...extra },
  );

const householdCount = (nv: NaturalVillageInput) =>
  Array.isArray(nv.households) ? nv.households.length : nv.households;

/** Property 1: natural villages whole in one grid or split consistently; every member in exactly one grid. */
function expectCoverage(c: Case, r: PartitionResult): void {
  const seenMembers = r.grids.flatMap((g) => g.members);
  const allMembers = c.naturalVillages.flatMap((nv) => nv.members.map((m) => m.id));
  expect([...seenMembers].sort((a, b) => a - b)).toEqual([...allMembers].sort((a, b) => a - b));
  for (const nv of c.naturalVillages) {
    const holders = r.grids.filter((g) => g.naturalVillages.includes(nv.code));
    const parts = holders.flatMap((g) => (g.parts ?? []).filter((p) => p.code === nv.code));
    if (nv.members.length <= c.maxMembers) {
      expect(holders).toHaveLength(1);
      expect(parts).toHaveLength(0);
      for (const m of nv.members) expect(holders[0]!.members).toContain(m.id);
      continue;
    }
    expect(parts).toHaveLength(holders.length); // a split village: every holder says which piece it holds
    expect(parts.map((p) => p.piece)).toEqual(parts.map((_, k) => k + 1));
    expect(parts.every((p) => p.pieces === parts.length)).toBe(true);
    expect(parts.flatMap((p) => p.members).sort((a, b) => a - b)).toEqual(
      nv.members.map((m) => m.id).sort((a, b) => a - b),
    );
    expect(parts.reduce((s, p) => s + p.households, 0)).toBe(householdCount(nv));
  }
  const households = c.naturalVillages.reduce((s, nv) => s + householdCount(nv), 0);
  expect(r.grids.reduce((s, g) => s + g.households, 0)).toBe(households);
  for (const g of r.grids) {
    const eligible = c.naturalVillages
      .flatMap((nv) => nv.members)
      .filter((m) => m.eligibleToLead && g.members.includes(m.id));
    expect([...g.leaderCandidates].sort((a, b) => a - b)).toEqual(eligible.map((m) => m.id).sort((a, b) => a - b));
  }
}

/** Is the block connected in the neighbour sets? */
function isConnected(block: readonly number[], near: readonly Set<number>[]): boolean {
  const seen = new Set([block[0]!]);
  const queue = [block[0]!];
  while (queue.length > 0) {
    for (const w of near[queue.pop()!]!) {
      if (block.includes(w) && !seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return seen.size === block.length;
}

/** Exhaustive search over all set partitions of the natural villages: is there one with connected blocks in bounds? */
function soundPartitionExists(c: Case, adjacency: readonly Pair[]): boolean {
  const n = c.naturalVillages.length;
  const index = new Map(c.naturalVillages.map((nv, i) => [nv.code, i]));
  const near = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of adjacency) {
    near[index.get(a)!]!.add(index.get(b)!);
    near[index.get(b)!]!.add(index.get(a)!);
  }
  const sound = (block: number[]) => {
    const m = block.reduce((s, i) => s + c.naturalVillages[i]!.members.length, 0);
    return m >= c.minMembers && m <= c.maxMembers && isConnected(block, near);
  };
  const blocks: number[][] = [];
  // Natural village i joins each existing block or opens a new one: every set partition exactly once.
  const place = (i: number): boolean => {
    if (i === n) return blocks.every(sound);
    for (const block of [...blocks, null]) {
      if (block) block.push(i);
      else blocks.push([i]);
      const found = place(i + 1);
      if (block) block.pop();
      else blocks.pop();
      if (found) return true;
    }
    return false;
  };
  return place(0);
}

/** A deterministic shuffle from a seed (no Math.random in tests either: failures must replay). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shuffled(c: Case, seed: number): Case {
  const naturalVillages = shuffle(c.naturalVillages, seed).map((nv, k) => ({
    ...nv,
    members: shuffle(nv.members, seed + k),
    households: Array.isArray(nv.households) ? shuffle(nv.households, seed - k) : nv.households,
  }));
  const adjacency = c.adjacency && shuffle(c.adjacency, seed).map(([a, b], k): Pair => (k % 2 ? [b, a] : [a, b]));
  return { ...c, naturalVillages, adjacency };
}

const anyCase = caseArb((max) => max + 8); // some natural villages exceed the maximum and get split
const wholeCase = caseArb((max) => max); // none needs splitting: the exhaustive search sees the same units

describe('partitionVillage properties', () => {
  for (const exactLimit of [undefined, 0]) {
    const label = exactLimit === 0 ? 'local search' : 'exact search';
    it(`covers every natural village and member exactly once (${label})`, () => {
      fc.assert(
        fc.property(anyCase, (c) => expectCoverage(c, run(c, { exactLimit }))),
        { numRuns: 150 },
      );
    });

    it(`is deterministic and ignores input order (${label})`, () => {
      fc.assert(
        fc.property(anyCase, fc.integer(), (c, seed) => {
          const first = run(c, { exactLimit });
          expect(run(c, { exactLimit })).toEqual(first);
          expect(run(shuffled(c, seed), { exactLimit })).toEqual(first);
        }),
        { numRuns: 100 },
      );
    });
  }

  it('meets the member bounds and contiguity whenever some partition does, and names breaches when none does', () => {
    fc.assert(
      fc.property(wholeCase, (c) => {
        const r = run(c);
        const adjacency = c.adjacency ?? deriveAdjacency(c.naturalVillages);
        const breaches = r.breaches.filter((b) => BOUND_CODES.has(b.code));
        if (soundPartitionExists(c, adjacency)) {
          expect(breaches).toEqual([]);
          expect(r.score.boundViolation).toBe(0);
        } else {
          expect(breaches.length).toBeGreaterThan(0);
          expect(r.score.boundViolation).toBeGreaterThan(0);
        }
        for (const b of r.breaches) {
          expect(b.message.zh.length).toBeGreaterThan(0);
          expect(b.message.en.length).toBeGreaterThan(0);
          if (b.grid !== undefined) expect(r.grids[b.grid]).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
