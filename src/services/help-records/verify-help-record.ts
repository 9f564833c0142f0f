/**
 * Verify a help record, or return it to the member with a comment (帮扶纪实: 核实/退回). A caller whose help.verify at
 * the household comes only from group_leader grants verifies only in the grids their own member leads now
 * (404 otherwise, as if the record were not there).
 */
import type { Kysely } from 'kysely';
import { findRecord, lockRecord, setVerification } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { holdersOf } from '../../domain/access/actor.ts';
import { leaderMembersOnly } from '../../domain/access/linked-members.ts';
import { AppError } from '../../domain/errors.ts';
import { canDoHelp, HELP_RECORD, type HelpRecordStatus, wrongHelpState } from '../../domain/help-records.ts';
import { type Actor, leadersOfHousehold } from '../access/actor.ts';
import { write } from '../write.ts';
import { refuse } from './help-actor.ts';
import { type HelpRecordDetail, loadDetail } from './help-view.ts';

export interface VerifyInput {
  decision: 'verify' | 'return';
  comment?: string | undefined;
}

/** 404 unless the actor may verify records of household `householdId` in natural village `nv`. */
async function checkLeadsHousehold(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  householdId: number,
  nv: string,
): Promise<void> {
  const leaders = leaderMembersOnly(holdersOf(actor, 'help.verify', county), nv);
  if (leaders === null) return;
  const leading = await leadersOfHousehold(db, actor, county, householdId);
  if (!leading.some((m) => leaders.includes(m))) throw AppError.notFound(HELP_RECORD);
}

/**
 * Marks submitted record `id` verified or returned, audited in the same transaction. A return needs a comment
 * (422); a record already verified or returned is 409.
 */
export async function verifyHelpRecord(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  input: VerifyInput,
): Promise<HelpRecordDetail> {
  const comment = (input.comment ?? '').trim();
  if (input.decision === 'return' && comment.length === 0) {
    throw refuse('comment', 'required', { zh: '退回须说明原因', en: 'Say why the record is returned' });
  }
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    await lockRecord(tx, county, id);
    const row = await findRecord(tx, county, id);
    if (!row) throw AppError.notFound(HELP_RECORD);
    await checkLeadsHousehold(tx, county, actor, Number(row.household_id), row.natural_village_code);
    const status = row.status as HelpRecordStatus;
    if (!canDoHelp('verify', status)) throw new AppError('conflict', wrongHelpState('verify', status));
    const next = input.decision === 'verify' ? 'verified' : 'returned';
    await setVerification(tx, county, id, next, comment, actor.userId);
    ctx.audit({
      action: `help_record.${input.decision}`,
      table: 'assistance_record',
      recordId: id,
      orgCode: row.natural_village_code,
      diff: { status: [status, next], verify_comment: [row.verify_comment, comment] },
    });
    ctx.changed('thingsDone');
  });
  return loadDetail(db, county, id);
}
