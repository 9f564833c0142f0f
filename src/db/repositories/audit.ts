/**
 * The audit trail's storage: entries staged by their writes (`audit_pending`), sealed into the chain
 * (`audit_log`, `audit_head`) after commit, and the reads of the chain check. Timestamps are read as text at the microsecond PostgreSQL
 * stores (a JS Date keeps milliseconds only, so a sub-millisecond edit would read back unchanged), and stored
 * diffs can be compared with what was hashed by PostgreSQL's own jsonb equality (a JS number keeps ~17 digits).
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { linkEntries, type UnsealedEntry } from '../../domain/audit-chain.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** `at` in UTC with all six fraction digits: 2026-12-07T03:04:05.123456Z. */
const AT_EXACT = sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Up to `limit` entries of a county's chain from `fromSeq` on, in order, with `at` as exact text. */
export function readAuditBatch(db: Db, county: string, fromSeq: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .select([
      'county_code',
      'seq',
      AT_EXACT.as('at_exact'),
      'actor_id',
      'actor',
      'action',
      'table_name',
      'record_id',
      'org_code',
      'diff',
      'ip',
      'request_id',
      'prev_hash',
      'hash',
    ])
    .where('county_code', '=', county)
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/**
 * The first of the given entries whose stored diff is not equal (as jsonb) to the JSON text that was hashed
 * for it, or undefined: catches edits the JS reading cannot see, such as digits beyond a double's precision.
 */
export async function firstDiffNotAsHashed(
  db: Db,
  county: string,
  hashed: Array<{ seq: number; diff: string }>,
): Promise<number | undefined> {
  if (hashed.length === 0) return undefined;
  const { rows } = await sql<{ seq: number }>`
    select a.seq from unnest(${hashed.map((h) => h.seq)}::bigint[], ${hashed.map((h) => h.diff)}::text[]) as h(seq, diff)
    join audit_log a on a.county_code = ${county} and a.seq = h.seq
    where a.diff is distinct from h.diff::jsonb
    order by a.seq limit 1`.execute(db);
  return rows[0] === undefined ? undefined : Number(rows[0].seq);
}

/** The chain head of a county, if it has one. */
export function auditHead(db: Db, county: string) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('county_code', '=', county).executeTakeFirst();
}

/** Counties that have an audit trail (sealed, or staged only). */
export async function auditedCountyCodes(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_head')
    .select('county_code')
    .union(db.selectFrom('audit_pending').select('county_code'))
    .orderBy('county_code')
    .execute();
  return rows.map((r) => r.county_code);
}

/**
 * The statement that stages a transaction's entries. Its exact text marks the connection as having entries to seal
 * once the transaction commits (db/audit-seal-dialect.ts): $1 the county, $2 the entries' JSON.
 */
export const STAGE_AUDIT_SQL = 'insert into audit_pending (county_code, entry) select $1, unnest($2::text[])';

/**
 * Stages entries in the writer's transaction: one insert, no lock, so writers of a county do not queue behind each
 * other. Each entry is stored as the JSON text that will be hashed (exact: no jsonb or timestamp round trip).
 */
export async function stageAuditEntries(db: Db, county: string, entries: UnsealedEntry[]): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(STAGE_AUDIT_SQL, [county, entries.map((e) => JSON.stringify(e))]));
}

/** One connection's raw statements, and a transaction on it (what the seal needs from the driver). */
export interface SealConnection {
  query<R>(text: string, parameters: readonly unknown[]): Promise<R[]>;
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Seals a county's committed staged entries into its chain, in the order they were staged, under one short lock
 * of the chain head (nothing else happens in that transaction, so the lock is held for four statements). Returns
 * how many entries it sealed. Safe to run from any number of processes: sealers queue on the head, and each takes
 * the entries no earlier sealer took.
 */
export async function sealStagedEntries(connection: SealConnection, county: string): Promise<number> {
  const waiting = await connection.query('select 1 from audit_pending where county_code = $1 limit 1', [county]);
  if (waiting.length === 0) return 0;
  return connection.transaction(async () => {
    // Creates the head on the county's first entry, else locks it (a conflicting upsert locks the row like FOR
    // UPDATE): one round trip either way.
    const [head] = await connection.query<{ seq: string | number; hash: string }>(
      `insert into audit_head (county_code, seq, hash) values ($1, 0, $2)
       on conflict (county_code) do update set seq = audit_head.seq returning seq, hash`,
      [county, '0'.repeat(64)],
    );
    const taken = await connection.query<{ id: string | number; entry: string }>(
      'delete from audit_pending where county_code = $1 returning id, entry',
      [county],
    );
    if (!head || taken.length === 0) return 0;
    taken.sort((a, b) => Number(a.id) - Number(b.id));
    const linked = linkEntries(
      county,
      { seq: Number(head.seq), hash: head.hash },
      taken.map((t) => JSON.parse(t.entry) as UnsealedEntry),
    );
    const col = <K extends keyof (typeof linked.rows)[number]>(key: K) => linked.rows.map((r) => r[key]);
    // One statement text whatever the number of entries (unnest of arrays): prepared once per connection.
    await connection.query(
      `insert into audit_log (county_code, seq, at, actor_id, actor, action, table_name, record_id, org_code, diff,
                              ip, request_id, prev_hash, hash)
       select $1, * from unnest($2::bigint[], $3::timestamptz[], $4::integer[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[])`,
      [
        county,
        col('seq'),
        col('at'),
        col('actorId'),
        col('actor'),
        col('action'),
        col('tableName'),
        col('recordId'),
        col('orgCode'),
        col('diff'),
        col('ip'),
        col('requestId'),
        col('prevHash'),
        col('hash'),
      ],
    );
    await connection.query('update audit_head set seq = $2, hash = $3 where county_code = $1', [
      county,
      linked.head.seq,
      linked.head.hash,
    ]);
    return taken.length;
  });
}

/** How many entries of a county are staged and not sealed yet (committed writes whose seal has not run). */
export async function unsealedCount(db: Db, county: string): Promise<number> {
  const row = await db
    .selectFrom('audit_pending')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('county_code', '=', county)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
