/**
 * Builds the web app when dist/web is missing or older than its sources, so `npm start` serves the app on a fresh
 * clone without a separate build step. The build runs as a child process (`vite build`): the bundler's memory
 * is returned when it exits instead of staying in the server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INDEX = join(ROOT, 'dist/web/index.html');
// The web app's inputs: its own sources, the shared schemas it imports, and the build configuration.
const SOURCES = ['src/web', 'src/shared', 'vite.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the web app needs building, or null when dist/web is up to date. */
export function webBuildReason(): string | null {
  if (!existsSync(INDEX)) return 'dist/web/index.html is missing';
  const built = statSync(INDEX).mtimeMs;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  return newest > built ? 'sources changed since the last build' : null;
}

/** Runs `vite build` in a child process, its progress on this terminal. Returns whether it succeeded. */
export function buildWeb(log: (line: string) => void = console.log): boolean {
  let vite: string;
  try {
    const pkg = createRequire(import.meta.url).resolve('vite/package.json');
    vite = join(dirname(pkg), 'bin/vite.js');
  } catch {
    log('Vite is not installed (npm ci installs it); serving the API only.');
    return false;
  }
  const started = Date.now();
  // NODE_ENV=production even under a test runner (which sets 'test'): otherwise React's development build
  // and antd's dev warnings land in dist/web.
  const env = { ...process.env, NODE_ENV: 'production' };
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env });
  if (run.status !== 0) {
    log(`Web app build failed (exit ${run.status ?? run.signal}); the server starts without the new build.`);
    return false;
  }
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

/** Builds the web app if it is missing or stale; prints what it does. */
export function ensureWebBuilt(log: (line: string) => void = console.log): void {
  const reason = webBuildReason();
  if (!reason) return;
  log(`Building the web app (${reason}): vite build …`);
  buildWeb(log);
}
