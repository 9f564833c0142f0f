/**
 * The audit trail: every write stages its entries in its own transaction (`audit_pending`, one insert, no lock),
 * and once it commits they are sealed into the county's chain (db/audit-seal-dialect.ts, before the write's
 * transaction promise resolves): numbered and hash-chained per county, hash = sha256(previous hash + canonical
 * JSON of the entry), under a short lock of the chain head (`audit_head`) held by the seal alone. Writers of a
 * county therefore never wait on each other's transactions, and the chain still never forks.
 */
import type { Kysely } from 'kysely';
import { stageAuditEntries } from '../../db/repositories/audit.ts';
import type { Database } from '../../db/schema.ts';
import { canonical, type UnsealedEntry } from '../../domain/audit-chain.ts';
import { maskBankAccount, maskPhone, maskResidentId } from '../../domain/ids.ts';
import { currentContext } from './request-context.ts';

export { type AuditEntry, chainHash, GENESIS } from '../../domain/audit-chain.ts';
export { canonical };

/** What a service says about its write. `diff` maps a field to [before, after] (create: [null, value]). */
export interface AuditInput {
  county: string;
  action: string;
  table: string;
  recordId: string | number;
  orgCode: string;
  diff?: Record<string, [unknown, unknown]>;
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

/**
 * Appends several entries to the county's trail in one go, inside the caller's transaction: one insert. Each entry
 * carries the request context it came from (a batched writer serves several requests in one transaction). They
 * join the chain in this order, after the entries of transactions that committed earlier.
 */
export async function auditMany(
  tx: Kysely<Database>,
  county: string,
  entries: Array<{ input: Omit<AuditInput, 'county'>; context: ReturnType<typeof currentContext> }>,
): Promise<void> {
  if (entries.length === 0) return;
  const unsealed = entries.map(
    ({ input, context }): UnsealedEntry => ({
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
    }),
  );
  await stageAuditEntries(tx, county, unsealed);
}
