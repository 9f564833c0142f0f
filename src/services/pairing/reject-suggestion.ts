/**
 * A reviewer turns a suggested pair down (match_rejection): it is never suggested again until the rejection is
 * withdrawn. Both are audited; the pair must lie in the caller's pairing.write scope (else 404).
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/pairings.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { assertInScope } from './confirm-pairings.ts';

export interface RejectInput {
  memberId: number;
  householdId: number;
  reason: string;
}

/** Records (or re-records) a rejection; returns it. */
export async function rejectSuggestion(db: Kysely<Database>, county: string, input: RejectInput, actor: Actor) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const [member] = await repo.lockMembers(tx, county, [input.memberId]);
    const [household] = await repo.householdsByIds(tx, county, [input.householdId]);
    assertInScope(actor, county, [member?.natural_village_code, household?.natural_village_code]);
    const row = await repo.upsertRejection(tx, county, { ...input, reason: input.reason.trim(), by: actor.userId });
    ctx.audit({
      action: 'pairing.reject',
      table: 'match_rejection',
      recordId: `${input.memberId}:${input.householdId}`,
      orgCode: household!.natural_village_code,
      diff: { reason: [null, row.reason] },
    });
    return {
      memberId: row.member_id,
      householdId: row.household_id,
      reason: row.reason,
      rejectedAt: new Date(row.rejected_at).toISOString(),
    };
  });
}

/** Withdraws a rejection so the pair may be suggested again; withdrawing one that is not there changes nothing. */
export async function withdrawRejection(db: Kysely<Database>, county: string, memberId: number, householdId: number) {
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const [household] = await repo.householdsByIds(tx, county, [householdId]);
    const removed = await repo.deleteRejection(tx, county, memberId, householdId);
    if (!removed || !household) return;
    ctx.audit({
      action: 'pairing.reject_withdraw',
      table: 'match_rejection',
      recordId: `${memberId}:${householdId}`,
      orgCode: household.natural_village_code,
      diff: { reason: [removed.reason, null] },
    });
  });
}
