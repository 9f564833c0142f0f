/**
 * A sheet's columns and how one cell becomes an API field: text, numbers, yes/no, dates typed in the usual ways,
 * ID numbers (refusing those Excel stored as numbers, whose last digits are lost), and dictionary codes given
 * by code or by their Chinese or English label. Header titles are matched by name and common synonyms.
 */

import { formatIsoDate, isRealDate } from '../../domain/dates.ts';
import type { Localized } from '../../domain/errors.ts';
import type { Cell } from './types.ts';

export type ColumnType = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'id' | 'code' | 'codes';

/** One column of a sheet: the API field it fills, its titles, its type and (for codes) its dictionary kind. */
export interface ColumnSpec {
  field: string;
  header: string;
  en: string;
  type: ColumnType;
  dict?: string;
  required?: boolean;
  synonyms?: string[];
  /** A line for the instructions sheet. */
  hint?: string;
}

/** Dictionary lookups: kind → (code, label zh/en in lower case) → code, and kind → labels for messages. */
export interface Lookup {
  codeOf(kind: string, text: string): string | undefined;
  labels(kind: string): string[];
  labelOf(kind: string, code: string): string;
}

/** A lookup over dictionary entries. */
export function lookupOf(entries: ReadonlyArray<{ kind: string; code: string; zh: string; en: string }>): Lookup {
  const keys = new Map<string, string>();
  const zh = new Map<string, string[]>();
  const labelByCode = new Map<string, string>();
  for (const e of entries) {
    for (const key of [e.code, e.zh, e.en]) keys.set(`${e.kind}:${key.toLowerCase()}`, e.code);
    zh.set(e.kind, [...(zh.get(e.kind) ?? []), e.zh]);
    labelByCode.set(`${e.kind}:${e.code}`, e.zh);
  }
  return {
    codeOf: (kind, text) => keys.get(`${kind}:${text.trim().toLowerCase()}`),
    labels: (kind) => zh.get(kind) ?? [],
    labelOf: (kind, code) => labelByCode.get(`${kind}:${code}`) ?? code,
  };
}

/** What a cell gave: a value, nothing, or a problem with it. */
export type Parsed = { value: unknown } | { empty: true } | { problem: { code: string; message: Localized } };

const bad = (code: string, zh: string, en: string): Parsed => ({ problem: { code, message: { zh, en } } });

/** A title reduced for matching: no spaces, stars, or bracketed remarks; lower case. */
export function normalizeHeader(title: string): string {
  return title
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/** Text of a cell, trimmed ('' when blank); a date as YYYY-MM-DD; a formula with no result is null. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return '';
  if (typeof cell === 'object' && !(cell instanceof Date)) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date typed as text in any of the usual ways (2020-05-01, 2020/5/1, 2020.5.1, 2020年5月1日, 20200501). */
export function parseDateText(text: string): string | null {
  const m = DATE_TEXT.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? formatIsoDate({ year, month, day }) : null;
}

function parseDate(cell: Cell, text: string): Parsed {
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number' && cell > 20000 && cell < 80000) {
    // An Excel date serial without a date format: days since 1899-12-30.
    return { value: new Date(Math.round((cell - 25569) * 86400000)).toISOString().slice(0, 10) };
  }
  const date = parseDateText(text);
  return date
    ? { value: date }
    : bad('bad_date', `“${text}”不是日期，请写成 2020-05-01`, `"${text}" is not a date; write 2020-05-01`);
}

function parseId(cell: Cell, text: string): Parsed {
  if (typeof cell === 'number' && text.length > 15) {
    return bad(
      'id_stored_as_number',
      `身份证号被存成了数字（${text}），Excel 只保留 15 位有效数字，后几位已丢失：请把该列设为“文本”后重新录入`,
      `The ID number was stored as a number (${text}); Excel keeps 15 significant digits, so the last ones are lost. Format the column as text and type it again`,
    );
  }
  if (typeof cell === 'number' && /e/i.test(String(cell))) {
    return bad(
      'id_stored_as_number',
      '身份证号被存成了科学计数法数字，后几位已丢失',
      'The ID number was stored in scientific notation; digits are lost',
    );
  }
  return { value: text.replace(/\s+/g, '').toUpperCase() };
}

function parseNumber(text: string, integer: boolean): Parsed {
  const n = Number(text.replace(/,/g, ''));
  if (text === '' || !Number.isFinite(n)) return bad('not_number', `“${text}”不是数字`, `"${text}" is not a number`);
  if (integer && !Number.isInteger(n))
    return bad('not_integer', `“${text}”应为整数`, `"${text}" must be a whole number`);
  return { value: n };
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×']);

function parseCode(spec: ColumnSpec, text: string, lookup: Lookup): Parsed {
  const code = lookup.codeOf(spec.dict ?? '', text);
  if (code) return { value: code };
  const choices = lookup
    .labels(spec.dict ?? '')
    .slice(0, 12)
    .join('、');
  return bad(
    'unknown_code',
    `“${text}”不是可选的${spec.header}，可选：${choices}`,
    `"${text}" is not a valid ${spec.en}; choose one of: ${choices}`,
  );
}

/** One cell as the field of `spec`. */
export function parseCell(cell: Cell, spec: ColumnSpec, lookup: Lookup): Parsed {
  const text = cellText(cell);
  if (text === null) {
    return bad(
      'formula_without_result',
      '公式没有计算结果：请在 Excel 中重新计算或粘贴为数值',
      'A formula without a computed value: recalculate or paste as values',
    );
  }
  if (text === '') return { empty: true };
  switch (spec.type) {
    case 'text':
      return { value: text };
    case 'integer':
    case 'number':
      return typeof cell === 'number'
        ? parseNumber(String(cell), spec.type === 'integer')
        : parseNumber(text, spec.type === 'integer');
    case 'boolean': {
      const key = text.toLowerCase();
      if (YES.has(key)) return { value: true };
      if (NO.has(key)) return { value: false };
      return bad('not_yes_no', `“${text}”应填“是”或“否”`, `"${text}" must be 是 (yes) or 否 (no)`);
    }
    case 'date':
      return parseDate(cell, text);
    case 'id':
      return parseId(cell, text);
    case 'code':
      return parseCode(spec, text, lookup);
    case 'codes': {
      const codes: string[] = [];
      for (const part of text.split(/[,，、;；\s]+/).filter(Boolean)) {
        const one = parseCode(spec, part, lookup);
        if ('problem' in one) return one;
        codes.push((one as { value: string }).value);
      }
      return { value: codes };
    }
  }
}

/** A value as the cell text an export writes and a template shows (codes as their Chinese labels). */
export function formatValue(value: unknown, spec: ColumnSpec, lookup: Lookup): string | number {
  if (value === null || value === undefined) return '';
  if (spec.type === 'boolean') return value ? '是' : '否';
  if (spec.type === 'code') return lookup.labelOf(spec.dict ?? '', String(value));
  if (spec.type === 'codes') return (value as string[]).map((c) => lookup.labelOf(spec.dict ?? '', c)).join('、');
  if (spec.type === 'integer' || spec.type === 'number') return Number(value);
  return String(value);
}
