import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Four projects: pure unit tests beside the code, the integration suite (test/) run twice, on embedded PGlite
 * and on a PostgreSQL server (TEST_DATABASE_URL), and the browser journeys (test/e2e/, Chromium against a real
 * server). scripts/test.js decides which ones run.
 */
/**
 * Test files at once for unit and integration files. Vitest's default (cores − 1) runs one file at a time on a
 * 2-core machine and leaves a core idle, while each file mostly waits on one thread: PGlite's single-threaded
 * WASM in its worker, or the PostgreSQL server. Two files at once keep both cores busy.
 */
const workers = Math.max(2, availableParallelism() - 1);

const integration = (name: string, env: Record<string, string>) => ({
  test: {
    name,
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    env,
    maxWorkers: workers,
    globalSetup: ['test/template-setup.ts'], // migrates once per run; each file clones (test/database.ts)
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], maxWorkers: workers, testTimeout: 30_000 } },
      integration('integration-pglite', { LIANXIN_TEST_BACKEND: 'pglite' }),
      integration('integration-postgres', { LIANXIN_TEST_BACKEND: 'postgres' }),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false, // one server and one Chromium at a time on a 2-core machine
          testTimeout: 90_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
