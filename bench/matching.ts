/**
 * Helper matching for a whole county (issue #6 items 1 and 8): a deterministic synthetic county in memory
 * (BENCH_MEMBERS 21,000 members, BENCH_HOUSEHOLDS 16,000 households without a helper, 20 townships × 12
 * villages), solved by matchHelpers and, component by component on the same instance, by HiGHS as an LP.
 * Prints JSON lines: our time (median of BENCH_RUNS after a warm-up), HiGHS's time, the ratio, the objective
 * gap (covered households, then total fit; must be 0) and memory.
 * - reach 'township' (the default): HiGHS solves each township's flow LP (the same network: village pairs
 *   direct, cross-village pairs through the fit-tag hubs; the unit tests check that network against the plain
 *   pair LP and exhaustive search).
 * - reach 'village': HiGHS solves each village's plain assignment LP (one column per candidate pair).
 * `node bin/run-ts.js bench/matching.ts`
 */
import highsModule from 'highs';
import { closenessLevel } from '../src/domain/matching/fit.ts';
import { type MatchHousehold, type MatchInput, type MatchMember, matchHelpers } from '../src/domain/matching/index.ts';
import { type ResolvedMatchOptions, resolveMatchOptions } from '../src/domain/matching/options.ts';
import { type Component, prepare } from '../src/domain/matching/prepare.ts';

// highs is CommonJS with an ESM build: at run time the default import is the loader; its types say otherwise.
const loadHighs = highsModule as unknown as typeof highsModule.default;

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 21_000);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 16_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TOWNSHIPS = 20;
const VILLAGES = 12;
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const round2 = (x: number) => Math.round(x * 100) / 100;

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
  return { members, households };
}

/** Our solver: median and p95 of RUNS timed runs after a warm-up, and the resident memory afterwards. */
function timeOurs(input: MatchInput, reach: 'township' | 'village') {
  const rssBefore = rssMb();
  matchHelpers(input, { reach });
  const times: number[] = [];
  const cpu: number[] = [];
  let result = matchHelpers(input, { reach });
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = matchHelpers(input, { reach });
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.min(times.length - 1, Math.floor(0.95 * times.length))]!;
  return { result, p50, p95, cpu50: cpu[Math.floor(cpu.length / 2)]!, rssBefore, rssAfter: rssMb() };
}

interface Lp {
  text: string;
  K: number;
}

