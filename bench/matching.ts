/**
 * Helper matching for a whole county (issue #6 items 1 and 8): a deterministic synthetic county in memory
 * (BENCH_MEMBERS 21,000 members, BENCH_HOUSEHOLDS 16,000 households without a helper, 20 townships × 12
 * villages, BENCH_EXCLUDED 200 pairs a reviewer rejected), solved by matchHelpers and by HiGHS on the same
 * instance. Prints JSON lines, each with the load average (/proc/loadavg, 1 min) when it was taken:
 * - `matching_county_<reach>`: ours, wall p50/p95 and CPU p50 of BENCH_RUNS runs after a warm-up;
 * - `matching_memory_<reach>`: the matching step's heap growth (heap used after one run − before it, no GC in
 *   between: everything it allocated and still held) and resident memory (peak, and growth over the run);
 * - `matching_highs_<reach>_by_component`: HiGHS on every component separately (a township; with reach
 *   'village' a village and the villages its members wish into), solve time summed (LP text built beforehand);
 *   `ratio` = ours / HiGHS (wall p50 / wall sum), `speedup` = HiGHS / ours;
 * - `matching_highs_township_one_lp`: the county's townships as one LP (BENCH_ONE_LP=0 skips it).
 * Objective gap: each component's objective is lexicographic (households covered, then total fit). Ours is
 * read per component from the suggestions (covered = suggestions in it, fit = their fit summed); HiGHS's
 * from each component's LP value Σ (K + fit)·x as covered = ⌊value / K⌋ and fit = value mod K, K above any
 * total fit. `gap_*` are HiGHS − ours summed over components and `components_with_gap` counts any difference:
 * all must be 0. The one LP compares the county totals the same way (components are independent, so the
 * county optimum is the sum of theirs).
 * LPs: reach 'township' uses the same network as ours (village pairs and wished pairs direct, cross-village
 * pairs through the fit-tag hubs, households with an excluded pair direct only; the unit tests check that
 * network against the plain pair LP and exhaustive search); reach 'village' the plain pair LP.
 * `node bin/run-ts.js bench/matching.ts`
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import highsModule from 'highs';
import { closenessLevel } from '../src/domain/matching/fit.ts';
import {
  type MatchHousehold,
  type MatchInput,
  type MatchMember,
  type MatchPairing,
  type MatchResult,
  matchHelpers,
} from '../src/domain/matching/index.ts';
import { type ResolvedMatchOptions, resolveMatchOptions } from '../src/domain/matching/options.ts';
import { type Component, prepare } from '../src/domain/matching/prepare.ts';

// highs is CommonJS with an ESM build: at run time the default import is the loader; its types say otherwise.
const loadHighs = highsModule as unknown as typeof highsModule.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 21_000);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 16_000);
const EXCLUDED = Number(process.env.BENCH_EXCLUDED ?? 200);
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const ONE_LP = process.env.BENCH_ONE_LP !== '0';
const TOWNSHIPS = 20;
const VILLAGES = 12;
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const load = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

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
function rejections(r: ReturnType<typeof rng>, members: MatchMember[], households: MatchHousehold[]): MatchPairing[] {
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
function county(seed = 20171): MatchInput {
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
  return { members, households, excluded: rejections(r, members, households) };
}

/** Our solver: wall p50/p95 and CPU p50 of RUNS timed runs after a warm-up. */
function timeOurs(input: MatchInput, reach: 'township' | 'village') {
  matchHelpers(input, { reach });
  const [wall, cpu] = [[] as number[], [] as number[]];
  let result = matchHelpers(input, { reach });
  const loads: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const [t, c] = [performance.now(), process.cpuUsage()];
    result = matchHelpers(input, { reach });
    wall.push(performance.now() - t);
    cpu.push(cpuMs(c));
    loads.push(load());
  }
  const at = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  return { result, p50: at(wall, 0.5), p95: at(wall, 0.95), cpu50: at(cpu, 0.5), load: Math.max(...loads) };
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Memory of one matching step: heap growth without a GC in between, and resident memory (peak and growth). */
function memoryOf(input: MatchInput, reach: 'township' | 'village') {
  gc();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  matchHelpers(input, { reach });
  const after = process.memoryUsage();
  return {
    heap_delta_mb: mb(after.heapUsed - before.heapUsed),
    rss_mb: mb(after.rss),
    rss_growth_mb: mb(after.rss - before.rss),
    peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
    peak_rss_growth_mb: mb(Math.max(0, process.resourceUsage().maxRSS * 1024 - peakBefore)),
  };
}

/** One component's LP columns (name, fit) and rows; the objective weight K is set when the text is written. */
interface LpPart {
  columns: { col: string; fit: number }[];
  rows: string[];
  maxFit: number;
}

