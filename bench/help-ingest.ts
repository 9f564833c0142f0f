/**
 * Help records (issue 7 items 1, 2 and 8) on PostgreSQL, through the real API on a seeded demo county:
 * - `help_ingest`: BENCH_CLIENTS (20) concurrent clients POST help records for current pairings for
 *   BENCH_SECONDS; BENCH_RESEND (10 %) of the posts resend an earlier clientId (an offline client retrying);
 *   records/s stored, requests/s, p50/p95/p99, and the check that every clientId is stored exactly once;
 * - `help_timeline_api` / `help_timeline_sql`: a household's timeline (first page of 20) after BENCH_RECORDS
 *   (200,000) synthetic records spread over a year are inserted directly: p95 through the API (autocannon,
 *   1 and 20 connections, 200 households) and of the query alone (sequential, in this process).
 * `node bin/run-ts.js bench/help-ingest.ts` — prints JSON lines; progress on stderr.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/kysely.ts';
import { timelineRows } from '../src/db/repositories/household-timeline.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/plugins/access.ts';
import { createSession } from '../src/services/access/sessions.ts';
import { freshDatabase, postgresAvailable } from './lib/databases.ts';
import { runLoad } from './lib/load.ts';
import { startServerProcess } from './lib/server-process.ts';
import { timeSeed } from './seed.ts';

const COUNTY = '340822';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const RESEND = Number(process.env.BENCH_RESEND ?? 0.1);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const MEASURES = ['industry', 'employment', 'education', 'health', 'finance', 'safety_net', 'other'];
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const log = (text: string) => console.error(`[help-ingest] ${text}`);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? Number.NaN) * 100) / 100;
}

type Pair = { member_id: number; household_id: number };

/** One client: posts until the deadline; returns latencies, statuses and the clientIds it sent. */
async function client(url: string, headers: Record<string, string>, pairs: Pair[], until: number, seed: number) {
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  const sent: string[] = [];
  let n = seed;
  while (performance.now() < until) {
    n += 1;
    const pair = pairs[(n * 7919) % pairs.length] as Pair;
    // A pseudo-random tenth of the posts (not the first ones) resend an earlier clientId.
    const resend = sent.length > 0 && ((n * 7) % 97) / 97 < RESEND;
    const clientId = resend ? (sent[(n * 31) % sent.length] as string) : randomUUID();
    if (!resend) sent.push(clientId);
    const body = {
      clientId,
      householdId: Number(pair.household_id),
      memberId: Number(pair.member_id),
      visitedOn: '2026-06-15',
      measure: MEASURES[n % MEASURES.length],
      content: `入户走访，了解生产生活情况（基准测试 ${n}）`,
    };
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    await res.arrayBuffer();
    times.push(performance.now() - started);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  return { times, statuses, sent };
}

/** CPU time (user + system) of a process so far, in ms, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function ingest(serverUrl: string, headers: Record<string, string>, pairs: Pair[]) {
  const url = `${serverUrl}/api/counties/${COUNTY}/help-records`;
  await client(url, headers, pairs, performance.now() + 1000, 1_000_000); // warm-up
  const started = performance.now();
  const until = started + SECONDS * 1000;
  const runs = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => client(url, headers, pairs, until, i * 10_000)),
  );
  const seconds = (performance.now() - started) / 1000;
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const r of runs)
    for (const [k, v] of Object.entries(r.statuses)) statuses[Number(k)] = (statuses[Number(k)] ?? 0) + v;
  return { seconds, times, statuses, sent: runs.flatMap((r) => r.sent) };
}

/** Inserts `count` synthetic records over the year before 2026-11-29, spread over the current pairings. */
async function synthetic(db: Awaited<ReturnType<typeof openDatabase>>['db'], count: number) {
  await sql`
    insert into assistance_record (county_code, client_id, household_id, member_id, pairing_id, visited_on,
                                   measure, content, status, verified_by, verified_at)
    select p.county_code, gen_random_uuid(), p.household_id, p.member_id, p.id,
           date '2025-11-30' + ((g * 7919 + p.id * 31) % 365)::int,
           (array['industry','employment','education','health','finance','safety_net','other'])[1 + ((g + p.id) % 7)::int],
           '入户走访，落实帮扶措施（合成数据）',
           case when g % 10 < 7 then 'verified' else 'submitted' end,
           case when g % 10 < 7 then 1 end,
           case when g % 10 < 7 then now() end
      from (select * from pairing where county_code = ${COUNTY} and ended_on is null) p
      cross join generate_series(1, (select ceil(${count}::numeric / count(*)) from pairing
                                      where county_code = ${COUNTY} and ended_on is null)::int) g
     limit ${count}`.execute(db);
  await sql`analyze assistance_record`.execute(db);
}

async function timelineSqlP95(db: Awaited<ReturnType<typeof openDatabase>>['db'], households: number[]) {
  for (const id of households.slice(0, 20)) await timelineRows(db, COUNTY, id, 21, 0); // warm-up
  const times: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const started = performance.now();
    await timelineRows(db, COUNTY, households[k % households.length] as number, 21, 0);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    n: times.length,
    p50_ms: percentile(times, 50),
    p95_ms: percentile(times, 95),
    p99_ms: percentile(times, 99),
  };
}

