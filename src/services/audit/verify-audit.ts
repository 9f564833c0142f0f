/** Re-computes a county's audit chain and reports the first broken link (an edited, removed or reordered entry). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type AuditEntry, chainHash, GENESIS } from './audit.ts';

export interface ChainReport {
  county: string;
  entries: number;
  ok: boolean;
  /** The first entry whose link does not hold, and why. */
  broken?: { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch' };
}

const BATCH = 5000;

/** Walks the chain in order, in batches (memory stays flat for long trails). */
export async function verifyAuditChain(db: Kysely<Database>, county: string): Promise<ChainReport> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('county_code', '=', county)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        return { county, entries: count, ok: false, broken: { seq: expectedSeq, reason: 'sequence_gap' } };
      if (row.prev_hash !== prev)
        return { county, entries: count, ok: false, broken: { seq, reason: 'prev_hash_mismatch' } };
      const entry: AuditEntry = {
        countyCode: row.county_code,
        seq,
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actor: row.actor,
        action: row.action,
        tableName: row.table_name,
        recordId: row.record_id,
        orgCode: row.org_code,
        diff: row.diff,
        ip: row.ip,
        requestId: row.request_id,
      };
      if (chainHash(prev, entry) !== row.hash)
        return { county, entries: count, ok: false, broken: { seq, reason: 'hash_mismatch' } };
      prev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('county_code', '=', county)
    .executeTakeFirst();
  if (head && (Number(head.seq) !== count || head.hash !== prev)) {
    return { county, entries: count, ok: false, broken: { seq: count + 1, reason: 'head_mismatch' } };
  }
  return { county, entries: count, ok: true };
}

/** Counties that have an audit trail. */
export async function auditedCounties(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_head').select('county_code').orderBy('county_code').execute();
  return rows.map((r) => r.county_code);
}