/** Fit of a pair, or null when it may not be suggested (another township, excluded, or across villages). */
function pairFit(c: Component, i: number, j: number, o: ResolvedMatchOptions, direct: boolean): number | null {
  const [m, h] = [c.members[i]!, c.households[j]!];
  const level = closenessLevel(m.member.place, h.household.place);
  const wished = m.wishes.has(h.household.id);
  if (level === null || m.excluded.has(h.household.id)) return null;
  if (level === 'township' && !wished && !direct) return null;
  let skill = 0;
  for (const t of m.tags) skill = Math.max(skill, h.fit.points[t]!);
  return skill + o.closeness[level] + (wished ? o.wishBonus : 0);
}

/** The LP of one component (row and column names start with `p`). See the file comment. */
function componentLp(c: Component, o: ResolvedMatchOptions, p: string): LpPart {
  const hubs = o.reach === 'township' && new Set(c.members.map((m) => m.member.place.village)).size > 1;
  const directOnly = new Set(hubs ? c.members.flatMap((m) => [...m.excluded]) : []);
  const memberRows = c.members.map(() => [] as string[]);
  const householdRows = c.households.map(() => [] as string[]);
  const columns: LpPart['columns'] = [];
  c.households.forEach((h, j) => {
    c.members.forEach((_, i) => {
      const fit = pairFit(c, i, j, o, directOnly.has(h.household.id));
      if (fit === null) return;
      const col = `${p}x${i}_${j}`;
      columns.push({ col, fit });
      memberRows[i]!.push(col);
      householdRows[j]!.push(col);
    });
  });
  const hubRows = hubs ? hubColumns(c, o, p, { columns, memberRows, householdRows, directOnly }) : [];
  const rows: string[] = [];
  memberRows.forEach((cols, i) => {
    if (cols.length > 0) rows.push(` ${p}m${i}: ${cols.join(' + ')} <= ${c.members[i]!.capacity - c.members[i]!.used}`);
  });
  householdRows.forEach((cols, j) => {
    if (cols.length > 0) rows.push(` ${p}h${j}: ${cols.join(' + ')} <= 1`);
  });
  return { columns, rows: [...rows, ...hubRows], maxFit: Math.max(0, ...columns.map((x) => x.fit)) };
}

/** Member → tag hub → household columns (cross-village pairs); returns the hubs' balance rows. */
function hubColumns(
  c: Component,
  o: ResolvedMatchOptions,
  p: string,
  lp: { columns: LpPart['columns']; memberRows: string[][]; householdRows: string[][]; directOnly: Set<number> },
): string[] {
  const [hubIn, hubOut] = [new Map<number, string[]>(), new Map<number, string[]>()];
  const name = (tag: number) => (tag < 0 ? 'n' : String(tag));
  c.members.forEach((m, i) => {
    for (const tag of [...m.tags, -1]) {
      const col = `${p}a${i}_${name(tag)}`;
      lp.memberRows[i]!.push(col);
      if (!hubIn.has(tag)) hubIn.set(tag, []);
      hubIn.get(tag)!.push(col);
    }
  });
  c.households.forEach((h, j) => {
    if (lp.directOnly.has(h.household.id)) return;
    for (const tag of hubIn.keys()) {
      const points = tag < 0 ? 0 : h.fit.points[tag]!;
      if (tag >= 0 && points === 0) continue;
      const col = `${p}b${name(tag)}_${j}`;
      lp.columns.push({ col, fit: points + o.closeness.township });
      lp.householdRows[j]!.push(col);
      if (!hubOut.has(tag)) hubOut.set(tag, []);
      hubOut.get(tag)!.push(col);
    }
  });
  return [...hubIn].map(([tag, ins]) => {
    const outs = (hubOut.get(tag) ?? []).map((x) => ` - ${x}`).join('');
    return ` ${p}g${name(tag)}: ${ins.join(' + ')}${outs} = 0`;
  });
}

/** LP text maximising Σ (K + fit)·x over the parts; K exceeds any total fit, so coverage comes first. */
function lpText(parts: LpPart[]): { text: string; K: number } {
  const households = parts.reduce((s, x) => s + x.rows.length, 0);
  const K = 1 + Math.max(0, ...parts.map((x) => x.maxFit)) * households + 1000;
  const obj = parts.flatMap((x) => x.columns.map((col) => `${K + col.fit} ${col.col}`));
  const text = [
    'Maximize',
    ` obj: ${obj.join(' + ') || '0 x0_0'}`,
    'Subject To',
    ...parts.flatMap((x) => x.rows),
    'End',
  ];
  return { text: text.join('\n'), K };
}

/**
 * Solves the LP of some parts; returns wall and CPU time (text built beforehand) and (covered, fit) read from
 * the optimal value as ⌊value / K⌋ and value mod K, checked against the primal solution (Σ x, Σ fit·x).
 */
