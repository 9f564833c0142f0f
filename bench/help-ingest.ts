/**
 * Help records (issue 7 items 1, 2 and 8) on PostgreSQL, through the real API on a seeded demo county:
 * - `help_ingest`: BENCH_CLIENTS (20) concurrent clients POST help records for current pairings for
 *   BENCH_SECONDS, one record per request (the form online); BENCH_RESEND (10 %) of the records resend an
 *   earlier clientId (an offline client retrying); records/s stored, requests/s, p50/p95/p99, and the check that
 *   every clientId is stored exactly once;
 * - `help_ingest_sync`: the same, but each request carries BENCH_SYNC_SIZE (10) records through
 *   /help-records/batch (an offline queue syncing what it saved);
 * - `help_timeline_api` / `help_timeline_sql`: a household's timeline (first page of 20) after BENCH_RECORDS
 *   (200,000) synthetic records spread over a year are inserted directly: p95 through the API (autocannon,
 *   1 and 20 connections, 200 households) and of the query alone (sequential, in this process).
 * `node bin/run-ts.js bench/help-ingest.ts` — prints JSON lines; progress on stderr. BENCH_REUSE_DATABASE_URL
 * runs on a database where the demo county is seeded already (no seeding, nothing dropped); BENCH_RECORDS=0
 * skips the timeline part.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
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
const SYNC_SIZE = Number(process.env.BENCH_SYNC_SIZE ?? 10);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const MEASURES = ['industry', 'employment', 'education', 'health', 'finance', 'safety_net', 'other'];
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const log = (text: string) => console.error(`[help-ingest] ${text}`);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? Number.NaN) * 100) / 100;
}

type Pair = { member_id: number; household_id: number };

/** Keep-alive connections for the clients: node:http costs the load generator a third of what fetch does. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs JSON; the status and the body text. */
function post(url: string, headers: Record<string, string>, payload: unknown) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

/**
 * One client: posts until the deadline, `perRequest` records a request (1: the single-record route, more: the
 * batch route); returns latencies, statuses of records (not requests) and the clientIds it sent.
 */
async function client(
  baseUrl: string,
  headers: Record<string, string>,
  pairs: Pair[],
  until: number,
  seed: number,
  perRequest: number,
) {
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  const sent: string[] = [];
  let n = seed;
  const nextRecord = () => {
    n += 1;
    const pair = pairs[(n * 7919) % pairs.length] as Pair;
    // A pseudo-random tenth of the records (not the first ones) resend an earlier clientId.
    const resend = sent.length > 0 && ((n * 7) % 97) / 97 < RESEND;
    const clientId = resend ? (sent[(n * 31) % sent.length] as string) : randomUUID();
    if (!resend) sent.push(clientId);
    return {
      clientId,
      householdId: Number(pair.household_id),
      memberId: Number(pair.member_id),
      visitedOn: '2026-06-15',
      measure: MEASURES[n % MEASURES.length],
      content: `入户走访，了解生产生活情况（基准测试 ${n}）`,
    };
  };
  const count = (status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  while (performance.now() < until) {
    const records = Array.from({ length: perRequest }, nextRecord);
    const single = perRequest === 1;
    const started = performance.now();
    const res = await post(single ? baseUrl : `${baseUrl}/batch`, headers, single ? records[0] : { records });
    times.push(performance.now() - started);
    const body = JSON.parse(res.body) as { results?: { status: number }[] };
    if (single || !body.results) count(res.status);
    else for (const r of body.results) count(r.status);
  }
  return { times, statuses, sent };
}

/** CPU time (user + system) of a process so far, in ms, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function ingest(serverUrl: string, headers: Record<string, string>, pairs: Pair[], perRequest: number) {
  const url = `${serverUrl}/api/counties/${COUNTY}/help-records`;
  await client(url, headers, pairs, performance.now() + 1000, 1_000_000 * perRequest, perRequest); // warm-up
  const started = performance.now();
  const until = started + SECONDS * 1000;
  const runs = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      client(url, headers, pairs, until, (i + 1) * 100_000 * perRequest, perRequest),
    ),
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

/** Sum of the CPU time of the PostgreSQL server's processes so far, in ms (its share of the cost). */
function postgresCpuMs(): number {
  const pids = spawnSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return pids.reduce((sum, pid) => {
    try {
      return sum + cpuMsOf(Number(pid));
    } catch {
      return sum; // the process ended meanwhile
    }
  }, 0);
}

/** One ingest run and its figures, with each process's CPU per stored record (2 cores are shared by all three). */
async function measureIngest(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  server: Awaited<ReturnType<typeof startServerProcess>>,
  headers: Record<string, string>,
  pairs: Pair[],
  name: string,
  perRequest: number,
) {
  const pid = server.child.pid as number;
  const before = { server: cpuMsOf(pid), postgres: postgresCpuMs(), client: process.cpuUsage() };
  const run = await ingest(server.url, headers, pairs, perRequest);
  const clientCpu = process.cpuUsage(before.client);
  const cpu = {
    server: cpuMsOf(pid) - before.server,
    postgres: postgresCpuMs() - before.postgres,
    client: (clientCpu.user + clientCpu.system) / 1000,
  };
  const unique = [...new Set(run.sent)];
  const stored = await sql<{ n: string }>`
    select count(*) as n from assistance_record
     where county_code = ${COUNTY} and client_id = any(${unique}::uuid[])`.execute(db);
  const created = run.statuses[201] ?? 0;
  const perRecord = (ms: number) => Math.round((ms / Math.max(1, created)) * 100) / 100;
  return {
    name,
    backend: 'postgres',
    clients: CLIENTS,
    records_per_request: perRequest,
    resend_share: RESEND,
    requests: run.times.length,
    seconds: Math.round(run.seconds * 10) / 10,
    records_per_s: Math.round(created / run.seconds),
    requests_per_s: Math.round(run.times.length / run.seconds),
    p50_ms: percentile(run.times, 50),
    p95_ms: percentile(run.times, 95),
    p99_ms: percentile(run.times, 99),
    record_statuses: run.statuses,
    client_ids_sent: unique.length,
    // Every clientId sent is stored exactly once (the unique constraint forbids twice; this checks none is lost).
    client_ids_stored: Number(stored.rows[0]?.n),
    cpu_ms_per_record: {
      server: perRecord(cpu.server),
      postgres: perRecord(cpu.postgres),
      client: perRecord(cpu.client),
    },
    loadavg_1m: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
  };
}

async function main() {
  if (!(await postgresAvailable())) throw new Error('PostgreSQL is not reachable (BENCH_DATABASE_URL)');
  // BENCH_REUSE_DATABASE_URL: a database seeded with the demo county already (kept afterwards), to rerun quickly.
  const reuse = process.env.BENCH_REUSE_DATABASE_URL;
  const database = reuse ? null : await freshDatabase('postgres');
  const env = database?.env ?? { DATABASE_URL: reuse };
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 4 });
  try {
    if (database) {
      log('seeding the demo county …');
      print(await timeSeed(database));
    }
    server = await startServerProcess(env);
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
    for (const [name, perRequest] of [
      ['help_ingest', 1],
      ['help_ingest_sync', SYNC_SIZE],
    ] as const) {
      log(`${name}: ${CLIENTS} clients × ${SECONDS} s, ${perRequest} record(s) a request, ${pairs.length} pairings …`);
      print(await measureIngest(db, server, headers, pairs, name, perRequest));
    }
    if (RECORDS === 0) return;
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
    await database?.drop();
  }
}

await main();
