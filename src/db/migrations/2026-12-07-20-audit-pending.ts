/**
 * Audit entries staged by their writes until sealed into the chain (issue 14 item 7). A write inserts its entries
 * here inside its transaction, taking no lock; after it commits, a seal moves them into audit_log, numbered and
 * hash-linked under a short lock of audit_head. Rows live here for milliseconds, so the application may delete
 * them (the seal does, in the same transaction that appends them to the chain); it still may not touch audit_log.
 * `entry` is the entry's JSON exactly as it will be hashed. Frozen once landed. Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

const ROLE = 'lianxin_app';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_pending (
      county_code char(6) not null,
      id bigint generated always as identity,
      entry text not null,
      primary key (county_code, id)
    )`.execute(db);
  // Later tables get SELECT, INSERT, UPDATE by default (2026-12-07-01): a staged entry is never changed, and the
  // seal deletes what it sealed.
  await sql`revoke update on audit_pending from ${sql.id(ROLE)}`.execute(db);
  await sql`grant delete on audit_pending to ${sql.id(ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_pending`.execute(db);
}
