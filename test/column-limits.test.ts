/**
 * Every numeric bound and string length a write route's schema allows must fit the column the field is written
 * to: numeric(p, s), smallint/integer ranges and varchar/char lengths are read from the migrated database and
 * compared with the maxima of every body field of every write route in /openapi.json (fields are matched to the
 * columns of the same snake_case name, in every table that has one). A field the schema leaves unbounded fails
 * when its column is bounded.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { type BodyField, bodyFields, type JsonSchema, writeRoutes } from './openapi-walk.ts';

interface Column {
  table: string;
  column: string;
  type: string;
  length: number | null;
  precision: number | null;
  scale: number | null;
}

/** Body fields whose column has another name. */
const COLUMN_OF: Record<string, string> = {
  perCapitaNetIncome: 'per_capita_net',
  days: 'notice_days',
  successorMemberId: 'member_id',
  otherGridId: 'grid_id',
  naturalVillages: 'natural_village_code',
  scope: 'scope_code',
};

/**
 * Fields the service rewrites before storing, with the reason the stored value fits (the fuzz test checks that
 * longer inputs are refused with a 4xx, never a 500).
 */
const REWRITTEN: Record<string, string> = {
  idNumber: 'spaces removed and 15-digit numbers upgraded; anything but a valid 18-character ID is refused (422)',
};

const snake = (name: string) => COLUMN_OF[name] ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The largest value the column holds, or null when it is not a bounded number. */
function columnMaximum(c: Column): number | null {
  if (c.type === 'smallint') return 32767;
  if (c.type === 'integer') return 2147483647;
  if (c.type === 'bigint') return Number.MAX_SAFE_INTEGER;
  if (c.type === 'numeric' && c.precision !== null) return 10 ** (c.precision - (c.scale ?? 0)) - 10 ** -(c.scale ?? 0);
  return null;
}

/** Longest string a simple anchored pattern matches (Infinity when unbounded); enough for the house patterns. */
function patternMaxLength(pattern: string): number {
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  let i = 0;
  function sequence(): number {
    let total = 0;
    while (i < body.length && body[i] !== ')' && body[i] !== '|') total += quantified(atom());
    return total;
  }
  function alternation(): number {
    let longest = sequence();
    while (body[i] === '|') {
      i += 1;
      longest = Math.max(longest, sequence());
    }
    return longest;
  }
  function atom(): number {
    const c = body[i];
    if (c === '(') {
      i += body.startsWith('(?:', i) ? 3 : 1;
      const inner = alternation();
      i += 1; // ')'
      return inner;
    }
    if (c === '[') {
      i = body.indexOf(']', i + 2) + 1;
      return 1;
    }
    i += c === '\\' ? 2 : 1;
    return 1;
  }
  function quantified(length: number): number {
    const rest = body.slice(i);
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (braces) {
      i += braces[0].length;
      const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
      return length * max;
    }
    if (rest[0] === '*' || rest[0] === '+') {
      i += 1;
      return Infinity;
    }
    if (rest[0] === '?') i += 1;
    return length;
  }
  return alternation();
}

function stringMaxLength(schema: JsonSchema): number {
  const fromEnum = schema.enum?.filter((v) => typeof v === 'string').map((v) => v.length) ?? [];
  if (fromEnum.length > 0) return Math.max(...fromEnum);
  if (schema.format === 'date') return 10;
  const fromPattern = schema.pattern ? patternMaxLength(schema.pattern) : Infinity;
  return Math.min(schema.maxLength ?? Infinity, fromPattern);
}

/** What is wrong with writing this field to this column, or null. */
function misfit(field: BodyField, c: Column): string | null {
  if (REWRITTEN[field.name]) return null;
  const s = field.schema;
  const where = `${field.path} → ${c.table}.${c.column} (${c.type})`;
  const types = ([] as unknown[]).concat(s.type ?? (s.enum ? typeof s.enum[0] : []));
  if ((c.type === 'character varying' || c.type === 'character') && c.length !== null) {
    if (!types.includes('string')) return null;
    const longest = stringMaxLength(s);
    return longest > c.length ? `${where}: schema allows ${longest} characters, column holds ${c.length}` : null;
  }
  const columnMax = columnMaximum(c);
  if (columnMax === null || !(types.includes('integer') || types.includes('number'))) return null;
  const max = s.maximum ?? (s.exclusiveMaximum === undefined ? Infinity : s.exclusiveMaximum);
  const min = s.minimum ?? (s.exclusiveMinimum === undefined ? -Infinity : s.exclusiveMinimum);
  if (max > columnMax) return `${where}: schema allows up to ${max}, column holds ${columnMax}`;
  if (min < -columnMax - 1) return `${where}: schema allows down to ${min}, column holds ${-columnMax - 1}`;
  return null;
}

describe('schema limits fit their columns', () => {
  let t: TestApp;
  let columns: Column[];
  beforeAll(async () => {
    t = await createTestApp({ divisions: false });
    const rows = await sql<Column>`
      select table_name as "table", column_name as "column", data_type as "type",
             character_maximum_length as "length", numeric_precision as "precision", numeric_scale as "scale"
        from information_schema.columns
       where table_schema = 'public' and table_name not like 'kysely_%'`.execute(t.database.db);
    columns = rows.rows;
  });
  afterAll(() => t.close());

  test('patternMaxLength reads the house patterns', () => {
    expect(patternMaxLength('^[0-9]{6}([0-9]{3}){0,3}$')).toBe(15);
    expect(patternMaxLength('^[0-9A-Za-z-]{1,30}$')).toBe(30);
    expect(patternMaxLength('^\\d{17}[\\dX]$')).toBe(18);
    expect(patternMaxLength('^(a|bcd)?x+$')).toBe(Infinity);
  });

  test('every body field of every write route fits every column of its name', async () => {
    const routes = await writeRoutes(t.app);
    expect(routes.length).toBeGreaterThan(50);
    const problems: string[] = [];
    let compared = 0;
    for (const route of routes) {
      for (const field of bodyFields(route.body)) {
        for (const c of columns.filter((col) => col.column === snake(field.name))) {
          compared += 1;
          const problem = misfit(field, c);
          if (problem) problems.push(`${route.method} ${route.url} ${problem}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect([...new Set(problems)]).toEqual([]);
  });
});
