/**
 * Reads an uploaded file row by row without building the workbook: .xlsx through ExcelJS's streaming reader
 * (rows are handed on as they are parsed), .csv as text. Refuses what cannot be read with a message a clerk can act
 * on: an encrypted workbook or an old .xls (both OLE files), a damaged file, anything else that is not a workbook.
 */
import { Readable } from 'node:stream';
import type * as Excel from 'exceljs';
import type { Localized } from '../../domain/errors.ts';
import { csvRows, decodeCsv } from './csv.ts';
import ExcelJS from './exceljs.ts';
import { type Cell, FileRefused, MAX_FILE_BYTES, type SheetRow } from './types.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What the reader found besides rows: notices for the report and the count of blank lines skipped. */
export interface ReadState {
  notices: Localized[];
  blankLines: number;
}

/** The file's format, or a refusal before any row is read. */
export function formatOf(bytes: Uint8Array): 'xlsx' | 'csv' {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new FileRefused('file_too_large', {
      zh: `文件有 ${(bytes.length / 1048576).toFixed(1)} MB，超过 50 MB 上限；请按乡镇拆分成几个文件分别导入`,
      en: `The file is ${(bytes.length / 1048576).toFixed(1)} MB, over the 50 MB limit; split it by township`,
    });
  }
  if (bytes.length === 0) throw new FileRefused('file_empty', { zh: '文件是空的', en: 'The file is empty' });
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) {
    throw new FileRefused('file_encrypted_or_xls', {
      zh: '文件设置了打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码并另存为 .xlsx 后再导入',
      en: 'The file is password-protected or an old .xls: remove the password and save it as .xlsx',
    });
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new FileRefused('file_not_table', {
      zh: '无法识别的文件：请上传 .xlsx 或 .csv 文件',
      en: 'Not a spreadsheet: upload an .xlsx or .csv file',
    });
  }
  return 'csv';
}

type ExcelValue = Excel.CellValue;

/** One ExcelJS value as a cell: rich text joined, a formula as its cached result, a link as its text. */
export function toCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelValue }).result;
    if (result === undefined || result === null || (typeof result === 'object' && 'error' in result)) {
      return { formula: String((value as { formula?: string }).formula ?? '') };
    }
    return toCell(result);
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return null;
  return String(value);
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

const DAMAGED: Localized = {
  zh: '文件已损坏或不是有效的 .xlsx 工作簿，无法读取',
  en: 'The file is damaged or not a valid .xlsx workbook',
};

async function* xlsxRows(bytes: Uint8Array, state: ReadState): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      for await (const row of sheet) {
        const values = (row.values as ExcelValue[]).slice(1).map(toCell);
        if (isBlank(values)) state.blankLines++;
        else yield { sheet: name, row: row.number, cells: values };
      }
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused('file_damaged', DAMAGED);
  }
}

function* csvSheetRows(bytes: Uint8Array, sheet: string, state: ReadState): Generator<SheetRow> {
  const { text, notice } = decodeCsv(bytes);
  if (notice) state.notices.push(notice);
  let row = 0;
  for (const fields of csvRows(text)) {
    row++;
    if (isBlank(fields)) state.blankLines++;
    else yield { sheet, row, cells: fields.map((f) => (f === '' ? null : f)) };
  }
}

/** Every non-blank row of the file in order; a CSV's rows belong to `csvSheet`. */
export function readRows(
  bytes: Uint8Array,
  csvSheet: string,
  state: ReadState,
): AsyncIterable<SheetRow> | Iterable<SheetRow> {
  return formatOf(bytes) === 'xlsx' ? xlsxRows(bytes, state) : csvSheetRows(bytes, csvSheet, state);
}