async function main() {
  if (!(await postgresAvailable())) throw new Error('PostgreSQL is not reachable (BENCH_DATABASE_URL)');
  const database = await freshDatabase('postgres');
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  const handle = await openDatabase({ databaseUrl: database.env.DATABASE_URL, poolSize: 4 });
  try {
    log('seeding the demo county …');
    print(await timeSeed(database));
    server = await startServerProcess(database.env);
    const db = handle.db;
    const admin = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'bench_admin')
      .executeTakeFirstOrThrow();
    const { token, csrfToken } = await createSession(db, admin.id, '127.0.0.1');
    const headers = {
      'content-type': 'application/json',
      cookie: `${SESSION_COOKIE}=${token}`,
      [CSRF_HEADER]: csrfToken,
    };
    const pairs = (
      await sql<Pair>`select member_id, household_id from pairing
                                    where county_code = ${COUNTY} and ended_on is null`.execute(db)
    ).rows;
    log(`ingest: ${CLIENTS} clients × ${SECONDS} s over ${pairs.length} current pairings …`);
    const cpuBefore = cpuMsOf(server.child.pid as number);
    const run = await ingest(server.url, headers, pairs);
    const serverCpuMs = cpuMsOf(server.child.pid as number) - cpuBefore;
    const load = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
    const unique = new Set(run.sent);
    const stored = await sql<{ n: string; dup: string }>`
      select count(*) as n, count(*) - count(distinct client_id) as dup from assistance_record`.execute(db);
    const created = run.statuses[201] ?? 0;
    print({
      name: 'help_ingest',
      backend: 'postgres',
      clients: CLIENTS,
      resend_share: RESEND,
      n: run.times.length,
      seconds: Math.round(run.seconds * 10) / 10,
      records_per_s: Math.round(created / run.seconds),
      requests_per_s: Math.round(run.times.length / run.seconds),
      p50_ms: percentile(run.times, 50),
      p95_ms: percentile(run.times, 95),
      p99_ms: percentile(run.times, 99),
      statuses: run.statuses,
      client_ids_sent: unique.size,
      rows_stored: Number(stored.rows[0]?.n),
      duplicate_rows: Number(stored.rows[0]?.dup),
      // Node's share of the cost (PostgreSQL's is not counted): what one core of an idle machine could carry.
      server_cpu_ms_per_request: Math.round((serverCpuMs / run.times.length) * 100) / 100,
      loadavg_1m: load,
    });
    log(`inserting ${RECORDS} synthetic records over a year …`);
    const insertStarted = performance.now();
    await synthetic(db, RECORDS);
    const insertMs = Math.round(performance.now() - insertStarted);
    const total = await db
      .selectFrom('assistance_record')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const households = [...new Set(pairs.map((p) => Number(p.household_id)))].slice(0, 200);
    const urls = households.map((id) => `${server?.url}/api/counties/${COUNTY}/households/${id}/timeline?pageSize=20`);
    const cookie = { cookie: `${SESSION_COOKIE}=${token}` };
    await runLoad({ urls, connections: 4, seconds: 2, headers: cookie }); // warm-up
    for (const connections of [1, 20]) {
      const r = await runLoad({ urls, connections, seconds: SECONDS, headers: cookie });
      print({
        name: 'help_timeline_api',
        backend: 'postgres',
        connections,
        records_in_county: Number(total.n),
        insert_ms: insertMs,
        n: r.requests,
        rps: r.rps,
        p50_ms: r.p50_ms,
        p95_ms: r.p95_ms,
        p99_ms: r.p99_ms,
        errors: r.errors + r.non2xx,
      });
    }
    print({
      name: 'help_timeline_sql',
      backend: 'postgres',
      records_in_county: Number(total.n),
      ...(await timelineSqlP95(db, households)),
    });
  } finally {
    await server?.stop();
    await handle.close();
    await database.drop();
  }
}

await main();
