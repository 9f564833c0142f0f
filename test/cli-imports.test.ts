/**
 * `lianxin template | import | export` as a user runs them, in child processes on a fresh database of the suite's
 * backend: a county's divisions, the org-units template (its marked examples are skipped), a CSV of villages and
 * natural villages imported (dry run first, then applied, then again: unchanged), exported and counted by stats.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseEnv } from './database.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../bin/lianxin.js', import.meta.url));
let database: Awaited<ReturnType<typeof createTestDatabaseEnv>>;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabaseEnv();
  dir = mkdtempSync(join(tmpdir(), 'lianxin-cli-io-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

const lianxin = (...args: string[]) =>
  run(process.execPath, [CLI, ...args], { env: { ...process.env, ...database.env } });
const json = async (...args: string[]) => JSON.parse((await lianxin(...args)).stdout);

const CSV = [
  '名称,区划代码,上级代码,纬度,经度',
  '试点村,340825100201,340825100,,',
  '张家湾,340825100201001,340825100201,30.41,116.12',
  '李家冲,340825100201002,340825100201,,',
].join('\r\n');

describe('lianxin template, import and export', () => {
  it('onboards villages from a file: template, dry run, import, import again, export, stats', {
    timeout: 600_000,
  }, async () => {
    await lianxin('import-divisions', '--county', '340825');
    const template = join(dir, 'org-units.xlsx');
    await lianxin('template', '--kind', 'org-units', '--out', template);
    expect(readFileSync(template).subarray(0, 2).toString()).toBe('PK');
    expect(
      await json('import', '--kind', 'org-units', '--file', template, '--county', '340825', '--dry-run', '--json'),
    ).toMatchObject({ rows: 0, skipped: 2 });
    const csv = join(dir, 'villages.csv');
    writeFileSync(csv, CSV);
    const dry = await json('import', '--kind', 'org-units', '--file', csv, '--county', '340825', '--dry-run', '--json');
    expect(dry).toMatchObject({ rows: 3, valid: 3, invalid: 0, created: 3, updated: 0, unchanged: 0, dryRun: true });
    expect((await json('stats', '--json', '--county', '340825')).villages).toBe(0);
    expect(await json('import', '--kind', 'org-units', '--file', csv, '--county', '340825', '--json')).toMatchObject({
      rows: 3,
      created: 3,
      invalid: 0,
    });
    expect(await json('import', '--kind', 'org-units', '--file', csv, '--county', '340825', '--json')).toMatchObject({
      rows: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await json('stats', '--json', '--county', '340825')).toMatchObject({ villages: 1, naturalVillages: 2 });
    const out = join(dir, 'export.csv');
    expect((await lianxin('export', '--kind', 'org-units', '--org', '340825', '--out', out)).stdout).toContain(
      '3 rows',
    );
    expect(readFileSync(out, 'utf8')).toContain('340825100201001,340825100201,张家湾');
    await expect(lianxin('import', '--kind', 'members', '--file', csv, '--county', '340825')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('这不是“党员信息”的导入文件'),
    });
  });
});
