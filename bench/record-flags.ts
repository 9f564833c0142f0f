/**
 * Record trust (issue 18) on PGlite, on a freshly seeded demo county (~200,000 help records with the planted
 * fabrications), or on BENCH_DATA_DIR (a PGlite directory where the demo is seeded already):
 * - `record_flags_history`: `flagHistory` over the whole history (read, rules, replace the open flags), BENCH_RUNS (3);
 * - `record_flags_ingest_on` / `_off`: the batch route (50 records a request) with and without flagging on ingest,
 *   the two interleaved request by request in the same run, BENCH_BATCHES (30) each; `ratio` = on / off (p50); a
 *   request is one member's 50 records (a phone's queue), or 50 pairings' with BENCH_MIXED=1;
 * - `record_flags_duplicates`: near-duplicate detection against the seed's ground truth (planted copies have
 *   client ids `fab2…` ending PLANTED_TAIL): share of planted copies flagged (recall) and share of honest records flagged
 *   (false flags); also how many planted back-dated (`fab1`) and reused-photo (`fab3`) records are flagged.
 * `node bin/run-ts.js bench/record-flags.ts` — JSON lines on stdout, progress on stderr.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/kysely.ts';
import { PLANTED_TAIL } from '../src/db/repositories/demo-history.ts';
import { helpText } from '../src/demo/help-texts.ts';
import { PLANTED } from '../src/demo/planted-fabrications.ts';
import { Rng } from '../src/demo/random.ts';
import { chinaDateOf } from '../src/domain/dates.ts';
import { buildApp } from '../src/http/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/plugins/access.ts';
import { createSession } from '../src/services/access/sessions.ts';
import { setFlagOnIngest } from '../src/services/help-records/create-help-record.ts';
import { flagHistory } from '../src/services/record-trust/flag-records.ts';
import { LocalDiskStorage } from '../src/services/storage/storage.ts';
import { freshDatabase } from './lib/databases.ts';
import { timeSeed } from './seed.ts';

const COUNTY = '340822';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 30);
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const log = (text: string) => console.error(`[record-flags] ${text}`);
const rss = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { p50_ms: Math.round(at(0.5)), p95_ms: Math.round(at(0.95)) };
}

async function seededDir(): Promise<string> {
  if (process.env.BENCH_DATA_DIR) return process.env.BENCH_DATA_DIR;
  const fresh = await freshDatabase('pglite');
  log('seeding the demo county …');
  const seeded = await timeSeed(fresh);
  print({ ...seeded, rss_mb: seeded.peak_rss_mb });
  return fresh.env.LIANXIN_DATA_DIR as string;
}

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

async function duplicateTruth(db: Db) {
  const { rows } = await sql<{
    planted: string | null;
    records: number;
    dup: number;
    backdated: number;
    photo: number;
  }>`
    select case when r.client_id::text like ${`%${PLANTED_TAIL}`} then left(r.client_id::text, 4) end as planted, count(*)::int as records,
      count(*) filter (where exists (select 1 from record_flag f where f.county_code = r.county_code
        and f.record_id = r.id and f.kind = 'duplicate_text'))::int as dup,
      count(*) filter (where exists (select 1 from record_flag f where f.county_code = r.county_code
        and f.record_id = r.id and f.kind = 'backdated'))::int as backdated,
      count(*) filter (where exists (select 1 from record_flag f where f.county_code = r.county_code
        and f.record_id = r.id and f.kind = 'reused_photo'))::int as photo
    from assistance_record r where r.county_code = ${COUNTY} group by 1`.execute(db);
  const of = (prefix: string) => rows.find((r) => r.planted === prefix);
  const honest = rows.filter((r) => !Object.values(PLANTED).includes(r.planted as never));
  const honestRecords = honest.reduce((n, r) => n + r.records, 0);
  const honestDup = honest.reduce((n, r) => n + r.dup, 0);
  const copied = of(PLANTED.copied);
  print({
    name: 'record_flags_duplicates',
    n: honestRecords + (copied?.records ?? 0),
    planted_copies: copied?.records ?? 0,
    recall: copied ? Math.round((copied.dup / copied.records) * 1000) / 1000 : null,
    honest_records: honestRecords,
    honest_flagged: honestDup,
    false_flag_share: Math.round((honestDup / honestRecords) * 100000) / 100000,
    planted_backdated: of(PLANTED.backdated)?.records ?? 0,
    backdated_found: of(PLANTED.backdated)?.backdated ?? 0,
    planted_photo: of(PLANTED.photo)?.records ?? 0,
    photo_found: of(PLANTED.photo)?.photo ?? 0,
    rss_mb: rss(),
  });
}

async function historyTimes(db: Db) {
  const times: number[] = [];
  let summary: Awaited<ReturnType<typeof flagHistory>> | null = null;
  for (let i = 0; i < RUNS; i++) {
    summary = await flagHistory(db, COUNTY);
    times.push(summary.ms);
    log(`history run ${i + 1}: ${summary.ms} ms, ${summary.flagged} flagged`);
  }
  print({
    name: 'record_flags_history',
    n: summary?.records ?? 0,
    ...stats(times),
    flagged: summary?.flagged,
    byKind: summary?.byKind,
    rss_mb: rss(),
  });
}

async function ingestTimes(handle: Awaited<ReturnType<typeof openDatabase>>) {
  const app = await buildApp({
    database: handle,
    logger: false,
    storage: new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'lianxin-files-'))),
  });
  const admin = await handle.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'demo_county_admin')
    .executeTakeFirstOrThrow();
  const { token, csrfToken } = await createSession(handle.db, Number(admin.id), '127.0.0.1');
  const { rows: pairs } = await sql<{ member_id: number; household_id: number }>`
    select member_id::int, household_id::int from pairing where county_code = ${COUNTY} and ended_on is null
    order by id limit 3000`.execute(handle.db);
  const times = { on: [] as number[], off: [] as number[] };
  const rng = new Rng(18);
  let k = 0;
  // BENCH_MIXED=1: each record for another pairing (50 members and villages a request); by default a request is
  // one member's offline queue (their paired household), as a phone syncs it.
  const mixed = process.env.BENCH_MIXED === '1';
  const today = chinaDateOf();
  const batch = () => {
    const own = pairs[k++ % pairs.length] as { member_id: number; household_id: number };
    return Array.from({ length: 50 }, () => {
      const p = mixed ? (pairs[k++ % pairs.length] as typeof own) : own;
      const measure = 'other';
      return {
        clientId: randomUUID(),
        householdId: p.household_id,
        memberId: p.member_id,
        visitedOn: today,
        measure,
        content: helpText(rng, measure, today),
      };
    });
  };
  for (let i = 0; i < BATCHES * 2; i++) {
    const on = i % 2 === 0;
    setFlagOnIngest(on);
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/counties/${COUNTY}/help-records/batch`,
      payload: { records: batch() },
      cookies: { [SESSION_COOKIE]: token },
      headers: { [CSRF_HEADER]: csrfToken },
    });
    if (res.statusCode !== 200) throw new Error(`batch: ${res.statusCode} ${res.body.slice(0, 300)}`);
    (on ? times.on : times.off).push(performance.now() - started);
    if (!res.json().results.every((r: { status: number }) => r.status === 201)) throw new Error(res.body.slice(0, 300));
  }
  setFlagOnIngest(true);
  await app.close();
  const on = stats(times.on);
  const off = stats(times.off);
  const suffix = mixed ? '_mixed' : '';
  print({ name: `record_flags_ingest_off${suffix}`, n: times.off.length * 50, ...off, rss_mb: rss() });
  print({
    name: `record_flags_ingest_on${suffix}`,
    n: times.on.length * 50,
    ...on,
    ratio: Math.round((on.p50_ms / off.p50_ms) * 100) / 100,
    rss_mb: rss(),
  });
}

const dir = await seededDir();
const handle = await openDatabase({ dataDir: dir, pgliteThread: 'inline' });
try {
  if (process.env.BENCH_INGEST_ONLY !== '1') {
    await historyTimes(handle.db);
    await duplicateTruth(handle.db);
  }
  await ingestTimes(handle);
} finally {
  await handle.close();
}
log(`load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
