/**
 * Batched inserts for the seed: multi-row INSERT … VALUES of about a thousand rows per statement. One
 * statement per row would cost a round trip each (~1 ms on PGlite); very large statements would break
 * PostgreSQL's limit of 65,535 bind parameters, so the batch shrinks for wide tables.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** PostgreSQL's bind-parameter limit per statement is 65,535; stay well below it. */
const MAX_PARAMETERS = 60_000;
const MAX_ROWS = 1_000;

/** Rows per statement for rows with `columns` columns. */
export function batchSize(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / Math.max(columns, 1))));
}

/** Inserts `rows` into `table` in batches, in order. Nothing happens for an empty list. */
export async function insertBatches<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = batchSize(Object.keys(first).length);
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot relate a generic table name to its row type
    const t0 = performance.now();
    await db.insertInto(table).values(batch as any).execute();
    if (process.env.SEED_DEBUG) console.log(table, batch.length, Math.round(performance.now() - t0));
  }
}

/** Tables whose ids the seed writes explicitly. */
export type IdTable = 'party_member' | 'household' | 'household_person';

/** The largest id in use (0 for an empty table), so explicit ids can continue after it. */
export async function maxId(db: Kysely<Database>, table: IdTable): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/**
 * Moves an identity sequence past the explicit ids just written, so the application's next insert does
 * not collide with them. No-op for an empty table.
 */
export async function resetIdentity(db: Kysely<Database>, table: IdTable): Promise<void> {
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), max_id) from (select max(id) as max_id from ${sql.table(table)}) m where max_id is not null`.execute(db);
}
