/**
 * The audit chain's arithmetic (pure): an entry's hash is sha256(previous hash + canonical JSON of the entry), so
 * editing, removing or reordering any entry breaks every link after it.
 */
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

/** The fields of an entry that the hash covers. */
export interface AuditEntry {
  countyCode: string;
  seq: number;
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  tableName: string;
  recordId: string;
  orgCode: string;
  diff: unknown;
  ip: string | null;
  requestId: string | null;
}

/** An entry as written by its transaction, before the chain gives it a place (seq) and a link. */
export type UnsealedEntry = Omit<AuditEntry, 'countyCode' | 'seq'>;

/** JSON with object keys sorted at every depth: the same entry always hashes the same (jsonb reorders keys). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** sha256 of the previous hash and the canonical entry. */
export function chainHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash).update(canonical(entry)).digest('hex');
}

/** The chain's next rows after (seq, hash): each unsealed entry in turn, numbered and linked. */
export function linkEntries(county: string, head: { seq: number; hash: string }, unsealed: UnsealedEntry[]) {
  let [seq, prev] = [head.seq, head.hash];
  const rows = unsealed.map((e) => {
    seq += 1;
    const entry: AuditEntry = {
      countyCode: county,
      seq,
      at: e.at,
      actorId: e.actorId,
      actor: e.actor,
      action: e.action,
      tableName: e.tableName,
      recordId: e.recordId,
      orgCode: e.orgCode,
      diff: e.diff,
      ip: e.ip,
      requestId: e.requestId,
    };
    const hash = chainHash(prev, entry);
    const row = { ...entry, diff: JSON.stringify(entry.diff), prevHash: prev, hash };
    prev = hash;
    return row;
  });
  return { rows, head: { seq, hash: prev } };
}
