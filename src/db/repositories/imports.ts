/**
 * Queries of imports and exports: the county's existing records in bulk (matched by org code, ID number and
 * registry number; read page by page for exports so a county-wide file never sits in memory), and import jobs.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, ImportJobTable } from '../schema.ts';

const within = (code: string | undefined) => `${code ?? ''}%`;

/** Org units of the county under `under` (villages and natural villages), in code order. */
export function orgUnitsUnder(db: Kysely<Database>, county: string, under?: string) {
  return db
    .selectFrom('org_unit')
    .select(['code', 'parent_code', 'level', 'kind', 'name', 'path', 'lat', 'lng'])
    .where('county_code', '=', county)
    .where('code', 'like', within(under))
    .orderBy('code')
    .execute();
}

/** A page of member cards under `under`, after member id `after`, by id. */
export function memberPage(
  db: Kysely<Database>,
  county: string,
  under: string | undefined,
  after: number,
  limit: number,
) {
  return db
    .selectFrom('party_member')
    .selectAll()
    .where('county_code', '=', county)
    .where('natural_village_code', 'like', within(under))
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Every member card of the county keyed later by ID number (the import's match). */
export function membersOfCounty(db: Kysely<Database>, county: string) {
  return db.selectFrom('party_member').selectAll().where('county_code', '=', county).execute();
}

/** A page of households under `under`, after household id `after`, by id. */
export function householdPage(
  db: Kysely<Database>,
  county: string,
  under: string | undefined,
  after: number,
  limit: number,
) {
  return db
    .selectFrom('household')
    .selectAll()
    .where('county_code', '=', county)
    .where('natural_village_code', 'like', within(under))
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Households of the county by registry number: id, registry number and every column (the import's match). */
export function householdsOfCounty(db: Kysely<Database>, county: string) {
  return db.selectFrom('household').selectAll().where('county_code', '=', county).execute();
}

/** Current persons of the given households, by household then id. */
export function personsOf(db: Kysely<Database>, county: string, householdIds: readonly number[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('household_person')
    .selectAll()
    .where('county_code', '=', county)
    .where('household_id', 'in', householdIds)
    .where('removed_on', 'is', null)
    .orderBy('household_id')
    .orderBy('id')
    .execute();
}

/** Current persons of the county: ID number and household (a person registered twice is refused). */
export function personIdsOfCounty(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('household_person')
    .select(['id_number', 'household_id'])
    .where('county_code', '=', county)
    .where('removed_on', 'is', null)
    .execute();
}

/** Income years of the given households, by household then year. */
export function incomeOf(db: Kysely<Database>, county: string, householdIds: readonly number[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('household_income')
    .selectAll()
    .where('county_code', '=', county)
    .where('household_id', 'in', householdIds)
    .orderBy('household_id')
    .orderBy('year')
    .execute();
}

// ---- import jobs ----

const JOB_COLUMNS = [
  'county_code',
  'id',
  'kind',
  'file_name',
  'file_size',
  'created_by',
  'created_by_name',
  'created_at',
  'finished_at',
  'status',
  'mode',
  'counts',
  'problem_count',
  'problems',
  'message',
] as const;

/** Records a new job; answers its id. */
export async function insertImportJob(db: Kysely<Database>, row: Insertable<ImportJobTable>): Promise<number> {
  const { id } = await db.insertInto('import_job').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Changes a job's status, counts, problems or files. */
export async function updateImportJob(
  db: Kysely<Database>,
  county: string,
  id: number,
  patch: Updateable<ImportJobTable>,
): Promise<void> {
  await db.updateTable('import_job').set(patch).where('county_code', '=', county).where('id', '=', id).execute();
}

/** One job without its files. */
export function findImportJob(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('import_job')
    .select(JOB_COLUMNS)
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A job's uploaded file or annotated workbook. */
export async function importJobFile(
  db: Kysely<Database>,
  county: string,
  id: number,
  which: 'source' | 'annotated',
): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('import_job')
    .select(which)
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
  return (row?.[which] as Uint8Array | null | undefined) ?? null;
}

/** The county's latest jobs, newest first. */
export function recentImportJobs(db: Kysely<Database>, county: string, limit: number) {
  return db
    .selectFrom('import_job')
    .select(JOB_COLUMNS)
    .where('county_code', '=', county)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Every current person of the county (the import's match and its "registered twice" check). */
export function personsOfCounty(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('household_person')
    .selectAll()
    .where('county_code', '=', county)
    .where('removed_on', 'is', null)
    .orderBy('household_id')
    .orderBy('id')
    .execute();
}

/** Every income year of the county. */
export function incomeOfCounty(db: Kysely<Database>, county: string) {
  return db.selectFrom('household_income').selectAll().where('county_code', '=', county).execute();
}
