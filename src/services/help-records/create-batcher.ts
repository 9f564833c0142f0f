/**
 * Group commit for new help records. Every write of a county appends to its audit chain under one lock held
 * until commit, so one record per transaction caps a county at one commit (an fsync, ~6 ms here) per record.
 * Records checked by their own requests queue here per county; while one transaction commits, the next
 * requests gather, and the next transaction inserts them all in one statement with one chain append. A batch
 * that fails (a row refused by a constraint after its check, e.g. a need deleted meanwhile) is retried record
 * by record, so one bad record never fails the others.
 */
import type { Kysely } from 'kysely';
import { insertRecordsOnce, type NewHelpRecord } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { type AuditInput, auditMany } from '../audit/audit.ts';
import type { RequestContext } from '../audit/request-context.ts';

/** A checked record ready to insert, with its audit entry and the context of the request it came from. */
export interface PreparedRecord {
  row: NewHelpRecord;
  audit: Omit<AuditInput, 'county' | 'recordId'>;
  context: RequestContext;
}

interface Pending extends PreparedRecord {
  /** The new id, or null when the clientId was stored already (a retry). */
  resolve(id: number | null): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 200;

class CreateBatcher {
  private readonly queues = new Map<string, Pending[]>();
  private readonly running = new Set<string>();
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts the record (unless its clientId is stored): its new id, or null for a retry. */
  insert(county: string, record: PreparedRecord): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(county) ?? [];
      queue.push({ ...record, resolve, reject });
      this.queues.set(county, queue);
      if (!this.running.has(county)) void this.drain(county);
    });
  }

  private async drain(county: string): Promise<void> {
    this.running.add(county);
    try {
      for (let queue = this.queues.get(county); queue && queue.length > 0; queue = this.queues.get(county)) {
        const batch = queue.splice(0, MAX_BATCH);
        try {
          await this.write(county, batch);
        } catch (error) {
          if (batch.length === 1) batch[0]?.reject(error);
          else for (const one of batch) await this.write(county, [one]).catch(one.reject);
        }
      }
    } finally {
      this.running.delete(county);
    }
  }

  /** One transaction: insert the rows, append the new ones to the audit chain, then answer each request. */
  private async write(county: string, batch: Pending[]): Promise<void> {
    const ids = await this.db.transaction().execute(async (tx) => {
      const inserted = await insertRecordsOnce(
        tx,
        county,
        batch.map((p) => p.row),
      );
      const first = batch.filter((p, i) => batch.findIndex((q) => q.row.clientId === p.row.clientId) === i);
      const entries = first
        .filter((p) => inserted.has(p.row.clientId))
        .map((p) => ({ input: { ...p.audit, recordId: inserted.get(p.row.clientId) as number }, context: p.context }));
      await auditMany(tx, county, entries);
      return inserted;
    });
    const answered = new Set<string>();
    for (const p of batch) {
      const id = ids.get(p.row.clientId);
      // The same clientId twice in one batch: the first is the creation, the others are retries.
      p.resolve(id !== undefined && !answered.has(p.row.clientId) ? id : null);
      answered.add(p.row.clientId);
    }
  }
}

const batchers = new WeakMap<Kysely<Database>, CreateBatcher>();

/** The batcher of a database handle (one per app). */
export function createBatcher(db: Kysely<Database>): CreateBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new CreateBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
