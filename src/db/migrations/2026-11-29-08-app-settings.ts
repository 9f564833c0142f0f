/**
 * Global application settings: one key/value row per setting, not per county (the first is `demo_clock`, the
 * demo's business-clock anchor). Values are jsonb so a setting's shape can grow without a migration; the code
 * reading a key validates it. Not distributed under Citus (a small reference table).
 * Frozen once landed. Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_setting (
      key text primary key check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app_setting`.execute(db);
}
