/**
 * Attach a photo to a help record. The client sends the photo and the thumbnail it drew on a canvas, both as
 * base64 (no multipart package, no native image library); the server trusts neither's declared type: both are
 * sniffed by their first bytes and bounded in size. Files go to the storage first, the row after; a failed row
 * removes the files again.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertPhoto } from '../../db/repositories/help-record-parts.ts';
import { findRecord, lockRecord } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import { canDoHelp, HELP_RECORD, type HelpRecordStatus, wrongHelpState } from '../../domain/help-records.ts';
import { extensionOf, PHOTO_MAX_BYTES, sniffImage, THUMBNAIL_MAX_BYTES } from '../../domain/photos.ts';
import type { Actor } from '../access/actor.ts';
import { flagReusedPhoto } from '../record-trust/flag-records.ts';
import type { Storage } from '../storage/storage.ts';
import { write } from '../write.ts';
import { checkOwnRecord } from './help-actor.ts';
import { type HelpRecordDetail, loadDetail } from './help-view.ts';

export interface PhotoInput {
  data: string;
  thumbnail: string;
  width?: number | undefined;
  height?: number | undefined;
}

/** The decoded, checked image, or a field problem. */
function decode(
  path: string,
  base64: string,
  max: number,
): { bytes: Buffer; mime: ReturnType<typeof sniffImage> } | FieldProblem {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return { path, code: 'empty', message: { zh: '图片为空', en: 'The image is empty' } };
  if (bytes.length > max) {
    const mb = (max / 1024 / 1024).toFixed(max >= 1024 * 1024 ? 0 : 2);
    return {
      path,
      code: 'too_large',
      message: { zh: `图片不能超过 ${mb} MB`, en: `The image must not exceed ${mb} MB` },
    };
  }
  const mime = sniffImage(bytes);
  if (!mime) {
    return {
      path,
      code: 'bad_type',
      message: { zh: '只接受 JPEG、PNG 或 WebP 图片', en: 'Only JPEG, PNG or WebP images are accepted' },
    };
  }
  return { bytes, mime };
}

/** Checks photo and thumbnail; 422 with every problem (an activity's photos are checked the same way). */
export function checkImages(input: PhotoInput) {
  const photo = decode('data', input.data, PHOTO_MAX_BYTES);
  const thumb = decode('thumbnail', input.thumbnail, THUMBNAIL_MAX_BYTES);
  const problems = [photo, thumb].filter((x): x is FieldProblem => 'path' in x);
  if (problems.length > 0) throw AppError.rules(problems);
  return {
    photo: photo as { bytes: Buffer; mime: NonNullable<ReturnType<typeof sniffImage>> },
    thumb: thumb as { bytes: Buffer; mime: NonNullable<ReturnType<typeof sniffImage>> },
  };
}

/** Stores the photo of record `id`; 404 unknown or not the member user's own, 409 once verified, 422 bad image. */
export async function addHelpPhoto(
  db: Kysely<Database>,
  storage: Storage,
  county: string,
  id: number,
  actor: Actor,
  input: PhotoInput,
): Promise<HelpRecordDetail> {
  const { photo, thumb } = checkImages(input);
  const base = `${county}/help/${id}/${randomUUID()}`;
  const keys = { photo: `${base}.${extensionOf(photo.mime)}`, thumb: `${base}-thumb.${extensionOf(thumb.mime)}` };
  await storage.put(keys.photo, photo.bytes);
  await storage.put(keys.thumb, thumb.bytes);
  try {
    await write(db, county, async (ctx) => {
      const { tx } = ctx;
      await lockRecord(tx, county, id);
      const row = await findRecord(tx, county, id);
      if (!row) throw AppError.notFound(HELP_RECORD);
      checkOwnRecord(actor, county, row.natural_village_code, Number(row.member_id), HELP_RECORD);
      const status = row.status as HelpRecordStatus;
      if (!canDoHelp('edit', status)) throw new AppError('conflict', wrongHelpState('edit', status));
      const photoId = await insertPhoto(tx, county, {
        recordId: id,
        storageKey: keys.photo,
        mime: photo.mime,
        bytes: photo.bytes.length,
        width: input.width ?? null,
        height: input.height ?? null,
        thumbnailKey: keys.thumb,
        thumbnailMime: thumb.mime,
        thumbnailBytes: thumb.bytes.length,
        uploadedBy: actor.userId,
        contentHash: createHash('sha256').update(photo.bytes).digest('hex'),
      });
      ctx.audit({
        action: 'help_record.photo',
        table: 'assistance_photo',
        recordId: photoId,
        orgCode: row.natural_village_code,
        diff: { record_id: [null, id], mime: [null, photo.mime], bytes: [null, photo.bytes.length] },
      });
      await flagReusedPhoto(ctx, id, row.natural_village_code);
    });
  } catch (error) {
    await Promise.all([storage.delete(keys.photo), storage.delete(keys.thumb)]);
    throw error;
  }
  return loadDetail(db, county, id);
}
