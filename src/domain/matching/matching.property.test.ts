import fc from 'fast-check';
import highsModule, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CauseCode } from '../codes.ts';
import { EXPERTISE_FIT, type NeedCode, WILLINGNESS_FIT } from './fit-table.ts';
import { type MatchHousehold, type MatchInput, type MatchMember, type MatchOptions, matchHelpers } from './index.ts';
import { solveComponent } from './network.ts';
import { resolveMatchOptions } from './options.ts';
import { prepare } from './prepare.ts';

// highs is CommonJS with an ESM build: at run time the default import is the loader; its types say otherwise.
const loadHighs = highsModule as unknown as typeof highsModule.default;

/**
 * Oracles, written apart from the solver: pair fit straight from the fit table, then the best (coverage, fit)
 * by exhaustive search and by HiGHS on the assignment LP (integral: a bipartite transportation polytope).
 */
type Resolved = ReturnType<typeof resolveMatchOptions>;

function naiveFit(m: MatchMember, h: MatchHousehold, o: Resolved): number | null {
  const [a, b] = [m.place, h.place];
  if (a.township !== b.township) return null;
  const wished = (m.wishes ?? []).includes(h.id);
  if (a.village !== b.village && o.reach === 'village' && !wished) return null;
  const closeness =
    a.village !== b.village
      ? o.closeness.township
      : a.naturalVillage === b.naturalVillage
        ? o.closeness.naturalVillage
        : a.grid != null && a.grid === b.grid
          ? o.closeness.grid
          : o.closeness.village;
  let skill = 0;
  const tables = [
    ...m.expertise.map((e) => EXPERTISE_FIT[e as keyof typeof EXPERTISE_FIT]),
    ...m.willingness.map((w) => WILLINGNESS_FIT[w as keyof typeof WILLINGNESS_FIT]),
  ];
  for (const t of tables) {
    if (!t) continue;
    const causes = [h.mainCause, ...(h.otherCauses ?? [])];
    causes.forEach((c, k) => {
      const p = t.cause?.[c as CauseCode];
      if (p !== undefined) skill = Math.max(skill, p + (k === 0 ? o.mainCauseBonus : 0));
    });
    for (const n of h.needs ?? []) skill = Math.max(skill, t.need?.[n as NeedCode] ?? 0);
  }
  return skill + closeness + (wished ? o.wishBonus : 0);
}

interface Problem {
  free: Map<number, number>;
  needing: MatchHousehold[];
  edges: { m: number; h: number; fit: number }[];
}

function problemOf(input: MatchInput, o: Resolved): Problem {
  const pairs = input.pairings ?? [];
  const excluded = new Set((input.excluded ?? []).map((e) => `${e.memberId}/${e.householdId}`));
  const helped = new Set(pairs.map((p) => p.householdId));
  const free = new Map<number, number>();
  for (const m of input.members) {
    const held = pairs.filter((p) => p.memberId === m.id).length;
    free.set(m.id, Math.max(0, m.capacity - Math.max(m.load ?? 0, held)));
  }
  const needing = input.households.filter((h) => (h.helpers ?? 0) === 0 && !helped.has(h.id));
  const edges = needing.flatMap((h) =>
    input.members.flatMap((m) => {
      const fit = naiveFit(m, h, o);
      if (excluded.has(`${m.id}/${h.id}`)) return [];
      return fit !== null && free.get(m.id)! > 0 ? [{ m: m.id, h: h.id, fit }] : [];
    }),
  );
  return { free, needing, edges };
}

/** Best [covered, fit] by trying every helper (or none) for every household. */
function exhaustive(p: Problem): [number, number] {
  const left = new Map(p.free);
  let best: [number, number] = [0, 0];
  const go = (k: number, covered: number, fit: number) => {
    if (covered > best[0] || (covered === best[0] && fit > best[1])) best = [covered, fit];
    if (k === p.needing.length) return;
    go(k + 1, covered, fit);
    for (const e of p.edges) {
      if (e.h !== p.needing[k]!.id || left.get(e.m)! === 0) continue;
      left.set(e.m, left.get(e.m)! - 1);
      go(k + 1, covered + 1, fit + e.fit);
      left.set(e.m, left.get(e.m)! + 1);
    }
  };
  go(0, 0, 0);
  return best;
}

