/**
 * Photos of an activity (活动照片), by the one photo service a help record's photos use too (photos/photo-files.ts:
 * checked, stored, removed again when the row is refused): a leader of the group adds them to a planned or held
 * activity; whoever reads the activity reads them back.
 */
import type { Kysely } from 'kysely';
import { findActivityPhoto, insertActivityPhoto } from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { canDoActivity, wrongActivityState } from '../../domain/party-life/activities.ts';
import type { ActivityDetail } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { type PhotoInput, readPhotoFile, storePhoto } from '../photos/photo-files.ts';
import type { Storage } from '../storage/storage.ts';
import { write } from '../write.ts';
import { checkWriter } from './activity-access.ts';
import { activityDetail, reachActivity } from './activity-view.ts';

export async function addActivityPhoto(
  db: Kysely<Database>,
  storage: Storage,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
  input: PhotoInput,
): Promise<ActivityDetail> {
  await storePhoto(storage, `${county}/activity/${id}`, input, (files) =>
    write(db, county, async (ctx) => {
      const { activity, group } = await reachActivity(ctx.tx, county, id, within, true);
      checkWriter(actor, county, group);
      if (!canDoActivity('photo', activity.status)) {
        throw new AppError('conflict', wrongActivityState('photo', activity.status));
      }
      const photoId = await insertActivityPhoto(ctx.tx, county, id, files, actor.userId);
      ctx.audit({
        action: 'party_activity.photo',
        table: 'activity_photo',
        recordId: photoId,
        orgCode: group.villageCode,
        diff: { activity_id: [null, id], mime: [null, files.mime], bytes: [null, files.bytes] },
      });
    }),
  );
  return activityDetail(db, county, id, within, actor);
}

/** The photo (or its thumbnail) of an activity within `within`: type and bytes; 404 when unknown or gone. */
export async function readActivityPhoto(
  db: Kysely<Database>,
  storage: Storage,
  county: string,
  id: number,
  photoId: number,
  within: string | undefined,
  thumbnail: boolean,
): Promise<{ mime: string; bytes: Buffer }> {
  await reachActivity(db, county, id, within);
  return readPhotoFile(storage, await findActivityPhoto(db, county, id, photoId), thumbnail);
}
