/**
 * What an import refuses: a mistake in every rule of checkHousehold (each reported at its cell, nothing written
 * for those households while a good household of the same file is written), a changed row (an update with an
 * audited diff), and bad files: damaged, encrypted or .xls, the wrong kind, GBK CSV, ID numbers stored as numbers,
 * formulas without a value, dates typed as text, 100,000 blank lines, over 50 MB.
 */
import type * as Excel from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyUnits } from '../src/services/imports/apply-import.ts';
import { checkFile } from '../src/services/imports/check-file.ts';
import ExcelJS from '../src/services/imports/exceljs.ts';
import { HOUSEHOLD_SHEETS } from '../src/services/imports/kinds/household-sheets.ts';
import { MEMBER_SHEET } from '../src/services/imports/kinds/members.ts';
import type { SheetSpec } from '../src/services/imports/sheets.ts';
import { FileRefused, type ImportKind } from '../src/services/imports/types.ts';
import { registryStats } from '../src/services/stats.ts';
import { createTestApp, type TestApp } from './app.ts';
import { buildHousehold, buildPerson, COUNTY, createPlaces } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
}, 120_000);
afterAll(async () => t?.close());

type Row = Record<string, unknown>;

/** A workbook with the given sheets, titled by the sheets' Chinese headers; arrays are joined with 、. */
async function workbook(sheets: Array<{ spec: SheetSpec; rows: Row[] }>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const { spec, rows } of sheets) {
    const sheet = book.addWorksheet(spec.name);
    sheet.addRow(spec.columns.map((c) => c.header));
    for (const row of rows) {
      sheet.addRow(
        spec.columns.map((c) => {
          const v = row[c.field];
          if (typeof v === 'boolean') return v ? '是' : '否';
          return Array.isArray(v) ? v.join('、') : (v ?? null);
        }) as Excel.CellValue[],
      );
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The households workbook of API-shaped households. */
function householdsFile(households: Array<Record<string, unknown>>): Promise<Buffer> {
  const [h, p, i] = HOUSEHOLD_SHEETS as [SheetSpec, SheetSpec, SheetSpec];
  const persons = households.flatMap((x) =>
    (x.persons as Row[]).map((person) => ({ ...person, registryNo: x.registryNo })),
  );
  const income = households.flatMap((x) =>
    ((x.income as Row[] | undefined) ?? []).map((r) => ({ ...r, registryNo: x.registryNo })),
  );
  return workbook([
    { spec: h, rows: households },
    { spec: p, rows: persons },
    { spec: i, rows: income },
  ]);
}

const check = (kind: ImportKind, bytes: Uint8Array) => checkFile(t.database.db, COUNTY, kind, bytes);

/** One household per rule of checkHousehold that a registration can break, each a mistake of one kind. */
function mistakes(): Array<[string, Record<string, unknown>]> {
  const base = (n: number, o: Record<string, unknown> = {}) => ({ ...buildHousehold(40 + n), needs: undefined, ...o });
  const persons = (n: number) => buildHousehold(40 + n).persons;
  const withPerson = (n: number, k: number, o: Record<string, unknown>) =>
    base(n, { persons: persons(n).map((p, i) => (i === k ? { ...p, ...o } : p)) });
  return [
    ['id_invalid', withPerson(1, 1, { idNumber: '340822197208200000' })],
    ['person_duplicate', withPerson(2, 2, { idNumber: persons(2)[0]?.idNumber })],
    ['name_blank', withPerson(3, 2, { name: '\u200b' })],
    ['age_over_limit', withPerson(4, 2, { idNumber: buildPerson(44, 3, '1895-01-01').idNumber, schoolStatus: 'none' })],
    ['head_missing', withPerson(5, 0, { relation: 'other' })],
    ['head_multiple', withPerson(6, 1, { relation: 'head' })],
    [
      'spouse_multiple',
      base(7, { persons: [...persons(7), buildPerson(47, 4, '1975-01-01', { relation: 'spouse' })] }),
    ],
    ['spouse_same_sex', withPerson(8, 1, { idNumber: buildPerson(48, 5, '1972-08-20').idNumber })],
    ['other_causes_too_many', base(9, { otherCauses: ['skills', 'capital', 'water'] })],
    ['other_cause_repeats_main', base(10, { otherCauses: ['illness'] })],
    ['other_cause_duplicate', base(11, { otherCauses: ['skills', 'skills'] })],
    ['illness_without_ill_member', withPerson(12, 1, { health: 'healthy' })],
    [
      'schooling_without_student',
      base(13, {
        mainCause: 'schooling',
        otherCauses: [],
        persons: persons(13).map((p, i) => (i === 2 ? { ...p, schoolStatus: 'none' } : p)),
      }),
    ],
    ['disability_without_disabled_member', base(14, { mainCause: 'disability', otherCauses: [] })],
    ['tekun_with_labourer', base(15, { attribute: 'tekun' })],
    ['dibao_and_wubao', base(16, { income: [{ year: 2016, dibao: 2400, wubao: 3000 }] })],
    ['income_out_of_range', base(17, { income: [{ year: 2016, wage: 0 }] })],
    ['household_size_mismatch', base(18, { income: [{ year: 2016, wage: 6000, householdSize: 5 }] })],
  ];
}

describe('households with a mistake in every rule of checkHousehold', () => {
  it('reports each rule at a cell of its household and writes only the good household', async () => {
    const bad = mistakes();
    const good = { ...buildHousehold(90), needs: undefined };
    const bytes = await householdsFile([...bad.map(([, h]) => h), good]);
    const result = await check('households', bytes);
    expect(result.counts).toMatchObject({ rows: bad.length + 1, valid: 1, invalid: bad.length, created: 1 });
    for (const [code, household] of bad) {
      const unit = result.units.find((u) => u.key === household.registryNo);
      const found = unit?.problems.find((p) => p.code === code);
      expect(found, code).toBeDefined();
      expect(found?.row, code).toBeGreaterThan(1);
      expect(found?.message.zh.length, code).toBeGreaterThan(0);
    }
    const before = await registryStats(t.database.db, COUNTY);
    const written = await applyUnits(t.database.db, result.definition, result.ctx, result.units);
    expect(written).toMatchObject({ created: 1, updated: 0 });
    const after = await registryStats(t.database.db, COUNTY);
    expect(after.households - before.households).toBe(1);
    expect(after.persons - before.persons).toBe(3);
  });

  it('updates a changed household with an audited diff and leaves the same file unchanged the second time', async () => {
    const changed = { ...buildHousehold(90), needs: undefined, address: '张家湾 90 号（新址）' };
    const bytes = await householdsFile([changed]);
    const result = await check('households', bytes);
    expect(result.counts).toMatchObject({ rows: 1, updated: 1, created: 0 });
    await applyUnits(t.database.db, result.definition, result.ctx, result.units);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('action', '=', 'household.update')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.diff)).toContain('张家湾 90 号（新址）');
    expect((await check('households', bytes)).counts).toMatchObject({ unchanged: 1, updated: 0, created: 0 });
  });
});

