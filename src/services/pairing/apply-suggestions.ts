/**
 * Confirms a whole matching at once as the system (`lianxin match --apply`, the demo seed): every suggestion
 * becomes a pairing in its member's free slot, inserted in statements of 1,000 rows in one transaction and
 * audited once ('pairing.bulk_confirm' with the counts). The suggestions come from the same load, so capacity
 * holds; a concurrent writer makes the constraints refuse the whole batch.
 */
import type { Kysely } from 'kysely';
import { insertPairings, type NewPairing } from '../../db/repositories/pairings.ts';
import { poorMemberIds } from '../../db/repositories/registered-poor.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { HELPER_IS_POOR, memberIsPoorMessage } from '../../domain/helper-eligibility.ts';
import type { MatchSuggestion } from '../../domain/matching/index.ts';
import { write } from '../write.ts';
import type { LoadedMatch } from './load-match-input.ts';
import { freeSlot } from './pairing-rules.ts';
import { newPlaqueCode } from './plaque-code.ts';

/** The rows of `suggestions`, slots taken after the member's current ones. */
export function pairingRowsOf(
  loaded: LoadedMatch,
  suggestions: readonly MatchSuggestion[],
  startOn: (s: MatchSuggestion) => string,
): NewPairing[] {
  const taken = new Map<number, number[]>();
  return suggestions.map((s) => {
    const slots = taken.get(s.memberId) ?? [...(loaded.members.get(s.memberId)?.slots ?? [])];
    const slot = freeSlot(slots);
    taken.set(s.memberId, [...slots, slot]);
    return {
      member_id: s.memberId,
      household_id: s.householdId,
      slot,
      started_on: startOn(s),
      plaque_code: newPlaqueCode(),
      confirmed_by: null,
      measures: '',
    };
  });
}

/**
 * Checked again at write time, in the transaction: matching left registered poor members out when it loaded,
 * but a person may have been registered with a member's ID number since.
 */
async function refusePoorHelpers(tx: Kysely<Database>, county: string, rows: readonly NewPairing[]): Promise<void> {
  const poor = await poorMemberIds(tx, county, { memberIds: [...new Set(rows.map((r) => r.member_id))] });
  if (poor.size === 0) return;
  const problems = rows.flatMap((r, i) =>
    poor.has(r.member_id)
      ? [{ path: `suggestions.${i}.memberId`, code: HELPER_IS_POOR, message: memberIsPoorMessage(`#${r.member_id}`) }]
      : [],
  );
  throw AppError.rules(problems);
}

/** Inserts every suggestion as a pairing in one transaction; returns how many were written. */
export async function applySuggestions(
  db: Kysely<Database>,
  county: string,
  loaded: LoadedMatch,
  suggestions: readonly MatchSuggestion[],
  startOn: (s: MatchSuggestion) => string,
): Promise<number> {
  if (suggestions.length === 0) return 0;
  const rows = pairingRowsOf(loaded, suggestions, startOn);
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    await refusePoorHelpers(tx, county, rows);
    await insertPairings(tx, county, rows);
    ctx.audit({
      action: 'pairing.bulk_confirm',
      table: 'pairing',
      recordId: loaded.scope.code,
      orgCode: loaded.scope.code,
      diff: {
        pairings: [null, rows.length],
        members: [null, new Set(rows.map((r) => r.member_id)).size],
      },
    });
    ctx.changed('dashboard');
  });
  return rows.length;
}
