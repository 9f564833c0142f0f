/** Edit a help record while submitted or returned (帮扶纪实: 修改); the replaced values are kept as a version. */
import type { Kysely } from 'kysely';
import { findRecord, insertVersion, lockRecord, updateRecord } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { canDoHelp, HELP_RECORD, type HelpRecordStatus, wrongHelpState } from '../../domain/help-records.ts';
import type { Actor } from '../access/actor.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';
import { checkOwnRecord } from './help-actor.ts';
import { checkFields, type HelpFieldsInput } from './help-fields.ts';
import { type HelpRecordDetail, loadDetail } from './help-view.ts';

/** The editable values of a row, as the version history keeps them. */
function editable(row: NonNullable<Awaited<ReturnType<typeof findRecord>>>) {
  return {
    visitedOn: row.visited_on,
    measure: row.measure,
    needId: row.need_id === null ? null : Number(row.need_id),
    solvedNeed: row.solved_need,
    content: row.content,
    lat: row.lat,
    lng: row.lng,
    status: row.status,
    verifyComment: row.verify_comment,
  };
}

/**
 * Replaces the fields of record `id` in one transaction on the locked row: the previous values become version
 * n, the record becomes version n + 1 and (when it was returned) is submitted again. 404 when unknown or not
 * the member user's own; 409 once verified; 422 for field problems.
 */
export async function editHelpRecord(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  input: HelpFieldsInput,
): Promise<HelpRecordDetail> {
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    await lockRecord(tx, county, id);
    const row = await findRecord(tx, county, id);
    if (!row) throw AppError.notFound(HELP_RECORD);
    checkOwnRecord(actor, county, row.natural_village_code, Number(row.member_id), HELP_RECORD);
    const status = row.status as HelpRecordStatus;
    if (!canDoHelp('edit', status)) throw new AppError('conflict', wrongHelpState('edit', status));
    const fields = await checkFields(tx, county, Number(row.household_id), input);
    const before = editable(row);
    await insertVersion(tx, county, id, row.version, before, actor.userId);
    await updateRecord(tx, county, id, fields);
    const { status: _s, verifyComment: _c, ...previous } = before;
    ctx.audit({
      action: 'help_record.edit',
      table: 'assistance_record',
      recordId: id,
      orgCode: row.natural_village_code,
      diff: { ...diffOf(previous, { ...fields }), version: [row.version, row.version + 1] },
    });
  });
  return loadDetail(db, county, id);
}
