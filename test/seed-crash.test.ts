/**
 * The demo seed killed at any moment (Ctrl-C or a power cut during `npm start`'s first run): the next server
 * never serves the half-seeded county — `serve --no-seed` refuses it clearly, an explicit `seed --demo` and
 * `serve` remove it and seed again — and the county finally served is a whole demo whose accounts sign in.
 * Killed with SIGKILL at several stages, on the suite's backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { createTestDatabaseEnv } from './database.ts';
import { runLianxin, spawnLianxin, startServe } from './server-process.ts';

const SEED = ['seed', '--demo', '--scale', '0.02', '--seed', '7'];
let database: Awaited<ReturnType<typeof createTestDatabaseEnv>>;

beforeAll(async () => {
  database = await createTestDatabaseEnv();
});
afterAll(async () => database?.drop());

/** Runs `args` and kills it with SIGKILL as soon as its output contains `moment`. */
async function killWhen(args: string[], moment: string): Promise<string> {
  const run = spawnLianxin(args, database.env);
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (run.output().includes(moment)) resolve();
      else if (run.child.exitCode !== null) reject(new Error(`finished before "${moment}":\n${run.output()}`));
      else setTimeout(check, 20);
    };
    check();
  });
  run.child.kill('SIGKILL');
  await run.exited;
  return run.output();
}

async function expectServeRefuses(): Promise<void> {
  const serve = await runLianxin(['serve', '--no-build', '--no-seed', '--port', '0'], database.env);
  expect(serve.code).toBe(1);
  expect(serve.output).toContain('the demo seed of county 340822');
  expect(serve.output).toContain('has not finished: a half-seeded demo is not served');
  expect(serve.output).not.toContain('is running');
}

describe('a demo seed killed part-way', () => {
  it('is never served, and is removed and seeded again by the next seed or serve', { timeout: 1_800_000 }, async () => {
    // Stages of a seed: members written in part; households and no grids; accounts made, history not yet.
    await killWhen(SEED, '  members: ');
    await expectServeRefuses();
    const second = await killWhen(SEED, '  grids: 0/1');
    expect(second).toContain('stopped before it finished: removing what it wrote and seeding again');
    await expectServeRefuses();
    await killWhen(SEED, '  history: 0/1');
    await expectServeRefuses();

    // `npm start` again: serve redoes the stopped seed with its options, then serves a whole demo.
    const server = await startServe(database.env, []);
    try {
      expect(server.output()).toContain('stopped before it finished');
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'demo_county_admin', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
    } finally {
      await server.stop();
    }
    const stats = JSON.parse((await runLianxin(['stats', '--json', '--county', '340822'], database.env)).output);
    // What a clean seed 7 at 2 % writes (test/cli.test.ts), once: the partial rows were removed, not added to.
    expect(stats).toMatchObject({ townships: 20, problemsResolved: 380, problemsOpen: 18 });
    expect(stats.pairings).toBe(stats.householdsPoor + stats.householdsMonitored);
    expect(stats.grids).toBe(stats.partyGroups);
    await expect(runLianxin(SEED, database.env)).resolves.toMatchObject({
      code: 1,
      output: expect.stringContaining('County 340822 already has villages'),
    });
  });
});
