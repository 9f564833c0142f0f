/**
 * Mixed load (issue 14 item 7): reads and writes together through the real API on the seeded demo county, on
 * PGlite and PostgreSQL, signed in as several roles (county admin, township admin, village secretary).
 * For each client count in BENCH_CLIENTS (50,200), on one server process:
 * - `mixed_read_only`: the read mix alone — household, member and problem lists, a household record, the
 *   dashboard, grids, pairings and a household's help timeline;
 * - `mixed_load`: 70 % the same reads, 30 % writes — help-record batches (/help-records/batch,
 *   BENCH_BATCH_SIZE (5) records), problem raises, income edits — with `ratio` = mixed req/s ÷ read-only req/s
 *   of the same run.
 * Each phase runs BENCH_SECONDS (15) after a 2 s warm-up; each line gives req/s and p50/p95/p99 overall and per
 * kind, the statuses, the 1-minute load average and, on PostgreSQL, what the server's sessions waited on (sampled
 * from pg_stat_activity every 50 ms: the profile of item 7). Afterwards (`mixed_load_check`): every acknowledged
 * write is stored (help records by clientId, problems by id, each income row holds the last value acknowledged
 * for it) and the county's audit chain verifies.
 * `node bin/run-ts.js bench/mixed-load.ts` — JSON lines on stdout, progress on stderr. BENCH_BACKENDS=pglite or
 * postgres limits the backends; BENCH_REUSE_DATABASE_URL / BENCH_REUSE_DATA_DIR run on a PostgreSQL database /
 * PGlite directory seeded already (kept);
 * BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/kysely.ts';
import type { Database } from '../src/db/schema.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/plugins/access.ts';
import { createSession } from '../src/services/access/sessions.ts';
import { verifyAuditChain } from '../src/services/audit/verify-audit.ts';
import { type BenchDatabase, freshDatabase, postgresAvailable } from './lib/databases.ts';
import { type ServerProcess, startServerProcess } from './lib/server-process.ts';
import { timeSeed } from './seed.ts';

const COUNTY = '340822';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? '50,200').split(',').map(Number);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 5);
/** BENCH_WRITE_SHARE=1 loads the writes alone: how far writers of one county queue behind each other. */
const WRITE_SHARE = Number(process.env.BENCH_WRITE_SHARE ?? 0.3);
const INCOME_YEAR = 2026;
const MEASURES = ['industry', 'employment', 'education', 'health', 'finance', 'safety_net', 'other'];
const ROLES = ['county_admin', 'township_admin', 'village_secretary'] as const;
const READS = ['households', 'members', 'problems', 'household', 'dashboard', 'grids', 'pairings', 'timeline'];
const WRITES = ['help_batch', 'problem_raise', 'income_edit'];

const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const log = (text: string) => console.error(`[mixed-load] ${text}`);
const loadavg = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? Number.NaN) * 10) / 10;
}

/** One signed-in role: its session headers, its unit and the records within it. */
interface Actor {
  role: (typeof ROLES)[number];
  org: string;
  headers: Record<string, string>;
  households: number[];
  pairs: Array<{ member_id: number; household_id: number }>;
}

/** Sessions of the demo roles and the households and current pairings within each one's unit. */
async function prepareActors(db: Kysely<Database>): Promise<Actor[]> {
  const actors: Actor[] = [];
  for (const role of ROLES) {
    const user = await db
      .selectFrom('app_user as u')
      .innerJoin('role_grant as g', 'g.user_id', 'u.id')
      .select(['u.id', 'g.org_code'])
      .where('u.username', '=', `demo_${role}`)
      .where('g.county_code', '=', COUNTY)
      .executeTakeFirstOrThrow();
    const { token, csrfToken } = await createSession(db, user.id, '127.0.0.1');
    const households = await db
      .selectFrom('household')
      .select('id')
      .where('county_code', '=', COUNTY)
      .where('natural_village_code', 'like', `${user.org_code}%`)
      .orderBy('id')
      .limit(2000)
      .execute();
    const pairs = await sql<{ member_id: number; household_id: number }>`
      select p.member_id, p.household_id from pairing p
        join household h on h.county_code = p.county_code and h.id = p.household_id
       where p.county_code = ${COUNTY} and p.ended_on is null and h.natural_village_code like ${`${user.org_code}%`}
       order by p.id limit 2000`.execute(db);
    actors.push({
      role,
      org: user.org_code,
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken },
      households: households.map((h) => Number(h.id)),
      pairs: pairs.rows.map((p) => ({ member_id: Number(p.member_id), household_id: Number(p.household_id) })),
    });
  }
  return actors;
}

let agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

function request(method: string, url: string, headers: Record<string, string>, payload?: unknown) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(payload === undefined ? undefined : JSON.stringify(payload));
  });
}

/** What the writes acknowledged, to check afterwards that each is stored. */
interface Acked {
  clientIds: string[];
  problemIds: number[];
  /** household id → the wage last acknowledged for INCOME_YEAR (each client edits its own households). */
  incomes: Map<number, number>;
}

interface Phase {
  times: Record<string, number[]>;
  statuses: Record<string, number>;
  seconds: number;
}

/** A small deterministic generator per client (mulberry32): the same mix whatever the timing. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: T[], r: number): T => items[Math.floor(r * items.length) % items.length] as T;

async function runClient(
  base: string,
  actor: Actor,
  index: number,
  clients: number,
  writeShare: number,
  until: number,
  phase: Phase,
  acked: Acked,
) {
  const random = rng(index * 7919 + clients);
  // Income edits: this client's own households (disjoint from other clients'), so its last answer is the stored value.
  const own = actor.households.filter((_, i) => i % clients === index % clients || actor.households.length < clients);
  const api = `${base}/api/counties/${COUNTY}`;
  const within = actor.role === 'county_admin' ? '' : `within=${actor.org}&`;
  while (performance.now() < until) {
    const writing = random() < writeShare;
    const kind = writing ? pick(WRITES, random()) : pick(READS, random());
    const household = pick(actor.households, random());
    const page = 1 + Math.floor(random() * 5);
    let call: () => Promise<{ status: number; body: string }>;
    let onOk: (body: string) => void = () => {};
    switch (kind) {
      case 'households':
        call = () => request('GET', `${api}/households?${within}page=${page}&pageSize=20`, actor.headers);
        break;
      case 'members':
        call = () => request('GET', `${api}/members?${within}page=${page}&pageSize=20`, actor.headers);
        break;
      case 'problems':
        call = () => request('GET', `${api}/problems?${within}page=${page}&pageSize=20`, actor.headers);
        break;
      case 'household':
        call = () => request('GET', `${api}/households/${household}`, actor.headers);
        break;
      case 'dashboard':
        call = () =>
          request(
            'GET',
            `${api}/dashboard${actor.role === 'county_admin' ? '' : `?scope=${actor.org}`}`,
            actor.headers,
          );
        break;
      case 'grids':
        call = () => request('GET', `${api}/grids?${within}page=${page}&pageSize=20`, actor.headers);
        break;
      case 'pairings':
        call = () => request('GET', `${api}/pairings?${within}page=${page}&pageSize=20`, actor.headers);
        break;
      case 'timeline':
        call = () => request('GET', `${api}/households/${household}/timeline?pageSize=20`, actor.headers);
        break;
      case 'help_batch': {
        const records = Array.from({ length: BATCH_SIZE }, () => {
          const pair = pick(actor.pairs, random());
          return {
            clientId: randomUUID(),
            householdId: pair.household_id,
            memberId: pair.member_id,
            visitedOn: '2026-06-15',
            measure: pick(MEASURES, random()),
            content: '入户走访，了解生产生活情况（混合负载基准）',
          };
        });
        call = () => request('POST', `${api}/help-records/batch`, actor.headers, { records });
        onOk = (body) => {
          const { results } = JSON.parse(body) as { results: Array<{ clientId: string; status: number }> };
          for (const r of results) if (r.status === 201 || r.status === 200) acked.clientIds.push(r.clientId);
        };
        break;
      }
      case 'problem_raise':
        call = () =>
          request('POST', `${api}/problems`, actor.headers, {
            householdId: household,
            category: 'industry',
            description: '混合负载基准：需要协调产业帮扶',
          });
        onOk = (body) => acked.problemIds.push(Number((JSON.parse(body) as { id: number }).id));
        break;
      default: {
        const target = pick(own.length > 0 ? own : actor.households, random());
        const wage = 10_000 + Math.floor(random() * 50_000);
        call = () => request('PUT', `${api}/households/${target}/income/${INCOME_YEAR}`, actor.headers, { wage });
        onOk = () => acked.incomes.set(target, wage);
      }
    }
    const started = performance.now();
    const res = await call();
    const ms = performance.now() - started;
    if (performance.now() <= until || writing) {
      const times = phase.times[kind] ?? [];
      times.push(ms);
      phase.times[kind] = times;
      const key = `${kind}:${res.status}`;
      phase.statuses[key] = (phase.statuses[key] ?? 0) + 1;
    }
    if (res.status < 300) onOk(res.body);
  }
}

async function runPhase(
  base: string,
  actors: Actor[],
  clients: number,
  writeShare: number,
  seconds: number,
  acked: Acked,
) {
  const phase: Phase = { times: {}, statuses: {}, seconds: 0 };
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      runClient(base, actors[i % actors.length] as Actor, i, clients, writeShare, until, phase, acked),
    ),
  );
  phase.seconds = (performance.now() - started) / 1000;
  return phase;
}

function summary(phase: Phase) {
  const all = Object.values(phase.times)
    .flat()
    .sort((a, b) => a - b);
  const kinds: Record<string, unknown> = {};
  for (const [kind, times] of Object.entries(phase.times)) {
    const sorted = [...times].sort((a, b) => a - b);
    kinds[kind] = {
      n: sorted.length,
      p50_ms: percentile(sorted, 50),
      p95_ms: percentile(sorted, 95),
      p99_ms: percentile(sorted, 99),
    };
  }
  const errors = Object.entries(phase.statuses)
    .filter(([key]) => Number(key.split(':')[1]) >= 400)
    .reduce((n, [, v]) => n + v, 0);
  return {
    n: all.length,
    seconds: Math.round(phase.seconds * 10) / 10,
    rps: Math.round(all.length / phase.seconds),
    p50_ms: percentile(all, 50),
    p95_ms: percentile(all, 95),
    p99_ms: percentile(all, 99),
    errors,
    kinds,
    statuses: phase.statuses,
  };
}

/** Samples what PostgreSQL's sessions of the bench database wait on, every 50 ms, until stopped. */
function sampleWaits(databaseUrl: string) {
  const counts: Record<string, number> = {};
  let samples = 0;
  let running = true;
  const client = new pg.Client({ connectionString: databaseUrl });
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ wait: string; n: string }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'cpu') as wait, count(*) as n
           from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()
          group by 1`,
      );
      samples += 1;
      for (const r of rows) counts[r.wait] = (counts[r.wait] ?? 0) + Number(r.n);
      await new Promise((r) => setTimeout(r, 50));
    }
    await client.end();
  })();
  return async () => {
    running = false;
    await done;
    // Mean number of active sessions in each state: how many of the pool's connections wait on what.
    return Object.fromEntries(
      Object.entries(counts)
        .sort(([, a], [, b]) => b - a)
        .map(([k, v]) => [k, Math.round((v / Math.max(1, samples)) * 100) / 100]),
    );
  };
}

/** Every acknowledged write stored, and the audit chain intact. */
async function check(db: Kysely<Database>, acked: Acked, backend: string) {
  const ids = [...new Set(acked.clientIds)];
  const records = ids.length
    ? await db
        .selectFrom('assistance_record')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('county_code', '=', COUNTY)
        .where('client_id', 'in', ids)
        .executeTakeFirstOrThrow()
    : { n: '0' };
  const problems = acked.problemIds.length
    ? await db
        .selectFrom('problem')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('county_code', '=', COUNTY)
        .where('id', 'in', acked.problemIds)
        .executeTakeFirstOrThrow()
    : { n: '0' };
  let incomesMatching = 0;
  const households = [...acked.incomes.keys()];
  if (households.length) {
    const rows = await db
      .selectFrom('household_income')
      .select(['household_id', 'wage'])
      .where('county_code', '=', COUNTY)
      .where('year', '=', INCOME_YEAR)
      .where('household_id', 'in', households)
      .execute();
    for (const r of rows) if (Number(r.wage) === acked.incomes.get(Number(r.household_id))) incomesMatching += 1;
  }
  const started = performance.now();
  const chain = await verifyAuditChain(db, COUNTY);
  return {
    name: 'mixed_load_check',
    backend,
    help_records_acked: ids.length,
    help_records_stored: Number(records.n),
    problems_acked: acked.problemIds.length,
    problems_stored: Number(problems.n),
    incomes_acked: households.length,
    incomes_stored_as_acked: incomesMatching,
    all_stored:
      Number(records.n) === ids.length &&
      Number(problems.n) === acked.problemIds.length &&
      incomesMatching === households.length,
    audit_chain: chain,
    audit_verify_ms: Math.round(performance.now() - started),
  };
}

async function benchBackend(backend: 'pglite' | 'postgres') {
  // A county seeded already (kept afterwards): PostgreSQL by URL, PGlite by data directory.
  const { BENCH_REUSE_DATABASE_URL: url, BENCH_REUSE_DATA_DIR: dir } = process.env;
  const reuse: NodeJS.ProcessEnv | undefined =
    backend === 'postgres'
      ? url
        ? { DATABASE_URL: url }
        : undefined
      : dir
        ? { LIANXIN_DATA_DIR: dir, DATABASE_URL: '' }
        : undefined;
  const database: BenchDatabase | null = reuse ? null : await freshDatabase(backend);
  const env: NodeJS.ProcessEnv = database?.env ?? reuse ?? {};
  const open = () =>
    openDatabase(
      env.DATABASE_URL
        ? { databaseUrl: env.DATABASE_URL, poolSize: 2 }
        : { dataDir: env.LIANXIN_DATA_DIR as string, pgliteThread: 'inline' },
    );
  let server: ServerProcess | undefined;
  try {
    if (database) {
      log(`[${backend}] seeding the demo county …`);
      print(await timeSeed(database));
    }
    // PGlite allows one process at a time: sessions before the server starts, checks after it stops.
    let handle = await open();
    const actors = await prepareActors(handle.db).finally(() => handle.close());
    server = await startServerProcess(env);
    const acked: Acked = { clientIds: [], problemIds: [], incomes: new Map() };
    for (const clients of CLIENT_COUNTS) {
      agent.destroy();
      agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
      log(`[${backend}] ${clients} clients: warm-up, read mix alone, then mixed (${SECONDS} s each) …`);
      await runPhase(server.url, actors, clients, WRITE_SHARE, 2, acked);
      const load = { load1_before: loadavg() };
      const readOnly = summary(await runPhase(server.url, actors, clients, 0, SECONDS, acked));
      print({ name: 'mixed_read_only', backend, clients, ...readOnly, loadavg_1m: loadavg(), ...load });
      const waits = env.DATABASE_URL ? sampleWaits(env.DATABASE_URL) : null;
      const mixed = summary(await runPhase(server.url, actors, clients, WRITE_SHARE, SECONDS, acked));
      print({
        name: 'mixed_load',
        backend,
        clients,
        write_share: WRITE_SHARE,
        ...mixed,
        ratio: Math.round((mixed.rps / Math.max(1, readOnly.rps)) * 100) / 100,
        loadavg_1m: loadavg(),
        ...(waits ? { pg_active_sessions_by_wait: await waits() } : {}),
      });
    }
    agent.destroy();
    await server.stop();
    server = undefined;
    handle = await open();
    try {
      print(await check(handle.db, acked, backend));
    } finally {
      await handle.close();
    }
  } finally {
    await server?.stop();
    await database?.drop();
  }
}

const wanted = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',');
for (const backend of ['pglite', 'postgres'] as const) {
  if (!wanted.includes(backend)) continue;
  if (backend === 'postgres' && !(await postgresAvailable())) {
    log('PostgreSQL is not reachable: skipping it');
    continue;
  }
  await benchBackend(backend);
}