function solveLp(highs: Highs, parts: LpPart[]) {
  const lp = lpText(parts);
  const [t, c] = [performance.now(), process.cpuUsage()];
  const r = highs.solve(lp.text, { output_flag: false, time_limit: 300 });
  const [ms, cpu] = [performance.now() - t, cpuMs(c)];
  if (r.Status !== 'Optimal') throw new Error(`HiGHS: ${r.Status}`);
  const value = Math.round(r.ObjectiveValue);
  let [covered, fit] = [0, 0];
  for (const part of parts) {
    for (const col of part.columns) {
      const x = Math.round((r.Columns[col.col] as { Primal: number } | undefined)?.Primal ?? 0);
      [covered, fit] = [covered + x, fit + x * col.fit];
    }
  }
  if (covered !== Math.floor(value / lp.K) || fit !== value % lp.K) throw new Error('HiGHS: value and solution differ');
  return { ms, cpu, covered, fit, columns: Object.keys(r.Columns).length };
}

/** Our (covered, fit) per component, read from the suggestions. */
function oursByComponent(components: Component[], result: MatchResult): [number, number][] {
  const at = new Map<number, number>();
  components.forEach((c, k) => {
    for (const h of c.households) at.set(h.household.id, k);
  });
  const out = components.map((): [number, number] => [0, 0]);
  for (const s of result.suggestions) {
    const k = at.get(s.householdId)!;
    out[k]![0] += 1;
    out[k]![1] += s.fit;
  }
  return out;
}

/** HiGHS component by component, against ours component by component. */
function highsByComponent(highs: Highs, input: MatchInput, reach: 'township' | 'village', ours: MatchResult) {
  const o = resolveMatchOptions({ reach });
  const components = prepare(input, o).components;
  const parts = components.map((c, k) => componentLp(c, o, `c${k}`));
  const mine = oursByComponent(components, ours);
  const total = { ms: 0, cpu: 0, columns: 0, gapCovered: 0, gapFit: 0, withGap: 0 };
  parts.forEach((part, k) => {
    const r = solveLp(highs, [part]);
    const [covered, fit] = mine[k]!;
    total.ms += r.ms;
    total.cpu += r.cpu;
    total.columns += r.columns;
    total.gapCovered += r.covered - covered;
    total.gapFit += r.fit - fit;
    if (r.covered !== covered || r.fit !== fit) total.withGap++;
  });
  return { ...total, parts, lps: parts.length };
}

const input = county();
// Ours first, both reaches, before HiGHS's WebAssembly memory inflates the process.
const ours = (['township', 'village'] as const).map((reach) => {
  const timed = timeOurs(input, reach);
  const s = timed.result.summary;
  print({
    name: `matching_county_${reach}`,
    n: input.members.length,
    households: input.households.length,
    excluded: input.excluded?.length ?? 0,
    p50_ms: round2(timed.p50),
    p95_ms: round2(timed.p95),
    cpu_p50_ms: round2(timed.cpu50),
    covered: s.householdsCovered,
    shortfall: s.shortfall,
    members_at_capacity: s.membersAtCapacity,
    total_fit: s.totalFit,
    components: s.components,
    runs: RUNS,
    load1: timed.load,
  });
  print({ name: `matching_memory_${reach}`, n: input.members.length, ...memoryOf(input, reach), load1: load() });
  return { reach, ...timed };
});
const highs = await loadHighs();
for (const { reach, result, p50, cpu50 } of ours) {
  const h = highsByComponent(highs, input, reach, result);
  print({
    name: `matching_highs_${reach}_by_component`,
    n: input.members.length,
    lps: h.lps,
    columns: h.columns,
    ms: round2(h.ms),
    cpu_ms: round2(h.cpu),
    ratio: round2(p50 / h.ms),
    speedup: round2(h.ms / p50),
    cpu_speedup: round2(h.cpu / cpu50),
    gap_covered: h.gapCovered,
    gap_fit: h.gapFit,
    components_with_gap: h.withGap,
    rss_mb: mb(process.memoryUsage().rss),
    load1: load(),
  });
  if (reach === 'township' && ONE_LP) oneLp(highs, h.parts, result, p50);
}

/** The county's townships as one LP, against our county totals. */
function oneLp(highs: Highs, parts: LpPart[], result: MatchResult, p50: number): void {
  try {
    const r = solveLp(highs, parts);
    print({
      name: 'matching_highs_township_one_lp',
      n: input.members.length,
      columns: r.columns,
      ms: round2(r.ms),
      cpu_ms: round2(r.cpu),
      ratio: round2(p50 / r.ms),
      speedup: round2(r.ms / p50),
      gap_covered: r.covered - result.summary.householdsCovered,
      gap_fit: r.fit - result.summary.totalFit,
      rss_mb: mb(process.memoryUsage().rss),
      load1: load(),
    });
  } catch (e) {
    print({ name: 'matching_highs_township_one_lp', skipped: String(e), load1: load() });
  }
}
