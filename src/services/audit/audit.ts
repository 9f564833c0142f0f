/**
 * The audit trail: every write appends one entry in the same transaction as the write. Entries are numbered and
 * hash-chained per county: hash = sha256(previous hash + canonical JSON of the entry). The chain head
 * (`audit_head`, one row per county, locked FOR UPDATE) serialises a county's writers so the chain never forks.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { maskBankAccount, maskPhone, maskResidentId } from '../../domain/ids.ts';
import { currentContext } from './request-context.ts';

export const GENESIS = '0'.repeat(64);

/** What a service says about its write. `diff` maps a field to [before, after] (create: [null, value]). */
export interface AuditInput {
  county: string;
  action: string;
  table: string;
  recordId: string | number;
  orgCode: string;
  diff?: Record<string, [unknown, unknown]>;
}

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

const SENSITIVE: Record<string, (v: string) => string> = {
  id_number: maskResidentId,
  idNumber: maskResidentId,
  phone: maskPhone,
  bank_account: maskBankAccount,
  bankAccount: maskBankAccount,
  health: () => '***',
};

/** Masks sensitive values so the trail itself never holds them in clear. */
function maskValue(field: string, value: unknown): unknown {
  const mask = SENSITIVE[field];
  return mask && typeof value === 'string' && value !== '' ? mask(value) : value;
}

/**
 * The changed fields between a stored row and the values written (only keys present in `after`), masked.
 * Dates and numbers are compared by their JSON text.
 */
export function diffOf(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = before?.[field] ?? null;
    if (canonical(old) === canonical(value)) continue;
    diff[field] = [maskValue(field, old), maskValue(field, value)];
  }
  return diff;
}

/** Appends one entry to the county's chain, inside the caller's transaction. */
export async function audit(tx: Kysely<Database>, input: AuditInput): Promise<void> {
  await auditMany(tx, input.county, [{ input, context: currentContext() }]);
}

/** Runs `work` in a transaction and audits it there (for writes that have no transaction of their own). */
export async function auditedTransaction<T>(
  db: Kysely<Database>,
  input: AuditInput,
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const result = await work(tx);
    await audit(tx, input);
    return result;
  });
}

/**
 * Appends several entries to the county's chain in one go, inside the caller's transaction: one lock of the
 * chain head, one multi-row insert, one head update. Each entry carries the request context it came from (a
 * batched writer serves several requests in one transaction). Same chain and hashes as calling audit() in turn.
 */
export async function auditMany(
  tx: Kysely<Database>,
  county: string,
  entries: Array<{ input: Omit<AuditInput, 'county'>; context: ReturnType<typeof currentContext> }>,
): Promise<void> {
  if (entries.length === 0) return;
  // Creates the head on the county's first write, else locks it (a conflicting upsert locks the row like FOR
  // UPDATE): one round trip either way.
  const head = await tx
    .insertInto('audit_head')
    .values({ county_code: county, seq: 0, hash: GENESIS })
    .onConflict((oc) => oc.column('county_code').doUpdateSet((eb) => ({ seq: eb.ref('audit_head.seq') })))
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  let [seq, prev] = [Number(head.seq), head.hash];
  const rows = entries.map(({ input, context }) => {
    seq += 1;
    const entry: AuditEntry = {
      countyCode: county,
      seq,
      at: new Date().toISOString(),
      actorId: context.actorId,
      actor: context.actor,
      action: input.action,
      tableName: input.table,
      recordId: String(input.recordId),
      orgCode: input.orgCode,
      diff: input.diff ?? {},
      ip: context.ip,
      requestId: context.requestId,
    };
    const hash = chainHash(prev, entry);
    const row = { ...entry, diff: JSON.stringify(entry.diff), prevHash: prev, hash };
    prev = hash;
    return row;
  });
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  // One statement text whatever the number of entries (unnest of arrays): prepared once per connection.
  await sql`
    insert into audit_log (county_code, seq, at, actor_id, actor, action, table_name, record_id, org_code, diff,
                           ip, request_id, prev_hash, hash)
    select ${county}, * from unnest(${col('seq')}::bigint[], ${col('at')}::timestamptz[], ${col('actorId')}::integer[],
      ${col('actor')}::text[], ${col('action')}::text[], ${col('tableName')}::text[], ${col('recordId')}::text[],
      ${col('orgCode')}::text[], ${col('diff')}::jsonb[], ${col('ip')}::text[], ${col('requestId')}::text[],
      ${col('prevHash')}::text[], ${col('hash')}::text[])`.execute(tx);
  await tx.updateTable('audit_head').set({ seq, hash: prev }).where('county_code', '=', county).execute();
}
