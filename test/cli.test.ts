/**
 * The `lianxin` command as a user runs it, in child processes against a fresh database of the suite's backend:
 * migrate, import-divisions for a county other than the demo one, a small seed (which anchors the demo clock),
 * clock, stats --json, coverage --json, match [--apply] and escalate --sweep on the demo's business time, then
 * clock --real.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/kysely.ts';
import { createTestDatabaseEnv } from './database.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../bin/lianxin.js', import.meta.url));
let database: Awaited<ReturnType<typeof createTestDatabaseEnv>>;

beforeAll(async () => {
  database = await createTestDatabaseEnv();
});
afterAll(async () => database?.drop());

const lianxin = (...args: string[]) =>
  run(process.execPath, [CLI, ...args], { env: { ...process.env, ...database.env } });

describe('lianxin CLI', () => {
  it('migrates, then reports the schema up to date', async () => {
    expect((await lianxin('migrate')).stdout).toContain('applied: 2026-11-29-01-registries');
    expect((await lianxin('migrate')).stdout).toContain('schema is up to date');
  });

  it('imports any county of the NBS data: 东城区 (110101) with its 17 subdistricts', async () => {
    const { stdout } = await lianxin('import-divisions', '--county', '110101');
    expect(stdout).toContain('东城区 (110101): 17 townships imported');
    const stats = JSON.parse((await lianxin('stats', '--json', '--county', '110101')).stdout);
    expect(stats).toMatchObject({ townships: 17, villages: 0, members: 0, households: 0, helpRecords: 0 });
  });

  it('refuses an unknown county with a clear message and a non-zero exit', async () => {
    await expect(lianxin('import-divisions', '--county', '999999')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('county 999999 not found'),
    });
  });

  it('seeds a small demo county and counts it in stats --json', async () => {
    await lianxin('seed', '--demo', '--scale', '0.02', '--seed', '7');
    const stats = JSON.parse((await lianxin('stats', '--json', '--county', '340822')).stdout);
    expect(stats.townships).toBe(20);
    expect(stats.villages).toBeGreaterThan(0);
    expect(stats.members).toBeGreaterThan(0);
    expect(stats.householdsExited).toBeGreaterThan(0);
    // The demo's 2020 monitoring events became cases: all 脱贫不稳定户, open ones counted apart from the exited.
    expect(stats.monitoringOpen).toBeGreaterThan(0);
    expect(stats.monitoringCleared).toBeGreaterThan(0);
    expect(stats.monitoringByCategory).toEqual({ unstable: stats.monitoringOpen });
    expect(stats.householdsMonitored).toBe(stats.monitoringOpen);
    expect(stats.householdsPoor).toBeLessThan(stats.households);
    // a year of help records (~200,000 per county) and problems (~19,900) at 2 %
    expect(stats.helpRecords).toBeGreaterThan(3_800);
    expect(stats.problemsResolved).toBe(380);
    expect(stats.problemsOpen).toBe(18);
    // The seed anchored the demo clock: business time is the demo's 2020-12-31, so only the seed's late ones
    // (90 per county at scale 1) are overdue, not every open problem of 2020.
    expect(JSON.parse((await lianxin('clock', '--json')).stdout)).toEqual({ today: '2020-12-31', demoClock: true });
    expect(stats.problemsOverdue).toBe(2);
    const all = JSON.parse((await lianxin('stats', '--json')).stdout);
    expect(all.townships).toBe(37);
    // the seed ends partitioned: every natural village and member in a grid, one Party group per grid
    const coverage = JSON.parse((await lianxin('coverage', '--json')).stdout);
    expect(coverage.grids).toBe(stats.grids);
    expect(coverage).toMatchObject({
      groups: stats.grids,
      gridsWithoutGroup: 0,
      groupsWithoutLeader: 0,
      groupsWithoutInstructors: 0,
      membersWithoutGrid: 0,
      naturalVillagesWithoutGrid: 0,
    });
    expect(JSON.parse((await lianxin('coverage', '--json', '--org', '340822')).stdout)).toEqual(coverage);
    const township = JSON.parse((await lianxin('coverage', '--json', '--org', '340822100')).stdout);
    expect(township.grids).toBeLessThanOrEqual(coverage.grids);
    expect(township.groups).toBe(township.grids);
    await expect(lianxin('coverage', '--org', '3408')).rejects.toMatchObject({
      stderr: expect.stringContaining('--org must be a division code'),
    });
    // --if-empty leaves a seeded database alone
    const again = await lianxin('seed', '--demo', '--if-empty');
    expect(again.stderr).toBe('');
  }, 300_000); // seven child processes (seed, clock, stats, coverage …) on a shared 2-core machine

  it('matches a township and applies the suggestions in one audited batch', async () => {
    const before = JSON.parse((await lianxin('match', '--org', '340822', '--json')).stdout);
    // The seed paired everyone; three exited households of one township return to poverty (返贫).
    expect(before).toMatchObject({ householdsNeedingHelp: 0, shortfall: 0, totalFit: 0 });
    const handle = await openDatabase(
      database.env.DATABASE_URL
        ? { databaseUrl: database.env.DATABASE_URL }
        : { dataDir: database.env.LIANXIN_DATA_DIR ?? null, pgliteThread: 'inline' },
    );
    const returned = await handle.db
      .selectFrom('household')
      .select(['id', 'natural_village_code'])
      .where('status', '=', 'exited')
      .orderBy('id')
      .limit(3)
      .execute();
    const township = returned[0]!.natural_village_code.slice(0, 9);
    const ids = returned.filter((h) => h.natural_village_code.startsWith(township)).map((h) => h.id);
    await handle.db.updateTable('household').set({ status: 'returned' }).where('id', 'in', ids).execute();
    await handle.close();
    const dry = JSON.parse((await lianxin('match', '--org', township, '--json')).stdout);
    expect(dry).toMatchObject({ org: township, reach: 'township', householdsNeedingHelp: ids.length, shortfall: 0 });
    expect(dry.householdsCovered).toBe(ids.length);
    expect(dry.totalFit).toBeGreaterThan(0);
    expect(dry.loadMs).toBeGreaterThanOrEqual(0);
    const applied = JSON.parse(
      // The business today is the demo's 2020-12-31 (demo clock), so the start is a date before it.
      (await lianxin('match', '--org', township, '--apply', '--start-on', '2020-12-01', '--json')).stdout,
    );
    expect(applied).toMatchObject({ applied: ids.length, householdsCovered: ids.length });
    const after = JSON.parse((await lianxin('match', '--org', township, '--json')).stdout);
    expect(after).toMatchObject({ householdsNeedingHelp: 0, householdsCovered: 0 });
    const stats = JSON.parse((await lianxin('stats', '--json', '--county', '340822')).stdout);
    expect(stats.pairings).toBe(stats.householdsPoor + stats.householdsMonitored);
    await expect(lianxin('match', '--org', '340822', '--start-on', '2999-01-01')).rejects.toMatchObject({
      stderr: expect.stringContaining('--start-on must be a date'),
    });
  }, 180_000);

  it('creates the first admin, verifies the audit chain and reports the first broken link after tampering', async () => {
    const created = await lianxin(
      'user',
      'create',
      '--username',
      'first-admin',
      '--role',
      'county_admin',
      '--org',
      '340822',
      '--password',
      'first-admin-1',
    );
    expect(created.stdout).toContain('user first-admin');
    // the seed's partition plan (proposed and applied) and pairings, its Party-life assessment (two recomputes, the
    // past year's notice and final, its exemplary shortlist and final), the applied match and the new account
    expect((await lianxin('audit', 'verify')).stdout).toContain('340822: 11 entries, chain intact');
    const env = database.env;
    const handle = await openDatabase(
      env.DATABASE_URL
        ? { databaseUrl: env.DATABASE_URL }
        : { dataDir: env.LIANXIN_DATA_DIR ?? null, pgliteThread: 'inline' },
    );
    await handle.db.updateTable('audit_log').set({ action: 'grant.delete' }).where('seq', '=', 1).execute();
    await handle.close();
    await expect(lianxin('audit', 'verify', '--county', '340822')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('BROKEN at entry 1 (hash_mismatch)'),
    });
  });

  it('sweeps on the demo clock only the seeded problems late at the demo date, then turns the clock off', async () => {
    const env = database.env;
    const handle = await openDatabase(
      env.DATABASE_URL
        ? { databaseUrl: env.DATABASE_URL }
        : { dataDir: env.LIANXIN_DATA_DIR ?? null, pgliteThread: 'inline' },
    );
    // Business now from the anchor row itself (not the app's clock), with a minute's margin on the test's run time.
    const { value } = await handle.db
      .selectFrom('app_setting')
      .select('value')
      .where('key', '=', 'demo_clock')
      .executeTakeFirstOrThrow();
    const anchor = value as { realAt: string; businessAt: string };
    const businessNow = new Date(Date.now() - (Date.parse(anchor.realAt) - Date.parse(anchor.businessAt)) + 60_000);
    const late = await handle.db
      .selectFrom('problem')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'not in', ['resolved', 'closed'])
      .where('due_at', '<', businessNow)
      .where((eb) => eb.or([eb('level', '<>', 'county'), eb('overdue_flagged_at', 'is', null)]))
      .executeTakeFirstOrThrow();
    await handle.close();
    const swept = JSON.parse((await lianxin('escalate', '--sweep')).stdout);
    expect(swept.checked).toBe(Number(late.n));
    expect(swept.checked).toBeLessThanOrEqual(2); // of the 18 open ones: the seeded late ones only
    const off = await lianxin('clock', '--real', '--json');
    expect(off.stderr).toContain('Demo clock removed');
    const real = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(JSON.parse(off.stdout)).toMatchObject({ today: real, demoClock: false, removed: true });
    expect(JSON.parse((await lianxin('clock', '--real', '--json')).stdout)).toMatchObject({ removed: false });
    expect((await lianxin('audit', 'verify', '--county', '110101')).stdout).toContain(
      '110101: 1 entries, chain intact',
    );
  });

  it('escalates the overdue problems with escalate --sweep and prints {checked, escalated}, once', async () => {
    const env = database.env;
    const handle = await openDatabase(
      env.DATABASE_URL
        ? { databaseUrl: env.DATABASE_URL }
        : { dataDir: env.LIANXIN_DATA_DIR ?? null, pgliteThread: 'inline' },
    );
    // The seed's year of problems (2020: its open ones are all past due on the real clock, which the previous test
    // turned back on) is cleared: only these two count.
    await handle.db.deleteFrom('notification').execute();
    await handle.db.deleteFrom('problem_event').execute();
    await handle.db.deleteFrom('problem').execute();
    const household = await handle.db
      .selectFrom('household')
      .select(['id', 'natural_village_code'])
      .where('county_code', '=', '340822')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const late = new Date(Date.now() - 3600_000);
    await handle.db
      .insertInto('problem')
      .values(
        [1, 2].map((n) => ({
          county_code: '340822',
          household_id: household.id,
          natural_village_code: household.natural_village_code,
          category: 'water',
          description: `饮水问题${n}`,
          holder_code: household.natural_village_code,
          level_entered_at: new Date(late.getTime() - 100 * 3600_000),
          due_at: n === 1 ? late : new Date(Date.now() + 3600_000),
        })),
      )
      .execute();
    await handle.close();
    expect(JSON.parse((await lianxin('escalate', '--sweep')).stdout)).toEqual({ checked: 1, escalated: 1 });
    expect(JSON.parse((await lianxin('escalate', '--sweep', '--county', '340822')).stdout)).toEqual({
      checked: 0,
      escalated: 0,
    });
    const stats = JSON.parse((await lianxin('stats', '--json', '--county', '340822')).stdout);
    expect(stats).toMatchObject({ problemsOpen: 2, problemsOverdue: 0, problemsResolved: 0 });
  });
});
