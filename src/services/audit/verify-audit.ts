/**
 * Re-computes a county's audit chain and reports the first broken link (an edited, removed or reordered entry).
 * Entries staged by committed writes and not sealed yet (a seal interrupted by a lost connection or a crash;
 * normally none: each write's seal runs before its transaction's promise resolves) are not in the chain: the
 * report counts them (`unsealed`) and the county's next seal links them.
 * The hash covers the values exactly as stored: the timestamp to the microsecond (exactInstant) and the diff as
 * PostgreSQL holds it (a stored diff that is not equal to what was hashed is reported too).
 */
import type { Kysely } from 'kysely';
import {
  auditedCountyCodes,
  auditHead,
  firstDiffNotAsHashed,
  readAuditBatch,
  unsealedCount,
} from '../../db/repositories/audit.ts';
import type { Database } from '../../db/schema.ts';
import { type AuditEntry, canonical, chainHash, GENESIS } from './audit.ts';

export type BrokenReason =
  | 'hash_mismatch'
  | 'prev_hash_mismatch'
  | 'sequence_gap'
  | 'head_mismatch'
  /** the stored diff differs from the one hashed in a way a JS value cannot show (e.g. digits beyond a double) */
  | 'stored_value_mismatch';

export interface ChainReport {
  county: string;
  entries: number;
  ok: boolean;
  /** The first entry whose link does not hold, and why. */
  broken?: { seq: number; reason: BrokenReason };
  /** Entries of committed writes not sealed into the chain yet (absent when none). */
  unsealed?: number;
}

const BATCH = 5000;

/**
 * The hashed text of a stored instant ('YYYY-MM-DDTHH:MI:SS.ffffffZ', UTC): the shortest exact ISO form. Entries
 * are written at millisecond precision (Date#toISOString), so theirs is that same text and older chains verify
 * unchanged; any other microsecond yields six fraction digits, hence another hash.
 */
export function exactInstant(text: string): string {
  return text.replace(/\.(\d{3})000Z$/, '.$1Z');
}

type Row = Awaited<ReturnType<typeof readAuditBatch>>[number];

function entryOf(row: Row): AuditEntry {
  return {
    countyCode: row.county_code,
    seq: Number(row.seq),
    at: exactInstant(row.at_exact),
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
}

interface Walk {
  prev: string;
  expectedSeq: number;
}

/** Checks one batch in order, advancing `walk`; the first broken link, if any. */
function firstBrokenLink(rows: Row[], walk: Walk): ChainReport['broken'] {
  for (const row of rows) {
    const seq = Number(row.seq);
    if (seq !== walk.expectedSeq) return { seq: walk.expectedSeq, reason: 'sequence_gap' };
    if (row.prev_hash !== walk.prev) return { seq, reason: 'prev_hash_mismatch' };
    if (chainHash(walk.prev, entryOf(row)) !== row.hash) return { seq, reason: 'hash_mismatch' };
    walk.prev = row.hash;
    walk.expectedSeq += 1;
  }
  return undefined;
}

/** Walks the chain in order, in batches (memory stays flat for long trails). */
export async function verifyAuditChain(db: Kysely<Database>, county: string): Promise<ChainReport> {
  const walk: Walk = { prev: GENESIS, expectedSeq: 1 };
  const report = (broken: ChainReport['broken']): ChainReport => ({
    county,
    entries: walk.expectedSeq - 1,
    ok: false,
    broken,
  });
  for (;;) {
    const rows = await readAuditBatch(db, county, walk.expectedSeq, BATCH);
    const firstSeq = walk.expectedSeq;
    const broken = firstBrokenLink(rows, walk);
    // Entries before the broken link (or the whole batch) hashed right: are they stored as they were hashed?
    const hashed = rows.filter((r) => Number(r.seq) >= firstSeq && Number(r.seq) < walk.expectedSeq);
    const inexact = await firstDiffNotAsHashed(
      db,
      county,
      hashed.map((r) => ({ seq: Number(r.seq), diff: canonical(r.diff) })),
    );
    if (inexact !== undefined) {
      walk.expectedSeq = inexact;
      return report({ seq: inexact, reason: 'stored_value_mismatch' });
    }
    if (broken) return report(broken);
    if (rows.length < BATCH) break;
  }
  const count = walk.expectedSeq - 1;
  const head = await auditHead(db, county);
  if (head && (Number(head.seq) !== count || head.hash !== walk.prev)) {
    return report({ seq: count + 1, reason: 'head_mismatch' });
  }
  const unsealed = await unsealedCount(db, county);
  return { county, entries: count, ok: true, ...(unsealed > 0 ? { unsealed } : {}) };
}

/** Counties that have an audit trail. */
export const auditedCounties = auditedCountyCodes;
