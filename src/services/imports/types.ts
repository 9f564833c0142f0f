/**
 * The vocabulary of imports: kinds, cells, problems found at a sheet/row/column, and the counts a dry run and an
 * apply report. Shared by the reader, the kinds, the dry run, the apply, the CLI and the routes.
 */
import type { Localized } from '../../domain/errors.ts';

/** What a file holds; each kind has its template, its sheets and its way to match existing records. */
export const IMPORT_KINDS = ['org-units', 'members', 'households'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A cell as read from a workbook or CSV; a formula is its cached result, or `{ formula }` when it has none. */
export type Cell = string | number | boolean | Date | null | { formula: string };

/** One non-blank row of a sheet: its 1-based row number in the file and its cells by column index (0-based). */
export interface SheetRow {
  sheet: string;
  row: number;
  cells: Cell[];
}

/** A problem of the file, placed at a cell where it has one (`column` is the 0-based index, `header` its title). */
export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: number | null;
  header: string | null;
  code: string;
  message: Localized;
}

/** Counts of a dry run or an apply; `rows` counts the units (households, members, org units), not sheet lines. */
export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Lines skipped: blank lines and the template's marked example rows. */
  skipped: number;
}

/** Zeroed counts. */
export const noCounts = (): ImportCounts => ({
  rows: 0,
  valid: 0,
  invalid: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
});

/** A refusal of the whole file (corrupt, encrypted, wrong kind, too large): nothing is read or written. */
export class FileRefused extends Error {
  readonly code: string;
  readonly localized: Localized;
  constructor(code: string, message: Localized) {
    super(message.en);
    this.name = 'FileRefused';
    this.code = code;
    this.localized = message;
  }
}

/** Files larger than this are refused before reading (a county's households file is ~10 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
