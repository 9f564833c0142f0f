/**
 * Pairs the demo county (结对帮扶): once the grids and groups exist, every household needing help gets the
 * optimal helper of its township (the same load and matching as `lianxin match --apply`), written in one bulk
 * transaction. Start dates are spread from the later of the household's identification year and the member's
 * joining to the demo's today, so no pairing starts before either party could have been paired.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MatchSuggestion } from '../../domain/matching/index.ts';
import { applySuggestions } from '../pairing/apply-suggestions.ts';
import { loadMatchInput, resolveScope } from '../pairing/load-match-input.ts';
import { solve } from '../pairing/suggest-pairings.ts';
import { DEMO_TODAY, maxDate, minDate, randomDate } from './dates.ts';
import type { Rng } from './random.ts';

export interface PairDemoSummary {
  pairings: number;
  shortfall: number;
  ms: number;
}

/** Pairs every household needing help in the county; returns how many pairings and the shortfall left. */
export async function pairDemoCounty(db: Kysely<Database>, countyCode: string, rng: Rng): Promise<PairDemoSummary> {
  const started = performance.now();
  const loaded = await loadMatchInput(db, countyCode, await resolveScope(db, countyCode, countyCode));
  const { result } = solve(loaded);
  const startOn = (s: MatchSuggestion) => {
    const h = loaded.households.get(s.householdId)!;
    const m = loaded.members.get(s.memberId)!;
    const from = minDate(maxDate(`${h.identifiedYear}-01-01`, m.joinDate), DEMO_TODAY);
    return randomDate(rng, from, DEMO_TODAY);
  };
  const pairings = await applySuggestions(db, countyCode, loaded, result.suggestions, startOn);
  await publishContactNumbers(db, countyCode);
  return { pairings, shortfall: result.summary.shortfall, ms: Math.round(performance.now() - started) };
}

/**
 * Gives every helper the number printed on their plaques: a synthetic landline of the county's area code
 * (0556, Anqing), never the member's personal phone.
 */
async function publishContactNumbers(db: Kysely<Database>, countyCode: string): Promise<void> {
  await sql`
    update party_member m set public_phone = '0556-5' || lpad((m.id % 1000000)::text, 6, '0')
    where m.county_code = ${countyCode}
      and exists (select 1 from pairing p where p.county_code = m.county_code and p.member_id = m.id)`.execute(db);
}
