/**
 * A sheet of a kind: its name (and synonyms), its columns, and how a file's header row maps onto them. A sheet
 * exported from another system may order and title its columns its own way; titles are matched by name and
 * synonyms, and the mapping is shown in the report (and may be overridden by the user).
 */
import { type ColumnSpec, type Lookup, normalizeHeader, parseCell } from './columns.ts';
import type { ImportProblem, SheetRow } from './types.ts';

export interface SheetSpec {
  name: string;
  en: string;
  synonyms?: string[];
  columns: ColumnSpec[];
}

/** A header row matched: which column index fills which field; unknown titles are listed, not refused. */
export interface MappedSheet {
  spec: SheetSpec;
  sheet: string;
  columnOf: Map<number, ColumnSpec>;
  indexOf: Map<string, number>;
  titles: string[];
  unknown: string[];
}

/** Marks a template's example rows: a cell starting with it makes the row skipped. */
export const EXAMPLE_MARK = '【示例】';

const namesOf = (spec: ColumnSpec) => [spec.header, spec.en, spec.field, ...(spec.synonyms ?? [])].map(normalizeHeader);

/** Matches a header row; `override` maps a title to a field the user chose (the web's mapping step). */
export function mapHeader(row: SheetRow, spec: SheetSpec, override: Record<string, string> = {}): MappedSheet {
  const columnOf = new Map<number, ColumnSpec>();
  const indexOf = new Map<string, number>();
  const titles = row.cells.map((c) => (c === null ? '' : String(c).trim()));
  const unknown: string[] = [];
  titles.forEach((title, index) => {
    if (title === '') return;
    const chosen = override[title];
    const key = normalizeHeader(title);
    const column = chosen
      ? spec.columns.find((c) => c.field === chosen)
      : spec.columns.find((c) => namesOf(c).includes(key));
    if (column && !indexOf.has(column.field)) {
      columnOf.set(index, column);
      indexOf.set(column.field, index);
    } else unknown.push(title);
  });
  return { spec, sheet: row.sheet, columnOf, indexOf, titles, unknown };
}

/** Required columns the header lacks. */
export function missingColumns(mapped: MappedSheet): ColumnSpec[] {
  return mapped.spec.columns.filter((c) => c.required && !mapped.indexOf.has(c.field));
}

/** Whether a row is one of the template's marked examples. */
export const isExample = (row: SheetRow) => row.cells.some((c) => typeof c === 'string' && c.startsWith(EXAMPLE_MARK));

/** The row's fields (absent when blank) and the problems of its cells, each at its cell. */
export function rowValues(row: SheetRow, mapped: MappedSheet, lookup: Lookup) {
  const values: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  for (const [index, spec] of mapped.columnOf) {
    const parsed = parseCell(row.cells[index] ?? null, spec, lookup);
    if ('value' in parsed) values[spec.field] = parsed.value;
    else if ('problem' in parsed) {
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: index,
        header: mapped.titles[index] ?? null,
        ...parsed.problem,
      });
    } else if (spec.required) {
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: index,
        header: mapped.titles[index] ?? null,
        code: 'required',
        message: { zh: `${spec.header}必须填写`, en: `${spec.en} is required` },
      });
    }
  }
  return { values, problems };
}

/** Where a field of a row sits, for problems found after parsing (schema, rules, duplicates). */
export function cellOf(mapped: MappedSheet, row: number, field: string) {
  const index = mapped.indexOf.get(field);
  return {
    sheet: mapped.sheet,
    row,
    column: index ?? null,
    header: index === undefined ? null : (mapped.titles[index] ?? null),
  };
}
