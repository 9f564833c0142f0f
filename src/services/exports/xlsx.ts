/**
 * Styled .xlsx sheets written as a stream (ExcelJS's streaming writer: each row is written out when committed, so
 * a county-wide ledger never sits in memory): Chinese sheet names, a bold filled header row, column widths, an
 * auto filter and a frozen header. Shared by exports, templates and the annotated workbook of a dry run.
 */
import type { Writable } from 'node:stream';
import type * as Excel from 'exceljs';
import type { ColumnSpec } from '../imports/columns.ts';
import ExcelJS from '../imports/exceljs.ts';

export type Book = Excel.stream.xlsx.WorkbookWriter;
export type Sheet = Excel.Worksheet;

/** A workbook writing into `stream`. */
export function openBook(stream: Writable): Book {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
}

const HEADER_FILL: Excel.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** Width of a column in characters: Chinese titles count double. */
const widthOf = (spec: ColumnSpec) =>
  Math.max(10, Math.min(40, [...spec.header].length * 2 + 4, spec.type === 'id' ? 22 : 40));

/** A sheet with the columns' titles as its frozen, filtered, styled header row (written and committed). */
export function addTableSheet(book: Book, name: string, columns: readonly ColumnSpec[], titles?: string[]): Sheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    key: c.field,
    width: widthOf(c),
    // ID numbers, codes and text stay text in Excel (no lost digits, no leading zeros dropped).
    style: c.type === 'id' || c.type === 'text' ? { numFmt: '@' } : {},
  }));
  const header = sheet.addRow(titles ?? columns.map((c) => (c.required ? `${c.header}*` : c.header)));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
  return sheet;
}

/** Writes the values of one row (by column order) and commits it. */
export function addValues(sheet: Sheet, values: ReadonlyArray<string | number | null>): Excel.Row {
  const row = sheet.addRow(values.map((v) => (v === '' ? null : v)));
  return row;
}
