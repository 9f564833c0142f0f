/** Help records (帮扶纪实): rows, edit history and photos. Queries only. */
import { type Kysely, sql } from 'kysely';
import { businessNow } from '../../domain/clock.ts';
import type { Database, HelpRecordStatus } from '../schema.ts';

/** The columns a service writes when creating a record. */
export interface NewHelpRecord {
  clientId: string;
  householdId: number;
  memberId: number;
  pairingId: number | null;
  visitedOn: string;
  measure: string;
  needId: number | null;
  solvedNeed: boolean;
  content: string;
  lat: number | null;
  lng: number | null;
  createdBy: number | null;
}

/** Inserts the rows whose clientId the county does not have yet (one statement); clientId → new id. */
export async function insertRecordsOnce(db: Kysely<Database>, county: string, rows: NewHelpRecord[]) {
  const inserted = await db
    .insertInto('assistance_record')
    .values(
      rows.map((r) => ({
        county_code: county,
        client_id: r.clientId,
        household_id: r.householdId,
        member_id: r.memberId,
        pairing_id: r.pairingId,
        visited_on: r.visitedOn,
        measure: r.measure,
        need_id: r.needId,
        solved_need: r.solvedNeed,
        content: r.content,
        lat: r.lat,
        lng: r.lng,
        created_by: r.createdBy,
      })),
    )
    .onConflict((oc) => oc.columns(['county_code', 'client_id']).doNothing())
    .returning(['id', 'client_id'])
    .execute();
  return new Map(inserted.map((r) => [r.client_id, Number(r.id)]));
}

/** The id of the record a client created with `clientId`, if any. */
export async function idByClientId(db: Kysely<Database>, county: string, clientId: string) {
  const row = await db
    .selectFrom('assistance_record')
    .select('id')
    .where('county_code', '=', county)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** Records joined to household, member and need, for lists and detail. */
export function recordsQuery(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('assistance_record as r')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'r.county_code').onRef('h.id', '=', 'r.household_id'),
    )
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'r.county_code').onRef('m.id', '=', 'r.member_id'),
    )
    .leftJoin('household_need as n', (j) =>
      j.onRef('n.county_code', '=', 'r.county_code').onRef('n.id', '=', 'r.need_id'),
    )
    .where('r.county_code', '=', county)
    .select([
      'r.id',
      'r.client_id',
      'r.household_id',
      'r.member_id',
      'r.pairing_id',
      'r.visited_on',
      'r.measure',
      'r.need_id',
      'r.solved_need',
      'r.content',
      'r.lat',
      'r.lng',
      'r.status',
      'r.verified_by',
      'r.verified_at',
      'r.verify_comment',
      'r.version',
      'r.created_at',
      'r.updated_at',
      'h.head_name',
      'h.natural_village_code',
      'm.name as member_name',
      'n.need as need',
    ]);
}

export type HelpRecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** One record of `county`. */
export async function findRecord(db: Kysely<Database>, county: string, id: number) {
  return recordsQuery(db, county).where('r.id', '=', id).executeTakeFirst();
}

/** Locks record `id` for a write (concurrent edits and verifications queue up). */
export async function lockRecord(db: Kysely<Database>, county: string, id: number): Promise<void> {
  await db
    .selectFrom('assistance_record')
    .select('id')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .execute();
}

/** The editable fields of a record. */
export interface HelpRecordEdit {
  visitedOn: string;
  measure: string;
  needId: number | null;
  solvedNeed: boolean;
  content: string;
  lat: number | null;
  lng: number | null;
}

/** Writes an edit: the fields, version + 1, and a returned record is submitted again. */
export async function updateRecord(db: Kysely<Database>, county: string, id: number, e: HelpRecordEdit) {
  await db
    .updateTable('assistance_record')
    .set((eb) => ({
      visited_on: e.visitedOn,
      measure: e.measure,
      need_id: e.needId,
      solved_need: e.solvedNeed,
      content: e.content,
      lat: e.lat,
      lng: e.lng,
      status: 'submitted',
      verified_by: null,
      verified_at: null,
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

/** Keeps the values an edit replaces, as version `version`. */
export async function insertVersion(
  db: Kysely<Database>,
  county: string,
  recordId: number,
  version: number,
  previous: Record<string, unknown>,
  editedBy: number | null,
) {
  await db
    .insertInto('assistance_record_version')
    .values({
      county_code: county,
      record_id: recordId,
      version,
      previous: JSON.stringify(previous),
      edited_by: editedBy,
    })
    .execute();
}

/** Sets the verification outcome. */
export async function setVerification(
  db: Kysely<Database>,
  county: string,
  id: number,
  status: Exclude<HelpRecordStatus, 'submitted'>,
  comment: string,
  by: number | null,
  at: Date = businessNow(),
) {
  await db
    .updateTable('assistance_record')
    .set({
      status,
      verify_comment: comment,
      verified_by: by ?? 0,
      // When the village verified it is a business fact (the seed dates it in the demo year): business time.
      verified_at: at,
      updated_at: sql<Date>`now()`,
    })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

/** The edit history of a record, oldest first. */
export async function versionsOf(db: Kysely<Database>, county: string, recordId: number) {
  return db
    .selectFrom('assistance_record_version')
    .select(['version', 'previous', 'edited_by', 'edited_at'])
    .where('county_code', '=', county)
    .where('record_id', '=', recordId)
    .orderBy('version')
    .execute();
}

/** The photos of a record, in upload order. */
export async function photosOf(db: Kysely<Database>, county: string, recordId: number) {
  return db
    .selectFrom('assistance_photo')
    .selectAll()
    .where('county_code', '=', county)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

/** One photo of a record. */
export async function findPhoto(db: Kysely<Database>, county: string, recordId: number, photoId: number) {
  return db
    .selectFrom('assistance_photo')
    .selectAll()
    .where('county_code', '=', county)
    .where('record_id', '=', recordId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}
