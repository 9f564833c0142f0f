#!/usr/bin/env node
// `npm test`: unit tests, then the integration suite on PGlite and on PostgreSQL (TEST_DATABASE_URL, default
// the local server), then the browser journeys in Chromium (/usr/bin/chromium). Without a reachable server or
// without Chromium that part is skipped with a notice, except in CI (CI=true), where that is a failure. Extra
// arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const projects = ['unit', 'integration-pglite'];

async function reachable() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    console.warn(`PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} is not reachable: ${error.message}`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

if (await reachable()) projects.push('integration-postgres');
else if (process.env.CI) {
  console.error('CI needs the PostgreSQL suite: start PostgreSQL or set TEST_DATABASE_URL.');
  process.exit(1);
} else console.warn('Skipping the PostgreSQL integration suite.');

if (existsSync('/usr/bin/chromium')) projects.push('e2e');
else if (process.env.CI) {
  console.error('CI needs the browser suite: install chromium (apt-get install chromium fonts-noto-cjk).');
  process.exit(1);
} else console.warn('Skipping the browser suite (test/e2e): /usr/bin/chromium is not installed.');

const report = 'test-results/vitest.json';
const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...reporters, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } });

// One plain closing line that any CI reader understands.
try {
  const { numPassedTests, numFailedTests, numPendingTests, testResults } = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load has no failed test of its own; count it as one failure so the line never lies.
  const broken = testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
  ).length;
  console.log(`\nvitest: ${numPassedTests} passed, ${numFailedTests + broken} failed, ${numPendingTests} skipped`);
} catch {
  console.log('vitest: no report was written');
}
process.exit(run.status ?? 1);
