/**
 * Practical things done (办实事) of a scope: verified help records that solved a need plus problems resolved or
 * closed, by month of a year and by child unit; and the scope's problems by level and status with the on-time
 * rate (resolved within their level's deadline / resolved). The county's grouped rows are read once and
 * remembered (CountyMemo: until a help or problem write of the county, at most 5 s), then folded to the scope in
 * memory, so a read is a few microseconds of work after the first.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/things-done.ts';
import type { Database } from '../../db/schema.ts';
import { CountyMemo } from '../county-memo.ts';

interface CountyRows {
  help: repo.UnitMonthCount[];
  problems: repo.UnitMonthCount[];
  tallies: repo.ProblemTally[];
  children: Map<string, Array<{ code: string; name: string }>>;
}

/** Remembered grouped rows per county and year; help-record and problem writers call `thingsDoneChanged`. */
const memo = new CountyMemo<CountyRows>();
const latestYears = new CountyMemo<number | null>();

/** Call after a committed write that may change the county's things done (verification, resolution). */
export function thingsDoneChanged(county: string): void {
  memo.changed(county);
  latestYears.changed(county);
}

async function loadCounty(db: Kysely<Database>, county: string, year: number): Promise<CountyRows> {
  const [help, problems, tallies] = await Promise.all([
    repo.helpRecordsDone(db, county, year),
    repo.problemsDone(db, county, year),
    repo.problemTallies(db, county),
  ]);
  return { help, problems, tallies, children: new Map() };
}

async function childrenOf(db: Kysely<Database>, rows: CountyRows, county: string, within: string) {
  let children = rows.children.get(within);
  if (!children) {
    children = await repo.childUnits(db, county, within);
    rows.children.set(within, children);
  }
  return children;
}

/** The query: a scope (defaults to the county) and a year (defaults to the year of the latest verified help). */
export interface ThingsDoneQuery {
  within?: string | undefined;
  year?: number | undefined;
}

function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** Things done of a scope by month and child unit, and its problems by level and status with the on-time rate. */
export async function getThingsDone(db: Kysely<Database>, county: string, query: ThingsDoneQuery, now = new Date()) {
  const within = query.within ?? county;
  const year =
    query.year ?? (await latestYears.get(county, 'latest', () => repo.latestHelpYear(db, county))) ?? chinaYear(now);
  const rows = await memo.get(county, String(year), () => loadCounty(db, county, year));
  const children = await childrenOf(db, rows, county, within);
  const inScope = (code: string) => code.startsWith(within);
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    helpRecords: 0,
    problemsResolved: 0,
    total: 0,
  }));
  const byChild = new Map(children.map((c) => [c.code, 0]));
  const add = (r: repo.UnitMonthCount, field: 'helpRecords' | 'problemsResolved') => {
    if (!inScope(r.code)) return;
    const month = months[r.month - 1];
    if (month) {
      month[field] += r.n;
      month.total += r.n;
    }
    const child = children.find((c) => r.code.startsWith(c.code));
    if (child) byChild.set(child.code, (byChild.get(child.code) ?? 0) + r.n);
  };
  for (const r of rows.help) add(r, 'helpRecords');
  for (const r of rows.problems) add(r, 'problemsResolved');
  return {
    year,
    within,
    months,
    total: months.reduce((sum, m) => sum + m.total, 0),
    byUnit: children.map((c) => ({ code: c.code, name: c.name, total: byChild.get(c.code) ?? 0 })),
    problems: problemFigures(rows.tallies.filter((t) => inScope(t.code))),
  };
}

/** Problems by level and status, and resolved on time / resolved (null when none is resolved). */
function problemFigures(tallies: repo.ProblemTally[]) {
  const cells = new Map<string, { level: string; status: string; count: number }>();
  let resolved = 0;
  let onTime = 0;
  for (const t of tallies) {
    const key = `${t.level}|${t.status}`;
    const cell = cells.get(key) ?? { level: t.level, status: t.status, count: 0 };
    cell.count += t.n;
    cells.set(key, cell);
    if (t.status === 'resolved' || t.status === 'closed') {
      resolved += t.n;
      onTime += t.onTime;
    }
  }
  const byLevelStatus = [...cells.values()].sort(
    (a, b) => a.level.localeCompare(b.level) || a.status.localeCompare(b.status),
  );
  return { byLevelStatus, resolved, resolvedOnTime: onTime, onTimeRate: resolved === 0 ? null : onTime / resolved };
}
