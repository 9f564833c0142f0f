/** Help records (帮扶纪实): rows, edit history and photos. Queries only. */
import { type Kysely, type Selectable, sql } from 'kysely';
import { businessNow } from '../../domain/clock.ts';
import type { AssistanceRecordTable, Database, HelpRecordStatus } from '../schema.ts';

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

/** The columns of a record row, as an insert returns them. */
const RECORD_COLUMNS = [
  'id',
  'client_id',
  'household_id',
  'member_id',
  'pairing_id',
  'visited_on',
  'measure',
  'need_id',
  'solved_need',
  'content',
  'lat',
  'lng',
  'status',
  'verified_by',
  'verified_at',
  'verify_comment',
  'version',
  'created_at',
  'updated_at',
  'confirmation',
  'confirmed_via',
] as const;

/**
 * Inserts the rows whose clientId the county does not have yet; clientId → the stored row. One statement text
 * whatever the number of rows (unnest of arrays), so it is prepared once per connection.
 */
export async function insertRecordsOnce(db: Kysely<Database>, county: string, rows: NewHelpRecord[]) {
  const col = <K extends keyof NewHelpRecord>(key: K) => rows.map((r) => r[key]);
  const { rows: inserted } = await sql<Pick<Selectable<AssistanceRecordTable>, (typeof RECORD_COLUMNS)[number]>>`
    insert into assistance_record (county_code, client_id, household_id, member_id, pairing_id, visited_on,
                                   measure, need_id, solved_need, content, lat, lng, created_by)
    select ${county}, * from unnest(${col('clientId')}::uuid[], ${col('householdId')}::bigint[],
      ${col('memberId')}::bigint[], ${col('pairingId')}::bigint[], ${col('visitedOn')}::date[],
      ${col('measure')}::text[], ${col('needId')}::bigint[], ${col('solvedNeed')}::boolean[],
      ${col('content')}::text[], ${col('lat')}::double precision[], ${col('lng')}::double precision[],
      ${col('createdBy')}::integer[])
    on conflict (county_code, client_id) do nothing
    returning ${sql.join(RECORD_COLUMNS.map((c) => sql.ref(c)))}`.execute(db);
  return new Map(inserted.map((r) => [r.client_id, r]));
}

export type InsertedRecord = Awaited<ReturnType<typeof insertRecordsOnce>> extends Map<string, infer R> ? R : never;

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
      'r.confirmation',
      'r.confirmed_via',
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