/** Best [covered, fit] from HiGHS: maximise Σ (K + fit)·x with K above any total fit. */
function viaHighs(highs: Highs, p: Problem): [number, number] {
  if (p.edges.length === 0) return [0, 0];
  const K = 1 + p.edges.reduce((s, e) => s + e.fit, 0);
  const x = (e: { m: number; h: number }) => `x_${e.m}_${e.h}`;
  const rows: string[] = [];
  for (const [id, cap] of p.free) {
    const mine = p.edges.filter((e) => e.m === id);
    if (mine.length > 0) rows.push(` m${id}: ${mine.map(x).join(' + ')} <= ${cap}`);
  }
  for (const h of p.needing) {
    const mine = p.edges.filter((e) => e.h === h.id);
    if (mine.length > 0) rows.push(` h${h.id}: ${mine.map(x).join(' + ')} <= 1`);
  }
  const lp = [
    'Maximize',
    ` obj: ${p.edges.map((e) => `${K + e.fit} ${x(e)}`).join(' + ')}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...p.edges.map((e) => ` 0 <= ${x(e)} <= 1`),
    'End',
  ].join('\n');
  const r = highs.solve(lp, { output_flag: false });
  expect(r.Status).toBe('Optimal');
  const value = Math.round(r.ObjectiveValue);
  for (const col of Object.values(r.Columns)) expect(Math.abs(col.Primal - Math.round(col.Primal))).toBeLessThan(1e-6);
  return [Math.floor(value / K), value % K];
}

// ---- random small counties: 2 townships × 2 villages × 2 natural villages, a few members and households ----
const TOWNSHIPS = ['340822100', '340822101'];
const placeArb = fc
  .record({ t: fc.nat(1), v: fc.nat(1), nv: fc.nat(1), grid: fc.boolean() })
  .map(({ t, v, nv, grid }) => {
    const village = `${TOWNSHIPS[t]}20${v}`;
    return {
      township: TOWNSHIPS[t]!,
      village,
      naturalVillage: `${village}00${nv}`,
      grid: grid ? `${village}-g` : null,
    };
  });
const EXPERTISE = ['medical', 'teaching', 'planting', 'construction', 'employment', 'policy', 'nonsense'];
const WILLINGNESS = ['health', 'education', 'industry', 'care', 'counselling'];
const CAUSES = ['illness', 'schooling', 'skills', 'disaster', 'labour', 'drive', 'capital'];
const NEEDS = ['medical', 'schooling', 'skills', 'housing', 'employment', 'care'];

const memberArb = fc.record({
  capacity: fc.integer({ min: 0, max: 2 }),
  load: fc.integer({ min: 0, max: 2 }),
  expertise: fc.subarray(EXPERTISE, { maxLength: 2 }),
  willingness: fc.subarray(WILLINGNESS, { maxLength: 2 }),
  place: placeArb,
  wishes: fc.array(fc.nat(7), { maxLength: 2 }),
});
const householdArb = fc.record({
  place: placeArb,
  mainCause: fc.constantFrom(...CAUSES),
  otherCauses: fc.subarray(CAUSES, { maxLength: 2 }),
  needs: fc.subarray(NEEDS, { maxLength: 2 }),
  helpers: fc.constantFrom(0, 0, 0, 0, 1),
});
const optionsArb: fc.Arbitrary<MatchOptions> = fc.record(
  {
    reach: fc.constantFrom('township' as const, 'village' as const),
    closeness: fc.record({
      naturalVillage: fc.nat(6),
      grid: fc.nat(5),
      village: fc.nat(4),
      township: fc.nat(3),
    }),
    wishBonus: fc.nat(6),
    mainCauseBonus: fc.nat(3),
  },
  { requiredKeys: [] },
);

const inputArb: fc.Arbitrary<MatchInput> = fc
  .record({
    members: fc.array(memberArb, { maxLength: 5 }),
    households: fc.array(householdArb, { maxLength: 7 }),
    pairs: fc.array(fc.tuple(fc.nat(4), fc.nat(6)), { maxLength: 2 }),
    excluded: fc.array(fc.tuple(fc.nat(4), fc.nat(6)), { maxLength: 4 }),
  })
  .map(({ members, households, pairs, excluded }) => ({
    members: members.map((m, i) => ({
      ...m,
      id: 10 + i,
      load: Math.min(m.load, 1),
      wishes: m.wishes.map((k) => 100 + k),
    })),
    households: households.map((h, j) => ({
      ...h,
      otherCauses: h.otherCauses.filter((c) => c !== h.mainCause),
      id: 100 + j,
    })),
    pairings: pairs
      .filter(([i, j]) => i < members.length && j < households.length)
      .map(([i, j]) => ({ memberId: 10 + i, householdId: 100 + j })),
    excluded: excluded.map(([i, j]) => ({ memberId: 10 + i, householdId: 100 + j })),
  }));

/** Everyone in one village (the natural village and grid vary), so a member has up to 30 candidate households. */
const oneVillage = (p: { naturalVillage: string; grid: string | null }) => {
  const village = `${TOWNSHIPS[0]}200`;
  return { township: TOWNSHIPS[0]!, village, naturalVillage: `${village}${p.naturalVillage.slice(-3)}`, grid: p.grid };
};

/** Three villages of one township (the natural village and grid vary), for cross-village pairs via the hubs. */
const threeVillages = (p: { naturalVillage: string; grid: string | null }, v: number) => {
  const village = `${TOWNSHIPS[0]}20${v}`;
  return { township: TOWNSHIPS[0]!, village, naturalVillage: `${village}${p.naturalVillage.slice(-3)}`, grid: p.grid };
};

/** Larger instances (up to 40 members, 30 households, a dozen excluded pairs): the solver starts from a few
 * candidates per member and household and prices the rest in, so this checks that pricing against HiGHS on the
 * full pair LP. `villages` 1: everyone in one village; 3: a township of three, with the hubs. */
const largeInputArb = (villages: 1 | 3): fc.Arbitrary<MatchInput> =>
  fc
    .record({
      members: fc.array(fc.tuple(memberArb, fc.nat(villages - 1)), { minLength: 10, maxLength: 40 }),
      households: fc.array(fc.tuple(householdArb, fc.nat(villages - 1)), { minLength: 10, maxLength: 30 }),
      excluded: fc.array(fc.tuple(fc.nat(39), fc.nat(29)), { maxLength: 12 }),
    })
    .map(({ members, households, excluded }) => ({
      members: members.map(([m, v], i) => ({
        ...m,
        id: 10 + i,
        place: villages === 1 ? oneVillage(m.place) : threeVillages(m.place, v),
        wishes: m.wishes.map((k) => 1000 + k),
      })),
      households: households.map(([h, v], j) => ({
        ...h,
        id: 1000 + j,
        place: villages === 1 ? oneVillage(h.place) : threeVillages(h.place, v),
        otherCauses: h.otherCauses.filter((c) => c !== h.mainCause),
      })),
      pairings: [],
      excluded: excluded.map(([i, j]) => ({ memberId: 10 + i, householdId: 1000 + j })),
    }));

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('matchHelpers is optimal (properties)', () => {
  it('reaches the exhaustive and the HiGHS optimum (coverage, then fit): gap 0', () => {
    fc.assert(
      fc.property(inputArb, optionsArb, (input, options) => {
        const o = resolveMatchOptions(options);
        const problem = problemOf(input, o);
        const r = matchHelpers(input, options);
        const ours: [number, number] = [r.summary.householdsCovered, r.summary.totalFit];
        expect(ours).toEqual(exhaustive(problem));
        expect(ours).toEqual(viaHighs(highs, problem));
      }),
      { numRuns: 300 },
    );
  });

  it.each([1, 3] as const)('reaches the HiGHS optimum on larger instances too (%i villages): gap 0', (villages) => {
    fc.assert(
      fc.property(largeInputArb(villages), optionsArb, (input, options) => {
        const o = resolveMatchOptions(options);
        const r = matchHelpers(input, options);
        expect([r.summary.householdsCovered, r.summary.totalFit]).toEqual(viaHighs(highs, problemOf(input, o)));
      }),
      { numRuns: 60 },
    );
  });

  it.each([1, 3] as const)(
    'prices in every pair that can improve the start (one candidate each, %i villages): gap 0',
    (villages) => {
      fc.assert(
        fc.property(largeInputArb(villages), optionsArb, (input, options) => {
          const o = resolveMatchOptions(options);
          const p = prepare(input, o);
          const pairs = p.components.flatMap((c) => solveComponent(c, o, 1));
          const fit = pairs.reduce((sum, a) => {
            const m = input.members.find((x) => x.id === a.member.member.id)!;
            return sum + naiveFit(m, a.household.household, o)!;
          }, 0);
          expect([pairs.length, fit]).toEqual(viaHighs(highs, problemOf(input, o)));
        }),
        { numRuns: 60 },
      );
    },
  );

  it('suggests only valid pairs, scored as the fit table says, within capacity', () => {
    fc.assert(
      fc.property(inputArb, optionsArb, (input, options) => {
        const o = resolveMatchOptions(options);
        const problem = problemOf(input, o);
        const r = matchHelpers(input, options);
        const byId = new Map(input.members.map((m) => [m.id, m]));
        const hById = new Map(input.households.map((h) => [h.id, h]));
        const excluded = new Set(input.excluded!.map((e) => `${e.memberId}/${e.householdId}`));
        const count = new Map<number, number>();
        for (const s of r.suggestions) {
          expect(excluded.has(`${s.memberId}/${s.householdId}`)).toBe(false);
          expect(problem.needing.map((h) => h.id)).toContain(s.householdId);
          expect(s.fit).toBe(naiveFit(byId.get(s.memberId)!, hById.get(s.householdId)!, o));
          expect(s.fit).toBe(s.parts.skill + s.parts.closeness + s.parts.wish);
          expect(s.reasons.length).toBeGreaterThan(0);
          count.set(s.memberId, (count.get(s.memberId) ?? 0) + 1);
        }
        expect(new Set(r.suggestions.map((s) => s.householdId)).size).toBe(r.suggestions.length);
        for (const [id, n] of count) expect(n).toBeLessThanOrEqual(problem.free.get(id)!);
        const short = r.shortfall.flatMap((v) => v.households);
        expect(short.length + r.suggestions.length).toBe(problem.needing.length);
        expect(r.kept).toHaveLength(input.pairings!.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever the order of the input', () => {
    fc.assert(
      fc.property(inputArb, optionsArb, fc.nat(), (input, options, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
        const shuffled = {
          members: shuffle(input.members),
          households: shuffle(input.households),
          pairings: shuffle(input.pairings ?? []),
          excluded: shuffle(input.excluded ?? []),
        };
        expect(matchHelpers(shuffled, options)).toEqual(matchHelpers(input, options));
      }),
      { numRuns: 200 },
    );
  });
});
