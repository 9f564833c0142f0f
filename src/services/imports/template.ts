/**
 * The template of a kind (.xlsx): an instructions sheet, one sheet per sheet of the kind with Chinese headers
 * (required ones starred), a frozen header, text-formatted ID and code columns, a dropdown (data validation list)
 * on every coded column taken from the dictionary, and example rows marked 【示例】 that the import skips. The
 * lists live on a 代码表 sheet because Excel limits an inline list to 255 characters.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { IMPORT_KIND_LABELS } from '../../shared/labels/imports.ts';
import { addTableSheet, addValues, type Book, openBook } from '../exports/xlsx.ts';
import { loadLookup } from './check-file.ts';
import { type ColumnSpec, formatValue, type Lookup } from './columns.ts';
import type { KindDefinition } from './kind.ts';
import { KIND_DEFINITIONS } from './kinds/index.ts';
import { EXAMPLE_MARK, type SheetSpec } from './sheets.ts';
import { TEMPLATE_EXAMPLES } from './template-examples.ts';
import type { ImportKind } from './types.ts';

const CODE_SHEET = '代码表';
/** Rows of a template sheet that get the dropdowns. */
const VALIDATED_ROWS = 5000;

const columnLetter = (index: number): string =>
  index < 26
    ? String.fromCharCode(65 + index)
    : columnLetter(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26));

function instructions(book: Book, kind: ImportKind, sheets: SheetSpec[]): void {
  const sheet = book.addWorksheet('填写说明');
  sheet.columns = [{ width: 24 }, { width: 16 }, { width: 70 }];
  const lines: Array<[string, string, string]> = [
    [`连心 · ${IMPORT_KIND_LABELS[kind].zh}导入模板`, '', ''],
    ['1. 第一行是列名，带 * 的必须填写；列的顺序可以调整，列名也可用常见的别名。', '', ''],
    [`2. 以“${EXAMPLE_MARK}”开头的行是示例，导入时跳过，可以删除。`, '', ''],
    ['3. 有下拉框的列请从下拉框中选择（也可填代码表中的代码）；身份证号请保持“文本”格式。', '', ''],
    ['4. 先“检查”（不写入），按报告修改后再“导入”；同一文件重复导入不会重复登记。', '', ''],
    ['工作表', '列', '说明'],
  ];
  for (const spec of sheets)
    for (const c of spec.columns) lines.push([spec.name, c.required ? `${c.header}*` : c.header, c.hint ?? '']);
  for (const [i, line] of lines.entries()) {
    const row = sheet.addRow(line);
    if (i === 0) row.font = { bold: true, size: 14 };
    row.commit();
  }
  sheet.commit();
}

const codedKinds = (columns: ColumnSpec[]) => [
  ...new Set(columns.flatMap((c) => (c.dict && c.type === 'code' ? [c.dict] : []))),
];

/** Each coded kind's list range on the code sheet (one column per kind). */
function listRanges(kinds: string[], lookup: Lookup): Map<string, string> {
  return new Map(
    kinds.map((k, i) => [
      k,
      `'${CODE_SHEET}'!$${columnLetter(i)}$2:$${columnLetter(i)}$${lookup.labels(k).length + 1}`,
    ]),
  );
}

/** The code sheet: one column of Chinese labels per coded kind used. */
function codeSheet(book: Book, columns: ColumnSpec[], lookup: Lookup): void {
  const kinds = codedKinds(columns);
  const sheet = book.addWorksheet(CODE_SHEET);
  sheet.columns = kinds.map(() => ({ width: 18 }));
  const lists = kinds.map((k) => lookup.labels(k));
  sheet.addRow(kinds.map((k) => columns.find((c) => c.dict === k)?.header ?? k)).commit();
  const height = Math.max(0, ...lists.map((l) => l.length));
  for (let r = 0; r < height; r++) sheet.addRow(lists.map((l) => l[r] ?? null)).commit();
  sheet.commit();
}

type Validations = { add(address: string, validation: ExcelJS.DataValidation): void };

function dataSheet(
  book: Book,
  spec: SheetSpec,
  examples: Array<Record<string, unknown>>,
  lookup: Lookup,
  ranges: Map<string, string>,
): void {
  const sheet = addTableSheet(book, spec.name, spec.columns);
  // The streaming sheet has data validations; ExcelJS's types declare them on the in-memory sheet only.
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  spec.columns.forEach((c, i) => {
    const range = c.dict && c.type === 'code' ? ranges.get(c.dict) : undefined;
    const address = `${columnLetter(i)}2:${columnLetter(i)}${VALIDATED_ROWS}`;
    if (range)
      validations.add(address, {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉框中选择${c.header}`,
      });
    else if (c.type === 'boolean') validations.add(address, { type: 'list', allowBlank: true, formulae: ['"是,否"'] });
  });
  for (const example of examples) {
    const cells = spec.columns.map((c) => formatValue(example[c.field], c, lookup));
    const first = cells.findIndex((v) => typeof v === 'string' && v !== '');
    if (first >= 0) cells[first] = `${EXAMPLE_MARK}${cells[first]}`;
    const row = addValues(sheet, cells);
    row.font = { italic: true, color: { argb: 'FF808080' } };
    row.commit();
  }
  sheet.commit();
}

/** Streams the template of `kind` into `out`. */
export async function writeTemplate(db: Kysely<Database>, kind: ImportKind, out: Writable): Promise<void> {
  const definition = KIND_DEFINITIONS[kind] as KindDefinition;
  const lookup = await loadLookup(db);
  const book = openBook(out);
  instructions(book, kind, definition.sheets);
  // The code sheet is written after the data sheets but referenced by them: Excel resolves names at load.
  const columns = definition.sheets.flatMap((s) => s.columns);
  const ranges = listRanges(codedKinds(columns), lookup);
  for (const [i, spec] of definition.sheets.entries())
    dataSheet(book, spec, TEMPLATE_EXAMPLES[kind][i] ?? [], lookup, ranges);
  codeSheet(book, columns, lookup);
  await book.commit();
}
