/**
 * HiGHS LPs of the matching components for bench/matching.ts (see its comment for the model and the gap).
 */
import highsModule from 'highs';
import { closenessLevel } from '../../src/domain/matching/fit.ts';
import type { ResolvedMatchOptions } from '../../src/domain/matching/options.ts';
import type { Component } from '../../src/domain/matching/prepare.ts';

// highs is CommonJS with an ESM build: at run time the default import is the loader; its types say otherwise.
export const loadHighs = highsModule as unknown as typeof highsModule.default;
export type Highs = Awaited<ReturnType<typeof loadHighs>>;

const cpuMs = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** One component's LP columns (name, fit) and rows; the objective weight K is set when the text is written. */
export interface LpPart {
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
export function componentLp(c: Component, o: ResolvedMatchOptions, p: string): LpPart {
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
export function solveLp(highs: Highs, parts: LpPart[]) {
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
