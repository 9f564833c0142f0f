/** Global key/value settings (`app_setting`, migration 08): read, write (upsert) and remove one key. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The value of a setting, or undefined when it is not set. */
export async function readSetting(db: Kysely<Database>, key: string): Promise<unknown> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/**
 * Sets a setting (insert or replace), stamping the real time of the change — passed as a value: a distributed
 * database (Citus) refuses `now()` in an upsert's update of a reference table.
 */
export async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  const changedAt = new Date();
  await db
    .insertInto('app_setting')
    .values({ key, value: json, updated_at: changedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: changedAt }))
    .execute();
}

/** Removes a setting; whether it was there. */
export async function removeSetting(db: Kysely<Database>, key: string): Promise<boolean> {
  const result = await db.deleteFrom('app_setting').where('key', '=', key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
