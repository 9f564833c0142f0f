/**
 * What every import kind provides: its sheets, how parsed rows become units (an org unit, a member card, a household
 * with its persons and income years), how units are checked against the API's rules and the county's records, how
 * checked units are written, and how the county's records are read back as sheet rows (exports and round trips).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import type { WriteContext } from '../write.ts';
import type { Lookup } from './columns.ts';
import type { MappedSheet, SheetSpec } from './sheets.ts';
import type { ImportKind, ImportProblem } from './types.ts';

/** One parsed line of a sheet: its fields and the problems of its cells. */
export interface ParsedRow {
  sheetIndex: number;
  mapped: MappedSheet;
  row: number;
  values: Record<string, unknown>;
  problems: ImportProblem[];
}

export type UnitAction = 'create' | 'update' | 'unchanged' | 'invalid';

/** A record to import: its key (code, ID number, registry number), the API-shaped input and its verdict. */
export interface Unit<I = unknown> {
  key: string;
  input: I;
  problems: ImportProblem[];
  action: UnitAction;
  /** Where an API field path of the input sits in the file (sheet, row, column). */
  place(path: string): Omit<ImportProblem, 'code' | 'message'>;
}

/** What checking and applying read: the database, the county, the dictionary and the business date. */
export interface KindContext {
  db: Kysely<Database>;
  county: string;
  lookup: Lookup;
  today: string;
}

export interface KindDefinition<U extends Unit<unknown> = Unit<unknown>> {
  kind: ImportKind;
  sheets: SheetSpec[];
  build(rows: ParsedRow[]): U[];
  check(ctx: KindContext, units: U[]): Promise<void>;
  /** Writes the units (created or updated) inside the write envelope's transaction. */
  apply(w: WriteContext, ctx: KindContext, units: U[]): Promise<void>;
  /** Rows of each sheet for the records under `under` (a division code), page by page. */
  exportRows(
    ctx: KindContext,
    under: string | undefined,
  ): AsyncIterable<{ sheetIndex: number; values: Record<string, unknown> }>;
}

/** Field problems (API paths) placed at their cells on the unit; the unit becomes invalid. */
export function addProblems(unit: Unit<unknown>, problems: readonly FieldProblem[]): void {
  for (const p of problems) unit.problems.push({ ...unit.place(p.path), code: p.code, message: p.message });
  if (problems.length > 0) unit.action = 'invalid';
}

/** The unit of a single-row kind: its location comes from the one row. */
export function rowPlace(row: ParsedRow) {
  return (path: string) => {
    const field = path.split('.')[0] ?? '';
    const index = row.mapped.indexOf.get(field);
    return {
      sheet: row.mapped.sheet,
      row: row.row,
      column: index ?? null,
      header: index === undefined ? null : (row.mapped.titles[index] ?? null),
    };
  };
}

/** Marks a later unit with the same key as a duplicate of the first. */
export function duplicateProblems(units: Unit<unknown>[], field: string, what: { zh: string; en: string }): void {
  const first = new Map<string, Unit<unknown>>();
  for (const unit of units) {
    const seen = first.get(unit.key);
    if (!seen) {
      first.set(unit.key, unit);
      continue;
    }
    const at = seen.place(field);
    addProblems(unit, [
      {
        path: field,
        code: 'duplicate_in_file',
        message: {
          zh: `${what.zh}“${unit.key}”在文件中重复（第 ${at.row} 行已有）`,
          en: `${what.en} "${unit.key}" appears twice in the file (already on row ${at.row})`,
        },
      },
    ]);
  }
}

/** Whether a unit has a problem (a function, so checks after a mutation are not narrowed away). */
export const isInvalid = (unit: Unit<unknown>): boolean => unit.action === 'invalid';
