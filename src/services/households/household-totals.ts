/**
 * Remembered totals of the household list. Counting a county's 16,000 households costs ~3 ms on PostgreSQL and
 * ~4 ms on PGlite — more than the 20-row page itself — and every page of a list asks the same total again.
 * A total is reused while no household of that county was written through this process, and for at most
 * TOTAL_TTL_MS, which bounds how stale it can be when another process (a batch job, a second server on the
 * same PostgreSQL) writes. Searches (`q`) are not remembered: they are rare and their totals small.
 */
const TOTAL_TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  total: number;
  version: number;
  at: number;
}

const entries = new Map<string, Entry>();
const versions = new Map<string, number>();

/** Call after any household write of the county has committed. */
export function householdsChanged(county: string): void {
  versions.set(county, (versions.get(county) ?? 0) + 1);
}

/** The total for `filterKey` in `county`, counted by `count` unless a fresh one is remembered. */
export async function rememberedTotal(
  county: string,
  filterKey: string,
  count: () => Promise<number>,
  now: () => number = Date.now,
): Promise<number> {
  const key = `${county}|${filterKey}`;
  const version = versions.get(county) ?? 0;
  const hit = entries.get(key);
  if (hit && hit.version === version && now() - hit.at < TOTAL_TTL_MS) return hit.total;
  const total = await count();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { total, version: versions.get(county) ?? 0, at: now() });
  return total;
}
