/**
 * Remembered totals of the household list. Counting a county's 16,000 households costs ~3 ms on PostgreSQL and
 * ~4 ms on PGlite — more than the 20-row page itself — and every page of a list asks the same total again.
 * Searches (`q`) are not remembered: they are rare and their totals small. See CountyMemo for staleness.
 */
import { CountyMemo } from '../county-memo.ts';

const totals = new CountyMemo<number>();

/** Call after any household write of the county has committed. */
export function householdsChanged(county: string): void {
  totals.changed(county);
}

/** The total for `filterKey` in `county`, counted by `count` unless a fresh one is remembered. */
export function rememberedTotal(county: string, filterKey: string, count: () => Promise<number>): Promise<number> {
  return totals.get(county, filterKey, count);
}
