/**
 * Remembered totals of the household list. Counting a county's 16,000 households costs ~3 ms on PostgreSQL and
 * ~4 ms on PGlite — more than the 20-row page itself — and every page of a list asks the same total again.
 * Searches (`q`) are not remembered: they are rare and their totals small. See CountyMemo for staleness.
 */
import { CountyMemo, follow } from '../county-memo.ts';

/** Stale after any household write of the county (topic 'households'). */
const totals = follow(new CountyMemo<number>(), 'households');

/** The total for `filterKey` in `county`, counted by `count` unless a fresh one is remembered. */
export function rememberedTotal(county: string, filterKey: string, count: () => Promise<number>): Promise<number> {
  return totals.get(county, filterKey, count);
}