/** The LP of one component: maximise Σ (K + fit)·x; K exceeds any total fit, so coverage comes first. */
function componentLp(c: Component, o: ResolvedMatchOptions): Lp {
  const obj: string[] = [];
  const memberRows = c.members.map(() => [] as string[]);
  const householdRows = c.households.map(() => [] as string[]);
  let maxFit = 0;
  const pairs: { col: string; fit: number }[] = [];
  const hubIn = new Map<number, string[]>();
  const hubOut = new Map<number, string[]>();
  c.households.forEach((h, j) => {
    c.members.forEach((m, i) => {
      const level = closenessLevel(m.member.place, h.household.place);
      const wished = m.wishes.has(h.household.id);
      if (level === null || (level === 'township' && !wished)) return;
      let skill = 0;
      for (const t of m.tags) skill = Math.max(skill, h.fit.points[t]!);
      const fit = skill + o.closeness[level] + (wished ? o.wishBonus : 0);
      const col = `x${i}_${j}`;
      pairs.push({ col, fit });
      memberRows[i]!.push(col);
      householdRows[j]!.push(col);
      maxFit = Math.max(maxFit, fit);
    });
  });
  const villages = new Set(c.members.map((m) => m.member.place.village));
  if (o.reach === 'township' && villages.size > 1) {
    const any = -1;
    c.members.forEach((m, i) => {
      for (const tag of [...m.tags, any]) {
        const col = `a${i}_${tag < 0 ? 'n' : tag}`;
        memberRows[i]!.push(col);
        if (!hubIn.has(tag)) hubIn.set(tag, []);
        hubIn.get(tag)!.push(col);
      }
    });
    c.households.forEach((h, j) => {
      for (const tag of hubIn.keys()) {
        const points = tag < 0 ? 0 : h.fit.points[tag]!;
        if (tag >= 0 && points === 0) continue;
        const col = `b${tag < 0 ? 'n' : tag}_${j}`;
        pairs.push({ col, fit: points + o.closeness.township });
        householdRows[j]!.push(col);
        if (!hubOut.has(tag)) hubOut.set(tag, []);
        hubOut.get(tag)!.push(col);
      }
    });
  }
  const K = 1 + maxFit * c.households.length + 1000;
  for (const p of pairs) obj.push(`${K + p.fit} ${p.col}`);
  const rows: string[] = [];
  memberRows.forEach((cols, i) => {
    if (cols.length > 0) rows.push(` m${i}: ${cols.join(' + ')} <= ${c.members[i]!.capacity - c.members[i]!.used}`);
  });
  householdRows.forEach((cols, j) => {
    if (cols.length > 0) rows.push(` h${j}: ${cols.join(' + ')} <= 1`);
  });
  for (const [tag, ins] of hubIn) {
    const outs = hubOut.get(tag) ?? [];
    rows.push(` g${tag < 0 ? 'n' : tag}: ${ins.join(' + ')}${outs.map((x) => ` - ${x}`).join('')} = 0`);
  }
  const text = ['Maximize', ` obj: ${obj.join(' + ') || '0 x0_0'}`, 'Subject To', ...rows, 'End'].join('\n');
  return { text, K };
}

/** HiGHS on every component: total solve time (LP text built beforehand), covered and fit. */
async function timeHighs(input: MatchInput, reach: 'township' | 'village') {
  const highs = await loadHighs();
  const o = resolveMatchOptions({ reach });
  const lps = prepare(input, o).components.map((c) => componentLp(c, o));
  let [ms, cpu, covered, fit, columns] = [0, 0, 0, 0, 0];
  for (const lp of lps) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = highs.solve(lp.text, { output_flag: false });
    ms += performance.now() - t;
    const used = process.cpuUsage(c);
    cpu += (used.user + used.system) / 1000;
    if (r.Status !== 'Optimal') throw new Error(`HiGHS: ${r.Status}`);
    const value = Math.round(r.ObjectiveValue);
    covered += Math.floor(value / lp.K);
    fit += value % lp.K;
    columns += Object.keys(r.Columns).length;
  }
  return { ms, cpu, covered, fit, columns, lps: lps.length };
}

const input = county();
for (const reach of ['township', 'village'] as const) {
  const ours = timeOurs(input, reach);
  const s = ours.result.summary;
  print({
    name: `matching_county_${reach}`,
    n: input.members.length,
    households: input.households.length,
    p50_ms: round2(ours.p50),
    p95_ms: round2(ours.p95),
    cpu_p50_ms: round2(ours.cpu50),
    covered: s.householdsCovered,
    shortfall: s.shortfall,
    shortfall_villages: ours.result.shortfall.length,
    members_at_capacity: s.membersAtCapacity,
    total_fit: s.totalFit,
    components: s.components,
    runs: RUNS,
    rss_mb: ours.rssAfter,
    rss_growth_mb: ours.rssAfter - ours.rssBefore,
  });
  const h = await timeHighs(input, reach);
  print({
    name: `matching_highs_${reach}`,
    n: input.members.length,
    lps: h.lps,
    columns: h.columns,
    ms: round2(h.ms),
    cpu_ms: round2(h.cpu),
    ratio: round2(h.ms / ours.p50),
    cpu_ratio: round2(h.cpu / ours.cpu50),
    gap_covered: h.covered - s.householdsCovered,
    gap_fit: h.fit - s.totalFit,
    rss_mb: rssMb(),
  });
}
