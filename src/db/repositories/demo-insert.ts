/**
 * Batched inserts for the demo seed. Each batch is one statement that passes one array per column and expands
 * them with unnest(), instead of a multi-row VALUES list with one bind parameter per value: measured on
 * PGlite, 1,000 household_income rows took ~90 ms as VALUES (Postgres spends most of it parsing 12,000
 * parameters) and ~42 ms as column arrays. It also keeps every statement at a handful of parameters,
 * far from PostgreSQL's limit of 65,535. Same SQL on PGlite and PostgreSQL.
 */
import { type Insertable, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { analyzeTables } from '../statistics.ts';

/** Rows per statement: large enough to amortise the round trip, small enough to keep arrays modest. */
export const BATCH_ROWS = 2_000;

type TableName = keyof Database & string;

/** SQL types of a table's columns ('character(6)', 'text[]' …), read once per table from the catalog. */
export class ColumnTypes {
  private readonly cache = new Map<string, Map<string, string>>();

  /** `db` is the executor in use (a transaction, where one is open: PGlite has a single connection). */
  async of(db: Kysely<Database>, table: TableName): Promise<Map<string, string>> {
    const cached = this.cache.get(table);
    if (cached) return cached;
    const result = await sql<{ name: string; type: string }>`
      select attname as name, format_type(atttypid, atttypmod) as type
      from pg_attribute where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`.execute(db);
    const types = new Map(result.rows.map((r) => [r.name, r.type]));
    this.cache.set(table, types);
    return types;
  }
}

/** A Postgres array literal for a text[] value ('{"a","b"}'), so a ragged column travels as one text[]. */
function arrayLiteral(items: readonly unknown[]): string {
  return `{${items.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/** insert … select … from unnest($1::t1[], $2::t2[], …) for one batch of same-shaped rows. */
function unnestInsert(
  table: TableName,
  columns: readonly string[],
  types: Map<string, string>,
  rows: readonly Record<string, unknown>[],
): RawBuilder<unknown> {
  const arrays = columns.map((column) => {
    const type = types.get(column);
    if (!type) throw new Error(`unknown column ${table}.${column}`);
    const isArray = type.endsWith('[]');
    const values = rows.map((row) => {
      const value = row[column] ?? null;
      return isArray && Array.isArray(value) ? arrayLiteral(value) : value;
    });
    // Array-typed columns travel as text literals and are cast back per row.
    return {
      column,
      param: sql`${values}::${sql.raw(isArray ? 'text[]' : `${type}[]`)}`,
      cast: isArray ? sql`::${sql.raw(type)}` : sql``,
    };
  });
  const names = sql.join(columns.map((c) => sql.ref(c)));
  const selected = sql.join(arrays.map((a) => sql`${sql.ref(`u.${a.column}`)}${a.cast}`));
  return sql`insert into ${sql.table(table)} (${names}) select ${selected} from unnest(${sql.join(arrays.map((a) => a.param))}) as u(${names})`;
}

/** Inserts rows (all with the same keys) into `table` in batches, in order. Nothing happens for none. */
export async function insertBatches<T extends TableName>(
  db: Kysely<Database>,
  types: ColumnTypes,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const columnTypes = await types.of(db, table);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS) as readonly Record<string, unknown>[];
    await unnestInsert(table, columns, columnTypes, batch).execute(db);
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
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), max_id) from (select max(id) as max_id from ${sql.table(table)}) m where max_id is not null`.execute(
    db,
  );
}

/**
 * Refreshes the planner's statistics of a table just filled. Without it the foreign-key checks of the
 * next inserts (cached plans made while the parent was empty) scan the whole parent table for every
 * row: measured on PGlite, 1,600 child rows took 279 ms of trigger time before ANALYZE and 15 ms after.
 * ANALYZE also invalidates those cached plans. It runs inside the caller's transaction, as the owner
 * (db/statistics.ts: the application role may analyze nothing).
 */
export async function analyze(tx: Transaction<Database>, table: keyof Database & string): Promise<void> {
  await analyzeTables(tx, [table]);
}
