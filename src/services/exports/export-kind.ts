/**
 * Exports the records of a kind under a division as .xlsx (one styled sheet per sheet of the kind's template, so
 * the file imports back as it is) or CSV (the kind's main sheet, UTF-8 with a BOM so Excel reads the Chinese).
 * Written as a stream; sensitive columns are masked unless the caller may see them (the route decides).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { maskBankAccount, maskPhone, maskResidentId } from '../../domain/ids.ts';
import { loadLookup } from '../imports/check-file.ts';
import { type ColumnSpec, formatValue, type Lookup } from '../imports/columns.ts';
import { csvField } from '../imports/csv.ts';
import type { KindContext, KindDefinition } from '../imports/kind.ts';
import { KIND_DEFINITIONS } from '../imports/kinds/index.ts';
import type { ImportKind } from '../imports/types.ts';
import { write } from '../write.ts';
import { addTableSheet, addValues, openBook, type Sheet } from './xlsx.ts';

export type ExportFormat = 'xlsx' | 'csv';

const MASKS: Record<string, (value: string) => string> = {
  idNumber: maskResidentId,
  phone: maskPhone,
  bankAccount: maskBankAccount,
};

/** A row's cells in column order, masked where asked. */
function cellsOf(values: Record<string, unknown>, columns: readonly ColumnSpec[], lookup: Lookup, mask: boolean) {
  return columns.map((c) => {
    const cell = formatValue(values[c.field], c, lookup);
    const masker = MASKS[c.field];
    return mask && masker && typeof cell === 'string' && cell !== '' ? masker(cell) : cell;
  });
}

async function put(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export interface ExportOptions {
  format: ExportFormat;
  mask: boolean;
  /** Record an audit entry with the row count (an unmasked export). */
  audit?: boolean;
}

/** The audit entry of an unmasked export: what, where and how many rows left the system in clear. */
async function auditExport(
  db: Kysely<Database>,
  county: string,
  kind: ImportKind,
  under: string | undefined,
  rows: number,
) {
  await write(db, county, async (ctx) => {
    ctx.audit({
      action: 'export.unmasked',
      table: 'export',
      recordId: kind,
      orgCode: under ?? county,
      diff: { rows: [null, rows] },
    });
  });
}

/** Streams the export into `out` (ended when done); answers the number of rows of the main sheet. */
export async function exportKind(
  db: Kysely<Database>,
  county: string,
  kind: ImportKind,
  under: string | undefined,
  out: Writable,
  options: ExportOptions,
): Promise<{ rows: number }> {
  const definition = KIND_DEFINITIONS[kind] as KindDefinition;
  const lookup = await loadLookup(db);
  const ctx: KindContext = { db, county, lookup, today: chinaDateOf() };
  let rows = 0;
  if (options.format === 'csv') {
    const columns = definition.sheets[0]?.columns ?? [];
    await put(out, `\ufeff${columns.map((c) => csvField(c.header)).join(',')}\r\n`);
    for await (const { sheetIndex, values } of definition.exportRows(ctx, under)) {
      if (sheetIndex !== 0) continue;
      rows++;
      await put(
        out,
        `${cellsOf(values, columns, lookup, options.mask)
          .map((v) => csvField(String(v)))
          .join(',')}\r\n`,
      );
    }
    out.end();
    if (options.audit) await auditExport(db, county, kind, under, rows);
    return { rows };
  }
  const book = openBook(out);
  let current = null as { index: number; sheet: Sheet } | null;
  const written = new Set<number>();
  for await (const { sheetIndex, values } of definition.exportRows(ctx, under)) {
    if (current?.index !== sheetIndex) {
      current?.sheet.commit();
      const spec = definition.sheets[sheetIndex];
      if (!spec) continue;
      current = { index: sheetIndex, sheet: addTableSheet(book, spec.name, spec.columns) };
      written.add(sheetIndex);
    }
    if (sheetIndex === 0) rows++;
    const columns = definition.sheets[sheetIndex]?.columns ?? [];
    addValues(current.sheet, cellsOf(values, columns, lookup, options.mask)).commit();
  }
  current?.sheet.commit();
  // Sheets with no rows still appear (with their header), so an empty export imports as an empty file.
  definition.sheets.forEach((spec, index) => {
    if (!written.has(index)) addTableSheet(book, spec.name, spec.columns).commit();
  });
  await book.commit();
  if (options.audit) await auditExport(db, county, kind, under, rows);
  return { rows };
}
