/**
 * Reads of the audit trail for its chain check. Timestamps are read as text at the microsecond PostgreSQL
 * stores (a JS Date keeps milliseconds only, so a sub-millisecond edit would read back unchanged), and stored
 * diffs can be compared with what was hashed by PostgreSQL's own jsonb equality (a JS number keeps ~17 digits).
 */
import { type Kysely, sql } from 'kysely';
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

/** Counties that have an audit trail. */
export async function auditedCountyCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_head').select('county_code').orderBy('county_code').execute();
  return rows.map((r) => r.county_code);
}
