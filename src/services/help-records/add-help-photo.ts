/**
 * Attach a photo to a help record (photos/photo-files.ts checks and stores it; a refused row removes the files):
 * only the member user's own record, and only while it may still be edited.
 */
import type { Kysely } from 'kysely';
import { insertPhoto } from '../../db/repositories/help-record-parts.ts';
import { findRecord, lockRecord } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { canDoHelp, HELP_RECORD, type HelpRecordStatus, wrongHelpState } from '../../domain/help-records.ts';
import type { Actor } from '../access/actor.ts';
import { type PhotoInput, storePhoto } from '../photos/photo-files.ts';
import { flagReusedPhoto } from '../record-trust/flag-records.ts';
import type { Storage } from '../storage/storage.ts';
import { write } from '../write.ts';
import { checkOwnRecord } from './help-actor.ts';
import { type HelpRecordDetail, loadDetail } from './help-view.ts';

/** Stores the photo of record `id`; 404 unknown or not the member user's own, 409 once verified, 422 bad image. */
export async function addHelpPhoto(
  db: Kysely<Database>,
  storage: Storage,
  county: string,
  id: number,
  actor: Actor,
  input: PhotoInput,
): Promise<HelpRecordDetail> {
  await storePhoto(storage, `${county}/help/${id}`, input, (files) =>
    write(db, county, async (ctx) => {
      const { tx } = ctx;
      await lockRecord(tx, county, id);
      const row = await findRecord(tx, county, id);
      if (!row) throw AppError.notFound(HELP_RECORD);
      checkOwnRecord(actor, county, row.natural_village_code, Number(row.member_id), HELP_RECORD);
      const status = row.status as HelpRecordStatus;
      if (!canDoHelp('edit', status)) throw new AppError('conflict', wrongHelpState('edit', status));
      const photoId = await insertPhoto(tx, county, { recordId: id, ...files, uploadedBy: actor.userId });
      ctx.audit({
        action: 'help_record.photo',
        table: 'assistance_photo',
        recordId: photoId,
        orgCode: row.natural_village_code,
        diff: { record_id: [null, id], mime: [null, files.mime], bytes: [null, files.bytes] },
      });
      await flagReusedPhoto(ctx, id, row.natural_village_code);
    }),
  );
  return loadDetail(db, county, id);
}
