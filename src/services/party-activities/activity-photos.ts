/**
 * Photos of an activity (活动照片), handled as a help record's: the client sends the photo and its canvas-drawn
 * thumbnail as base64, both sniffed and bounded (help-records/add-help-photo.ts `checkImages`); files go to the
 * storage first, the row after, and a refused row removes the files again. Read back by whoever reads the activity.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findActivityPhoto, insertActivityPhoto } from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { canDoActivity, wrongActivityState } from '../../domain/party-life/activities.ts';
import { extensionOf } from '../../domain/photos.ts';
import type { ActivityDetail } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { checkImages, type PhotoInput } from '../help-records/add-help-photo.ts';
import type { Storage } from '../storage/storage.ts';
import { write } from '../write.ts';
import { checkWriter } from './activity-access.ts';
import { activityDetail, reachActivity } from './activity-view.ts';

const PHOTO = { zh: '照片', en: 'photo' };

export async function addActivityPhoto(
  db: Kysely<Database>,
  storage: Storage,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
  input: PhotoInput,
): Promise<ActivityDetail> {
  const { photo, thumb } = checkImages(input);
  const base = `${county}/activity/${id}/${randomUUID()}`;
  const keys = { photo: `${base}.${extensionOf(photo.mime)}`, thumb: `${base}-thumb.${extensionOf(thumb.mime)}` };
  await storage.put(keys.photo, photo.bytes);
  await storage.put(keys.thumb, thumb.bytes);
  try {
    await write(db, county, async (ctx) => {
      const { activity, group } = await reachActivity(ctx.tx, county, id, within, true);
      checkWriter(actor, county, group);
      if (!canDoActivity('photo', activity.status)) {
        throw new AppError('conflict', wrongActivityState('photo', activity.status));
      }
      const photoId = await insertActivityPhoto(
        ctx.tx,
        county,
        id,
        {
          storageKey: keys.photo,
          mime: photo.mime,
          bytes: photo.bytes.length,
          width: input.width ?? null,
          height: input.height ?? null,
          thumbnailKey: keys.thumb,
          thumbnailMime: thumb.mime,
          thumbnailBytes: thumb.bytes.length,
        },
        actor.userId,
      );
      ctx.audit({
        action: 'party_activity.photo',
        table: 'activity_photo',
        recordId: photoId,
        orgCode: group.villageCode,
        diff: { activity_id: [null, id], mime: [null, photo.mime], bytes: [null, photo.bytes.length] },
      });
    });
  } catch (error) {
    await Promise.all([storage.delete(keys.photo), storage.delete(keys.thumb)]);
    throw error;
  }
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
  const row = await findActivityPhoto(db, county, id, photoId);
  if (!row) throw AppError.notFound(PHOTO);
  const bytes = await storage.get(thumbnail ? row.thumbnail_key : row.storage_key);
  if (!bytes) throw AppError.notFound(PHOTO);
  return { mime: thumbnail ? row.thumbnail_mime : row.mime, bytes };
}
