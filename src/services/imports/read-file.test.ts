import { describe, expect, it } from 'vitest';
import ExcelJS from './exceljs.ts';
import { type ReadState, readRows } from './read-file.ts';
import type { SheetRow } from './types.ts';

async function rowsOf(bytes: Uint8Array): Promise<SheetRow[]> {
  const state: ReadState = { notices: [], blankLines: 0 };
  const rows: SheetRow[] = [];
  for await (const row of readRows(bytes, 'csv', state) as AsyncIterable<SheetRow>) rows.push(row);
  return rows;
}

describe('readRows', () => {
  it('reads every Chinese character of a large streamed sheet whole, wherever the compressed chunks split', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('党员信息');
    const names = Array.from({ length: 4000 }, (_, i) => `正式党员${'张王李赵'.repeat(1 + (i % 5))}${i}`);
    for (const name of names) sheet.addRow([name, '汉族']);
    const rows = await rowsOf(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(rows).toHaveLength(4000);
    expect(rows.map((r) => r.cells[0])).toEqual(names);
    expect(rows.every((r) => !String(r.cells[1]).includes('\ufffd'))).toBe(true);
    expect(rows[0]).toMatchObject({ sheet: '党员信息', row: 1 });
  });

  it('reads a CSV with quotes, commas and CRLF', async () => {
    const rows = await rowsOf(new TextEncoder().encode('名称,备注\r\n"张家湾,一组","说""好"""\r\n'));
    expect(rows.map((r) => r.cells)).toEqual([
      ['名称', '备注'],
      ['张家湾,一组', '说"好"'],
    ]);
  });
});
