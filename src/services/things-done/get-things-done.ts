/**
 * Practical things done (办实事) of a scope: verified help records that solved a need plus problems resolved or
 * closed, by month of a year and by child unit; and the scope's problems by level and status with the on-time
 * rate (resolved within their level's deadline / resolved). The county's grouped rows are read once and
 * remembered (CountyMemo: until a help or problem write of the county, at most a minute), then folded to the
 * scope in memory, so a repeated read is a map lookup.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/things-done.ts';
import type { Database } from '../../db/schema.ts';
import { businessNow } from '../../domain/clock.ts';
import { CountyMemo, follow } from '../county-memo.ts';

interface CountyRows {
  help: repo.UnitMonthCount[];
  problems: repo.UnitMonthCount[];
  tallies: repo.ProblemTally[];
}

type Children = Array<{ code: string; name: string }>;
type ThingsDoneBody = ReturnType<typeof fold>;

/**
 * Three memos: the county's grouped rows per year (dropped by help-record and problem writes), the answer per
 * year and scope folded from them (dropped with them), and the child units per scope (org units change rarely).
 * All are kept at most a minute: a write by another process (the CLI, a second server) shows within that, which
 * is fine for a monthly count, and the county's grouped read (~0.5 s on a seeded county) stays rare. A remembered answer is a map lookup; a new scope folds the county's rows once (~2 ms).
 */
// Stale after a committed write that may change the county's things done (verification, resolution):
// topic 'thingsDone'.
const rowsMemo = follow(new CountyMemo<CountyRows>(60_000), 'thingsDone');
const answers = follow(new CountyMemo<ThingsDoneBody>(60_000), 'thingsDone');
const childMemo = new CountyMemo<Children>(60_000);
const latestYears = follow(new CountyMemo<number | null>(), 'thingsDone');

async function loadCounty(db: Kysely<Database>, county: string, year: number): Promise<CountyRows> {
  const [help, problems, tallies] = await Promise.all([
    repo.helpRecordsDone(db, county, year),
    repo.problemsDone(db, county, year),
    repo.problemTallies(db, county),
  ]);
  return { help, problems, tallies };
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
export async function getThingsDone(db: Kysely<Database>, county: string, query: ThingsDoneQuery, now = businessNow()) {
  const within = query.within ?? county;
  const year =
    query.year ?? (await latestYears.get(county, 'latest', () => repo.latestHelpYear(db, county))) ?? chinaYear(now);
  return answers.get(county, `${year}|${within}`, async () => {
    const rows = await rowsMemo.get(county, String(year), () => loadCounty(db, county, year));
    const children = await childMemo.get(county, within, () => repo.childUnits(db, county, within));
    return fold(rows, children, year, within);
  });
}

/** The county's rows cut to `within` and summed by month and by child unit. */
function fold(rows: CountyRows, children: Children, year: number, within: string) {
  const inScope = (code: string) => code.startsWith(within);
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    helpRecords: 0,
    problemsResolved: 0,
    total: 0,
  }));
  // Child codes all have one length (the next level down), so a row's child is a prefix lookup, not a search.
  const childLength = children[0]?.code.length ?? 0;
  const byChild = new Map(children.map((c) => [c.code, 0]));
  const add = (r: repo.UnitMonthCount, field: 'helpRecords' | 'problemsResolved') => {
    if (!inScope(r.code)) return;
    const month = months[r.month - 1];
    if (month) {
      month[field] += r.n;
      month.total += r.n;
    }
    const child = r.code.slice(0, childLength);
    const sum = byChild.get(child);
    if (sum !== undefined) byChild.set(child, sum + r.n);
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
