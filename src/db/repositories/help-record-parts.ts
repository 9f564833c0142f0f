/** What a help record refers to: the household, its current helpers, its needs, the measure codes; and photos. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The household's unit and status (null when not in the county). */
export async function householdOf(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('household')
    .select(['id', 'natural_village_code', 'head_name'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The current pairings of a household: who helps it now. */
export async function currentHelpers(db: Kysely<Database>, county: string, householdId: number) {
  const rows = await db
    .selectFrom('pairing')
    .select(['id', 'member_id'])
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('ended_on', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ pairingId: Number(r.id), memberId: Number(r.member_id) }));
}

/** A need of the household (any status), or undefined. */
export async function needOf(db: Kysely<Database>, county: string, householdId: number, needId: number) {
  return db
    .selectFrom('household_need')
    .select(['id', 'status'])
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('id', '=', needId)
    .executeTakeFirst();
}

/** Whether `code` is an active code of dictionary kind 'measure'. */
export async function isMeasure(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('dictionary')
    .select('code')
    .where('kind', '=', 'measure')
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** The photo columns a service writes. */
export interface NewPhoto {
  recordId: number;
  storageKey: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  thumbnailKey: string;
  thumbnailMime: string;
  thumbnailBytes: number;
  uploadedBy: number | null;
}

/** Inserts a photo row; its id. */
export async function insertPhoto(db: Kysely<Database>, county: string, p: NewPhoto): Promise<number> {
  const row = await db
    .insertInto('assistance_photo')
    .values({
      county_code: county,
      record_id: p.recordId,
      storage_key: p.storageKey,
      mime: p.mime,
      bytes: p.bytes,
      width: p.width,
      height: p.height,
      thumbnail_key: p.thumbnailKey,
      thumbnail_mime: p.thumbnailMime,
      thumbnail_bytes: p.thumbnailBytes,
      uploaded_by: p.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
