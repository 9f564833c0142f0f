/**
 * The dry run: reads the file row by row, matches each sheet's header to the kind's columns, parses every cell,
 * builds the kind's units and checks them with the API's rules and against the county. Nothing is written; the
 * answer is the counts, every problem at its sheet/row/column (zh and en), the header mapping and the units that
 * an apply would write.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import type { Localized } from '../../domain/errors.ts';
import { SHEET_ENUMS } from '../../shared/labels/imports.ts';
import { listDictionary } from '../dictionary.ts';
import { type Lookup, lookupOf, normalizeHeader } from './columns.ts';
import type { KindContext, KindDefinition, ParsedRow, Unit } from './kind.ts';
import { KIND_DEFINITIONS } from './kinds/index.ts';
import { type ReadState, readRows } from './read-file.ts';
import { isExample, type MappedSheet, mapHeader, missingColumns, rowValues, type SheetSpec } from './sheets.ts';
import {
  FileRefused,
  type ImportCounts,
  type ImportKind,
  type ImportProblem,
  noCounts,
  type SheetRow,
} from './types.ts';

/** How one sheet's titles were matched: title → field (null when not used) and the required columns missing. */
export interface SheetMapping {
  sheet: string;
  columns: Array<{ title: string; field: string | null }>;
  missing: string[];
}

export interface CheckResult {
  kind: ImportKind;
  counts: ImportCounts;
  problems: ImportProblem[];
  notices: Localized[];
  mapping: SheetMapping[];
  units: Unit<unknown>[];
  ctx: KindContext;
  definition: KindDefinition;
}

export interface CheckOptions {
  /** Per sheet name: title → field chosen by the user. */
  override?: Record<string, Record<string, string>>;
  today?: string;
}

const INSTRUCTIONS = new Set(['填写说明', '说明', 'instructions'].map(normalizeHeader));

/** The dictionary and the sheet enums as one lookup. */
export async function loadLookup(db: Kysely<Database>): Promise<Lookup> {
  return lookupOf([...(await listDictionary(db)), ...SHEET_ENUMS]);
}

/** Which of the kind's sheets a file sheet is: by name, or (one-sheet kinds) the first sheet that is not instructions. */
function specIndexFor(name: string, sheets: SheetSpec[], taken: Set<number>): number {
  const key = normalizeHeader(name);
  if (INSTRUCTIONS.has(key)) return -1;
  const byName = sheets.findIndex((s) => [s.name, s.en, ...(s.synonyms ?? [])].map(normalizeHeader).includes(key));
  if (byName >= 0) return byName;
  return sheets.length === 1 && !taken.has(0) ? 0 : -1;
}

function wrongKind(definition: KindDefinition, found: string[]): FileRefused {
  const sheet = definition.sheets[0] as SheetSpec;
  const wanted = sheet.columns
    .filter((c) => c.required)
    .map((c) => c.header)
    .join('、');
  return new FileRefused('wrong_kind', {
    zh: `这不是“${sheet.name}”的导入文件：应有列 ${wanted}；文件中是 ${found.slice(0, 8).join('、') || '（空）'}`,
    en: `This is not a "${sheet.en}" file: it needs the columns ${wanted}; found ${found.slice(0, 8).join(', ') || '(none)'}`,
  });
}

/** Reads and parses every row into the kind's sheets; refuses a file whose main sheet is missing. */
async function parseFile(bytes: Uint8Array, definition: KindDefinition, lookup: Lookup, options: CheckOptions) {
  const state: ReadState = { notices: [], blankLines: 0 };
  const mapped = new Map<string, { index: number; sheet: MappedSheet } | null>();
  const parsed: ParsedRow[] = [];
  const problems: ImportProblem[] = [];
  let examples = 0;
  for await (const row of readRows(bytes, (definition.sheets[0] as SheetSpec).name, state) as AsyncIterable<SheetRow>) {
    const known = mapped.get(row.sheet);
    if (known === undefined) {
      const taken = new Set([...mapped.values()].flatMap((m) => (m ? [m.index] : [])));
      const index = specIndexFor(row.sheet, definition.sheets, taken);
      const sheet =
        index >= 0 ? mapHeader(row, definition.sheets[index] as SheetSpec, options.override?.[row.sheet]) : null;
      if (
        sheet &&
        index === 0 &&
        missingColumns(sheet).length === sheet.spec.columns.filter((c) => c.required).length
      ) {
        throw wrongKind(definition, sheet.titles.filter(Boolean));
      }
      for (const column of sheet ? missingColumns(sheet) : []) {
        problems.push({
          sheet: row.sheet,
          row: row.row,
          column: null,
          header: column.header,
          code: 'column_missing',
          message: { zh: `缺少必填列“${column.header}”`, en: `The required column "${column.en}" is missing` },
        });
      }
      mapped.set(row.sheet, sheet ? { index, sheet } : null);
      continue;
    }
    if (!known) continue;
    if (isExample(row)) {
      examples++;
      continue;
    }
    const { values, problems: cellProblems } = rowValues(row, known.sheet, lookup);
    parsed.push({ sheetIndex: known.index, mapped: known.sheet, row: row.row, values, problems: cellProblems });
  }
  if (![...mapped.values()].some((m) => m?.index === 0)) throw wrongKind(definition, [...mapped.keys()]);
  return { parsed, problems, state, examples, sheets: [...mapped.values()].flatMap((m) => (m ? [m.sheet] : [])) };
}

/** Counts of checked units. */
export function countUnits(units: Unit<unknown>[], skipped: number): ImportCounts {
  const counts = noCounts();
  counts.rows = units.length;
  counts.skipped = skipped;
  for (const unit of units) {
    if (unit.action === 'invalid') counts.invalid++;
    else {
      counts.valid++;
      if (unit.action === 'create') counts.created++;
      else if (unit.action === 'update') counts.updated++;
      else counts.unchanged++;
    }
  }
  return counts;
}

/** Checks `bytes` as a file of `kind` for `county`; writes nothing. */
export async function checkFile(
  db: Kysely<Database>,
  county: string,
  kind: ImportKind,
  bytes: Uint8Array,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const definition = KIND_DEFINITIONS[kind] as KindDefinition;
  const lookup = await loadLookup(db);
  const ctx: KindContext = { db, county, lookup, today: options.today ?? chinaDateOf() };
  const { parsed, problems, state, examples, sheets } = await parseFile(bytes, definition, lookup, options);
  const units = definition.build(parsed);
  await definition.check(ctx, units);
  const mapping = sheets.map((s) => ({
    sheet: s.sheet,
    columns: s.titles
      .map((title, i) => ({ title, field: s.columnOf.get(i)?.field ?? null }))
      .filter((c) => c.title !== ''),
    missing: missingColumns(s).map((c) => c.header),
  }));
  return {
    kind,
    counts: countUnits(units, examples + state.blankLines),
    problems: [...problems, ...units.flatMap((u) => u.problems)],
    notices: state.notices,
    mapping,
    units,
    ctx,
    definition,
  };
}
