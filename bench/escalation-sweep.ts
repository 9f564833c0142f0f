/**
 * The overdue sweep over a year of problems (issue 7 target: ≤ 2 s): seeds the demo county into an in-memory
 * PGlite (or a fresh PostgreSQL database with BENCH_DATABASE_URL), inserts ~19,000 resolved/closed and ~2,000 open
 * problems spread over the year, levels and categories (BENCH_OVERDUE, default 300, of the open ones past due),
 * then times the sweep (cold), a second sweep (nothing left: idempotent), and a sweep after re-ageing the same
 * number of problems (warm). Prints JSON lines. `node bin/run-ts.js bench/escalation-sweep.ts`;
 * BENCH_SCALE (default 1) sizes the county.
 */
import { type Kysely, sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { seedDemoCounty } from '../src/demo/index.ts';
import { sweepOverdue } from '../src/services/problems/sweep-overdue.ts';
import { onBenchDatabase } from './lib/databases.ts';

const COUNTY = '340822';
const RESOLVED = Number(process.env.BENCH_RESOLVED ?? 19_000);
const OPEN = Number(process.env.BENCH_OPEN ?? 2_000);
const OVERDUE = Number(process.env.BENCH_OVERDUE ?? 300);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

const LEVEL = sql`case when i % 20 < 12 then 'grid' when i % 20 < 17 then 'village' when i % 20 < 19 then 'township' else 'county' end`;
const CUT = sql`case when i % 20 < 12 then 15 when i % 20 < 17 then 12 when i % 20 < 19 then 9 else 6 end`;
const CATEGORY = sql`(array['industry','employment','medical','education','housing','water','dibao','other'])[1 + i % 8]`;

/**
 * `n` problems over the county's households: resolved ones entered over the past year and closed two days later,
 * open ones entered in the last days; `late` of the open ones past their deadline.
 */
async function insertProblems(db: Kysely<Database>, n: number, open: boolean, late: number): Promise<void> {
  const entered = open
    ? sql`case when i <= ${late} then now() - interval '200 hours' else now() - (i % 48) * interval '1 hour' end`
    : sql`now() - (i % 365) * interval '1 day' - interval '3 days'`;
  const due = open
    ? sql`case when i <= ${late} then now() - interval '1 hour' else now() + interval '24 hours' end`
    : sql`e.entered + interval '72 hours'`;
  await sql`
    with hh as (select id, natural_village_code, row_number() over (order by id) as rn from household where county_code = ${COUNTY}),
      total as (select count(*) as n from hh),
      e as (select i, ${entered} as entered from generate_series(1, ${n}) as i)
    insert into problem (county_code, household_id, natural_village_code, category, description, urgency, level, status,
      holder_code, level_entered_at, due_at, resolution, resolved_at, closed_at, created_at)
    select ${COUNTY}, hh.id, hh.natural_village_code, ${CATEGORY}, '演示问题', case when i % 7 = 0 then 'urgent' else 'normal' end,
      ${LEVEL}, ${open ? sql`case when i % 3 = 0 then 'accepted' else 'open' end` : sql`'closed'`},
      left(hh.natural_village_code, ${CUT}), e.entered, ${due},
      ${open ? sql`null` : sql`'已解决'`}, ${open ? sql`null` : sql`e.entered + interval '1 day'`},
      ${open ? sql`null` : sql`e.entered + interval '2 days'`}, e.entered
    from e cross join total join hh on hh.rn = 1 + (e.i * 7919) % total.n`.execute(db);
}

/** One account per village, township and the county holding its level, so the sweep notifies as in production. */
async function insertHolders(db: Kysely<Database>): Promise<void> {
  await sql`insert into app_user (username, display_name, password_hash)
    select 'holder_' || code, name, 'scrypt$1$1$1$AA$AA' from org_unit
    where county_code = ${COUNTY} and level in ('county', 'township', 'village')`.execute(db);
  await sql`insert into role_grant (county_code, user_id, role, org_code)
    select o.county_code, u.id, case o.level when 'county' then 'county_admin' when 'township' then 'township_admin'
      else 'village_secretary' end, o.code
    from org_unit o join app_user u on u.username = 'holder_' || o.code
    where o.county_code = ${COUNTY} and o.level in ('county', 'township', 'village')`.execute(db);
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round((performance.now() - started) * 10) / 10];
}

async function run(db: Kysely<Database>, backend: string): Promise<void> {
  await migrateToLatest(db);
  const [seeded, seedMs] = await timed(() => seedDemoCounty(db, { seed: 20171, scale: SCALE }));
  print({ name: 'sweep_seed_demo', backend, n: seeded.households, ms: Math.round(seedMs) });
  const [, insertMs] = await timed(async () => {
    await insertHolders(db);
    await insertProblems(db, RESOLVED, false, 0);
    await insertProblems(db, OPEN, true, OVERDUE);
  });
  print({ name: 'sweep_insert_problems', backend, n: RESOLVED + OPEN, ms: Math.round(insertMs) });
  const [cold, coldMs] = await timed(() => sweepOverdue(db));
  print({
    name: 'sweep_overdue_cold',
    backend,
    n: RESOLVED + OPEN,
    ...cold,
    ms: coldMs,
    target_ms: 2000,
    rss_mb: rssMb(),
  });
  const [again, againMs] = await timed(() => sweepOverdue(db));
  print({ name: 'sweep_overdue_nothing_left', backend, n: RESOLVED + OPEN, ...again, ms: againMs });
  // Age the same number again (the ones the first sweep moved up): a warm sweep of as much work.
  await sql`update problem set level_entered_at = now() - interval '400 hours', due_at = now() - interval '1 hour'
    where id in (select id from problem where status not in ('resolved', 'closed') order by id limit ${OVERDUE})`.execute(
    db,
  );
  const [warm, warmMs] = await timed(() => sweepOverdue(db));
  print({
    name: 'sweep_overdue_warm',
    backend,
    n: RESOLVED + OPEN,
    ...warm,
    ms: warmMs,
    target_ms: 2000,
    rss_mb: rssMb(),
  });
}

await onBenchDatabase(run);
