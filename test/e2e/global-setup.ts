/**
 * One real server for the browser journeys: build the web app when stale, seed a small demo county into a temp
 * data directory (child process, as in production), start `lianxin serve` on a free port, and stop it after.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../../src/cli/build-web.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const CLI = fileURLToPath(new URL('../../bin/lianxin.js', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer within 90 s:\n${output()}`);
}

export default async function setup(project: TestProject) {
  ensureWebBuilt((line) => console.log(`[e2e] ${line}`));
  const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-e2e-'));
  const env = { ...process.env, LIANXIN_DATA_DIR: dataDir, DATABASE_URL: '' };
  // As a newcomer meets it: the demo clock on (business date 2020-12-31). Journeys date their steps by the
  // server's business date (support/browser.ts businessToday), never by the machine's clock.
  const seedArgs = [CLI, 'seed', '--demo', '--scale', '0.05'];
  const seed = spawnSync(process.execPath, seedArgs, { env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`demo seed failed:\n${seed.stdout}\n${seed.stderr}`);

  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--no-seed', '--no-build'], {
    env: { ...env, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => log);
  project.provide('baseUrl', baseUrl);

  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-files`, { recursive: true, force: true }); // uploads (see filesDirFromEnv)
  };
}
