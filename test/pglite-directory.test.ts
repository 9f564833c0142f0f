/**
 * A PGlite directory is opened by one process at a time, and a directory that cannot be used is named and left
 * alone: a second process (server or CLI command) is refused while the first runs and admitted once it is gone
 * (also after kill -9: stale lock); a read-only directory is explained; a damaged directory, or a non-empty one
 * that is no database, is never opened over, initialised or seeded.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from './database.ts';
import { runLianxin, type ServerProcess, startServe } from './server-process.ts';

const root = mkdtempSync(join(tmpdir(), 'lianxin-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir` with its size, to show that a refused command changed nothing. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => `${name}:${statSync(join(dir, name)).size}`)
    .sort();
}

async function migrated(name: string): Promise<string> {
  const dir = join(root, name);
  expect((await runLianxin(['migrate'], { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' })).code).toBe(0);
  return dir;
}

describe.skipIf(testBackend !== 'pglite')('one process per PGlite directory', () => {
  let dir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dir = await migrated('shared');
    server = await startServe({ LIANXIN_DATA_DIR: dir, DATABASE_URL: '' });
  }, 600_000);
  afterAll(async () => server?.stop());

  const commands = [['stats'], ['clock'], ['match', '--org', '340822'], ['migrate'], ['seed', '--demo']];
  for (const args of commands) {
    it(`refuses \`${args.join(' ')}\` while a server holds the directory, naming the server's pid`, async () => {
      const run = await runLianxin(args, { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' });
      expect(run.code).toBe(1);
      expect(run.output).toContain(`the database directory ${dir} is in use by process ${server.child.pid} (serve`);
    });
  }

  it('refuses a second server on the same directory', async () => {
    await expect(startServe({ LIANXIN_DATA_DIR: dir, DATABASE_URL: '' })).rejects.toThrow(
      `is in use by process ${server.child.pid}`,
    );
  });

  it('admits the next process once the server has stopped, and after an owner killed with -9', {
    timeout: 300_000,
  }, async () => {
    await server.stop();
    expect((await runLianxin(['stats', '--json'], { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' })).code).toBe(0);
    const killed = await startServe({ LIANXIN_DATA_DIR: dir, DATABASE_URL: '' });
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(readdirSync(root)).toContain('shared.lock'); // left behind by the killed server
    const after = await runLianxin(['stats', '--json'], { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.output).townships).toBe(0);
    expect(readdirSync(root)).not.toContain('shared.lock');
  });
});

describe.skipIf(testBackend !== 'pglite')('a PGlite directory that cannot be used', () => {
  it('says that a read-only data directory cannot be written, with its path', { timeout: 300_000 }, async () => {
    const dir = join(root, 'readonly', 'db');
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o555);
    for (const args of [['stats'], ['serve', '--no-build', '--port', '0']]) {
      const run = await runLianxin(args, { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' });
      expect(run.code).toBe(1);
      expect(run.output).toContain(`lianxin: cannot write to the database directory ${dir}`);
      expect(run.output).not.toContain('[object Object]');
    }
    // A path that cannot be made a directory (a file is in the way): named too.
    writeFileSync(join(root, 'a-file'), '');
    const below = join(root, 'a-file', 'db');
    const nested = await runLianxin(['stats'], { LIANXIN_DATA_DIR: below, DATABASE_URL: '' });
    expect(nested.output).toContain(`lianxin: cannot write to the database directory ${below} (ENOTDIR)`);
  });

  it('stops serve on a damaged directory with a clear message, never seeding or initialising it', {
    timeout: 300_000,
  }, async () => {
    const dir = await migrated('damaged');
    truncateSync(join(dir, 'global', 'pg_control'));
    const before = listing(dir);
    const run = await runLianxin(['serve', '--no-build', '--port', '0'], { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`the PGlite database in ${dir} could not be opened`);
    expect(run.output).toContain('nothing will be seeded over it');
    expect(run.output).not.toContain('Seeding the demo county');
    // PGlite's failed attempt may leave a file of its own; what was there is untouched.
    expect(listing(dir)).toEqual(expect.arrayContaining(before));
  });

  it('refuses a non-empty directory that holds no database instead of creating one in it', {
    timeout: 300_000,
  }, async () => {
    const dir = join(root, 'not-a-database');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'county files');
    const run = await runLianxin(['serve', '--no-build', '--port', '0'], { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`the database directory ${dir} is not empty but holds no PGlite database`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});
