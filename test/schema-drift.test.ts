/**
 * The hand-written table types (src/db/schema.ts, as listed in schema-columns.ts, which tsc checks against them)
 * against the migrated database: the same tables, the same columns, the same nullability.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import { createTestDatabase } from './database.ts';
import { SCHEMA_COLUMNS } from './schema-columns.ts';

interface Column {
  table: string;
  column: string;
  nullable: boolean;
  generated: boolean;
}

let handle: DatabaseHandle;
let migrated: Column[];
beforeAll(async () => {
  handle = await createTestDatabase({ asOwner: true });
  const { rows } = await sql<{ table: string; column: string; is_nullable: string; is_generated: string }>`
    select table_name as table, column_name as column, is_nullable, is_generated
      from information_schema.columns
     where table_schema = 'public' and table_name not like 'kysely_%'
     order by table_name, ordinal_position`.execute(handle.db);
  migrated = rows.map((r) => ({
    table: r.table,
    column: r.column,
    nullable: r.is_nullable === 'YES',
    generated: r.is_generated === 'ALWAYS',
  }));
});
afterAll(async () => handle?.close());

const typed = Object.entries(SCHEMA_COLUMNS).flatMap(([table, columns]) =>
  Object.entries(columns as Record<string, string>).map(([column, nullability]) => ({
    table,
    column,
    nullability,
  })),
);

/**
 * Whether a typed nullability fits the migrated column. A generated column is reported nullable whatever its
 * expression, so its type may say either; a column typed `unknown` fits both.
 */
function fits(nullability: string, column: Column): boolean {
  if (nullability === 'any' || column.generated) return true;
  return (nullability === 'null') === column.nullable;
}

describe('schema types against the migrated database', () => {
  it('type every migrated table and column, and nothing else', () => {
    const names = (list: Array<{ table: string; column: string }>) => list.map((c) => `${c.table}.${c.column}`).sort();
    expect(names(typed)).toEqual(names(migrated));
  });

  it('give every column the nullability the database has', () => {
    const byName = new Map(migrated.map((c) => [`${c.table}.${c.column}`, c]));
    const wrong = typed.flatMap(({ table, column, nullability }) => {
      const actual = byName.get(`${table}.${column}`);
      return actual && !fits(nullability, actual)
        ? [`${table}.${column}: typed ${nullability}, migrated ${actual.nullable ? 'null' : 'not null'}`]
        : [];
    });
    expect(wrong).toEqual([]);
  });
});
