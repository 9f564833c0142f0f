/** The bytes of a help record's photo or its thumbnail, for streaming to a signed-in reader. */
import type { Kysely } from 'kysely';
import { findPhoto } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Storage } from '../storage/storage.ts';

const PHOTO = { zh: '照片', en: 'photo' };

/** The photo (or thumbnail) `photoId` of record `recordId`: type and bytes; 404 when unknown or its file is gone. */
export async function readHelpPhoto(
  db: Kysely<Database>,
  storage: Storage,
  county: string,
  recordId: number,
  photoId: number,
  thumbnail: boolean,
): Promise<{ mime: string; bytes: Buffer }> {
  const row = await findPhoto(db, county, recordId, photoId);
  if (!row) throw AppError.notFound(PHOTO);
  const bytes = await storage.get(thumbnail ? row.thumbnail_key : row.storage_key);
  if (!bytes) throw AppError.notFound(PHOTO);
  return { mime: thumbnail ? row.thumbnail_mime : row.mime, bytes };
}