async function refusal(kind: ImportKind, bytes: Uint8Array): Promise<string> {
  try {
    await check(kind, bytes);
  } catch (error) {
    if (error instanceof FileRefused) return error.code;
    throw error;
  }
  return 'accepted';
}

/** Text encoded as GBK, with the encoding table built by decoding every GBK double-byte code. */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  return new Uint8Array(
    [...text].flatMap((ch) => (ch.charCodeAt(0) < 128 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))),
  );
}

describe('bad files', () => {
  it('refuses damaged, encrypted, foreign and oversized files, and the wrong kind, with a clear code', async () => {
    expect(await refusal('org-units', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]))).toBe(
      'file_damaged',
    );
    expect(await refusal('org-units', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe(
      'file_encrypted_or_xls',
    );
    expect(await refusal('org-units', Buffer.from([1, 2, 0, 4, 5]))).toBe('file_not_table');
    expect(await refusal('org-units', Buffer.alloc(50 * 1024 * 1024 + 1, 32))).toBe('file_too_large');
    const members = await workbook([{ spec: MEMBER_SHEET, rows: [] }]);
    expect(await refusal('households', members)).toBe('wrong_kind');
  });

  it('reads a GBK CSV (saying so) and skips 100,000 blank lines', async () => {
    const csv = `区划代码,上级代码,名称\r\n340822100202,340822100,新村\r\n${',,\r\n'.repeat(100_000)}340822100202001,340822100202,新村一组\r\n`;
    const result = await check('org-units', gbk(csv));
    expect(result.notices.map((n) => n.en).join()).toContain('GBK');
    expect(result.counts).toMatchObject({ rows: 2, valid: 2, created: 2, skipped: 100_000 });
    expect(result.units.map((u) => (u.input as { name: string }).name)).toEqual(['新村', '新村一组']);
  });

  it('names an ID number stored as a number, a formula without a value, and reads dates typed as text', async () => {
    const card = {
      name: '王五',
      ethnicity: 'han',
      education: 'senior',
      membership: 'formal',
      branchName: '试点村党支部',
      naturalVillageCode: '340822100201001',
      capacity: 1,
    };
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('党员信息');
    sheet.addRow([
      '姓名',
      '身份证号',
      '民族',
      '文化程度',
      '入党日期',
      '党员类别',
      '所在党支部',
      '自然村代码',
      '可帮扶户数',
    ]);
    const cells = (id: Excel.CellValue, join: Excel.CellValue) => [
      card.name,
      id,
      '汉族',
      '高中',
      join,
      '正式党员',
      card.branchName,
      card.naturalVillageCode,
      card.capacity,
    ];
    sheet.addRow(cells(110105194912310020, '1975年7月1日'));
    sheet.addRow(cells({ formula: 'CONCAT("11010519491231","002X")' } as Excel.CellValue, '1975/7/1'));
    sheet.addRow(cells('11010519491231002X', '1975年7月1日'));
    const result = await check('members', Buffer.from(await book.xlsx.writeBuffer()));
    const codes = result.problems.map((p) => `${p.row}:${p.code}`);
    expect(codes).toContain('2:id_stored_as_number');
    expect(codes).toContain('3:formula_without_result');
    expect(result.counts).toMatchObject({ rows: 3, valid: 1, invalid: 2 });
    expect(result.units[2]?.input).toMatchObject({ joinDate: '1975-07-01' });
  });
});
