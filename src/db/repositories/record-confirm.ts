/** Household confirmation of help records: one-time codes (stored hashed) and the record's confirmation. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Stores (or replaces) the code of record `recordId`; a replaced code stops working. */
export async function upsertConfirmCode(
  db: Kysely<Database>,
  county: string,
  c: { recordId: number; householdId: number; hash: string; expiresAt: Date; by: number | null },
) {
  const values = {
    code_hash: c.hash,
    expires_at: c.expiresAt,
    used_at: null,
    created_by: c.by,
    created_at: new Date(),
  };
  await db
    .insertInto('record_confirm_code')
    .values({ county_code: county, record_id: c.recordId, household_id: c.householdId, ...values })
    .onConflict((oc) => oc.columns(['county_code', 'record_id']).doUpdateSet(values))
    .execute();
}

/** The record an unused, unexpired code of household `householdId` belongs to (locked), or undefined. */
export async function takeConfirmCode(
  db: Kysely<Database>,
  county: string,
  householdId: number,
  hash: string,
  now: Date,
) {
  const row = await db
    .selectFrom('record_confirm_code')
    .select(sql<number>`record_id::int`.as('recordId'))
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .updateTable('record_confirm_code')
    .set({ used_at: now })
    .where('county_code', '=', county)
    .where('record_id', '=', row.recordId)
    .execute();
  return row.recordId;
}

/** Sets the household's word on a record. */
export async function setConfirmation(
  db: Kysely<Database>,
  county: string,
  recordId: number,
  c: { state: 'confirmed' | 'disputed'; via: 'household' | 'village'; comment: string | null; at: Date },
) {
  await db
    .updateTable('assistance_record')
    .set({ confirmation: c.state, confirmed_via: c.via, confirmation_comment: c.comment, confirmed_at: c.at })
    .where('county_code', '=', county)
    .where('id', '=', recordId)
    .execute();
}

/** The plaque code of the pairing a record was made under (null without one). */
export async function plaqueOfRecord(db: Kysely<Database>, county: string, recordId: number) {
  const row = await db
    .selectFrom('assistance_record as r')
    .innerJoin('pairing as p', (j) => j.onRef('p.county_code', '=', 'r.county_code').onRef('p.id', '=', 'r.pairing_id'))
    .select('p.plaque_code')
    .where('r.county_code', '=', county)
    .where('r.id', '=', recordId)
    .executeTakeFirst();
  return row?.plaque_code ?? null;
}
