/**
 * `lianxin stars` as a user runs it, in a child process against a fresh database of the suite's backend seeded
 * with a small demo county: the JSON figures (members, rated, stars by level within the county's quotas, vetoed,
 * activities required and held), the same figures again on a second run (deterministic), and a refusal.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseEnv } from './database.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../bin/lianxin.js', import.meta.url));
let database: Awaited<ReturnType<typeof createTestDatabaseEnv>>;

beforeAll(async () => {
  database = await createTestDatabaseEnv();
});
afterAll(async () => database?.drop());

const lianxin = (...args: string[]) =>
  run(process.execPath, [CLI, ...args], { env: { ...process.env, ...database.env }, maxBuffer: 10 * 1024 * 1024 });

describe('lianxin stars', () => {
  it('recomputes the demo county and prints its figures, the same on every run', async () => {
    await lianxin('seed', '--demo', '--scale', '0.02', '--seed', '7');
    const { stdout } = await lianxin('stars', '--county', '340822', '--year', '2020', '--json');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ county: '340822', year: 2020 });
    expect(report.members).toBeGreaterThan(300);
    expect(report.rated + report.exempt).toBe(report.members);
    const byStars = Object.values(report.byStars as Record<string, number>);
    expect(byStars.reduce((a, b) => a + b, 0)).toBe(report.rated);
    // The demo county's quotas: 5★ ≤ 5 %, 4★ ≤ 10 %, 3★ ≤ 30 % of those rated; and not everyone at 1★.
    expect(report.byStars['5']).toBeLessThanOrEqual(Math.floor(0.05 * report.rated));
    expect(report.byStars['4']).toBeLessThanOrEqual(Math.floor(0.1 * report.rated));
    expect(report.byStars['3']).toBeLessThanOrEqual(Math.floor(0.3 * report.rated));
    expect(report.byStars['1']).toBeLessThan(report.rated / 2);
    expect(report.activitiesRequired).toBeGreaterThan(0);
    expect(report.activitiesHeld).toBeGreaterThan(0);
    expect(report.activitiesHeld).toBeLessThanOrEqual(report.activitiesRequired);
    expect(report.vetoed).toBeGreaterThanOrEqual(0);
    const again = JSON.parse((await lianxin('stars', '--county', '340822', '--year', '2020', '--json')).stdout);
    expect({ ...again, ms: 0 }).toEqual({ ...report, ms: 0 });
    const text = (await lianxin('stars', '--county', '340822', '--year', '2020')).stdout;
    expect(text).toContain(`members              ${report.members}`);
    expect(text).toContain('★★★★★');
    // A seed and three runs in child processes: minutes on a shared two-core machine.
  }, 600_000);

  it('refuses a malformed county or year with a clear message', async () => {
    await expect(lianxin('stars', '--county', '3408', '--year', '2020')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--county must be a 6-digit county code'),
    });
  });
});
