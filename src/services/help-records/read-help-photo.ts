/** The bytes of a help record's photo or its thumbnail, for streaming to a signed-in reader. */
import type { Kysely } from 'kysely';
import { findPhoto } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { readPhotoFile } from '../photos/photo-files.ts';
import type { Storage } from '../storage/storage.ts';

/** The photo (or thumbnail) `photoId` of record `recordId`: type and bytes; 404 when unknown or its file is gone. */
export async function readHelpPhoto(
  db: Kysely<Database>,
  storage: Storage,
  county: string,
  recordId: number,
  photoId: number,
  thumbnail: boolean,
): Promise<{ mime: string; bytes: Buffer }> {
  return readPhotoFile(storage, await findPhoto(db, county, recordId, photoId), thumbnail);
}
