/**
 * Helper matching for a whole county (issue #6 items 1 and 8): a deterministic synthetic county in memory
 * (BENCH_MEMBERS 21,000 members, BENCH_HOUSEHOLDS 16,000 households without a helper, 20 townships × 12
 * villages, BENCH_EXCLUDED 200 pairs a reviewer rejected), solved by matchHelpers and by HiGHS on the same
 * instance (bench/lib/matching-county.ts, bench/lib/matching-lp.ts). Prints JSON lines, each with the load average (/proc/loadavg, 1 min) when it was taken:
 * - `matching_county_<reach>`: ours, wall p50/p95 and CPU p50 of BENCH_RUNS runs after a warm-up;
 * - `matching_memory_<reach>`: one matching step, measured first (after a GC) in a fresh process: heap growth
 *   (heap used after − before, no GC in between: all it allocated and still held), resident memory after it,
 *   and the growth of the process's peak resident memory over it;
 * - `matching_highs_<reach>_by_component`: HiGHS on every component separately (a township; with reach
 *   'village' a village and the villages its members wish into), solve time summed (LP text built beforehand);
 *   `ratio` = ours / HiGHS (wall p50 / wall sum), `speedup` = HiGHS / ours;
 * - `matching_highs_township_one_lp`: the county's townships as one LP (BENCH_ONE_LP=0 skips it).
 * Objective gap: each component's objective is lexicographic (households covered, then total fit). Ours is
 * read per component from the suggestions (covered = suggestions in it, fit = their fit summed); HiGHS's
 * from each component's LP value Σ (K + fit)·x as covered = ⌊value / K⌋ and fit = value mod K, K above any
 * total fit (checked against the primal solution: Σ x and Σ fit·x). `gap_*` are HiGHS − ours summed over components and `components_with_gap` counts any difference:
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
import { type MatchInput, type MatchResult, matchHelpers } from '../src/domain/matching/index.ts';
import { resolveMatchOptions } from '../src/domain/matching/options.ts';
import { type Component, prepare } from '../src/domain/matching/prepare.ts';
import { county } from './lib/matching-county.ts';
import { componentLp, type Highs, type LpPart, loadHighs, solveLp } from './lib/matching-lp.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 21_000);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 16_000);
const EXCLUDED = Number(process.env.BENCH_EXCLUDED ?? 200);
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const ONE_LP = process.env.BENCH_ONE_LP !== '0';
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const load = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

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

const input = county({ MEMBERS, HOUSEHOLDS, EXCLUDED });
// Ours first, both reaches, before HiGHS's WebAssembly memory inflates the process.
const ours = (['township', 'village'] as const).map((reach) => {
  const memory = memoryOf(input, reach); // first: a fresh process shows the step's own growth
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
  print({ name: `matching_memory_${reach}`, n: input.members.length, ...memory, load1: timed.load });
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
