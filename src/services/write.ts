/**
 * The one way a service writes. `write(db, county, step)` opens the transaction, runs the area's step with a
 * context, appends the audit entries the step recorded to the county's chain in the same transaction (just
 * before commit), and only after the commit tells the remembered reads what changed: the memos following the
 * topics the step named (county-memo.ts), and the dashboard summary of the natural villages it touched. A step
 * that throws rolls everything back: no row, no audit entry, no announcement. Areas keep their own lock and
 * checks as functions of the context (e.g. exits' `exitStep`), never a transaction of their own.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditInput, auditMany } from './audit/audit.ts';
import { currentContext, type RequestContext } from './audit/request-context.ts';
import { announce, type Topic } from './county-memo.ts';
import { dashboardTouched } from './dashboard/dashboard-touched.ts';

export type { Topic } from './county-memo.ts';

/** An audit entry of the write's county. */
export type AuditRecord = Omit<AuditInput, 'county'>;

/** What a step gets: the transaction, its county, and the ways to say what it did. */
export interface WriteContext {
  readonly tx: Transaction<Database>;
  readonly county: string;
  /**
   * Records an audit entry, appended in this transaction before it commits, in the order recorded. `context`
   * names the request it came from when one transaction serves several (a batch); else the current request.
   */
  audit(entry: AuditRecord, context?: RequestContext): void;
  /** Names what the write changed; the memos following these topics are told after commit. */
  changed(...topics: Topic[]): void;
  /** Natural villages whose dashboard summary the write changed (a move touches two); refreshed after commit. */
  touched(...naturalVillageCodes: ReadonlyArray<string | null | undefined>): void;
}

/**
 * Runs `step` for `county` in one transaction with its audit entries, then (after commit) its announcements;
 * answers what the step answers.
 */
export async function write<T>(
  db: Kysely<Database>,
  county: string,
  step: (ctx: WriteContext) => Promise<T>,
): Promise<T> {
  const topics = new Set<Topic>();
  const villages = new Set<string>();
  const result = await db.transaction().execute(async (tx) => {
    const entries: Array<{ input: AuditRecord; context: RequestContext }> = [];
    const ctx: WriteContext = {
      tx,
      county,
      audit: (input, context) => entries.push({ input, context: context ?? currentContext() }),
      changed: (...names) => {
        for (const name of names) topics.add(name);
      },
      touched: (...codes) => {
        for (const code of codes) if (typeof code === 'string') villages.add(code);
      },
    };
    const answer = await step(ctx);
    await auditMany(tx, county, entries);
    return answer;
  });
  announce(county, topics);
  if (villages.size > 0) await dashboardTouched(db, county, [...villages]);
  return result;
}
