/**
 * The application's database role and what it may do, and an acyclic successor chain (不脱贫，不脱钩).
 *
 * The application runs as `lianxin_app` (src/db/app-role.ts switches to it after migrating), a NOLOGIN role
 * without ownership, so privileges hold even for raw SQL sent through the application's connection:
 * - DELETE only on the eight tables whose rows the application removes (sessions, grants being replaced, a
 *   grid's household list, match rejections, settings, a commitment's items); every other table is
 *   append-only: pairings, help records, exits, households, the audit trail…
 * - no UPDATE at all on the history tables (audit_log, household_status_event, problem_event,
 *   assistance_record_version, assistance_photo, grid_event) nor on the dictionary;
 * - on pairing, UPDATE only of the columns that end a pairing or edit its measures: who helps whom since when
 *   (member_id, household_id, started_on, slot, plaque_code) never changes.
 * Tables created by later migrations get SELECT, INSERT, UPDATE by default (no DELETE); a test lists them all.
 *
 * A successor must come after its predecessor in (started_on, id): a handover on a later day, or the same
 * day to a pairing created later. The foreign key already makes the successor start on the predecessor's end
 * day, so every step of a chain increases that pair strictly and no chain of successors can close into a
 * cycle that would end all of a household's pairings with none current.
 *
 * The role is cluster-wide on PostgreSQL (created when missing, never dropped by `down`: other databases of
 * the cluster may use it). Constraints and privileges only: Citus refuses triggers. Frozen once landed.
 * Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

const ROLE = 'lianxin_app';

/** Tables whose rows the application deletes; all others are append-only for it. */
const DELETABLE = [
  'app_setting',
  'commitment_item',
  'county_warning_setting',
  'grid_household',
  'match_rejection',
  'problem_deadline',
  'role_grant',
  'user_session',
];

/** History and reference tables: the application reads and appends, never changes a row. */
const IMMUTABLE = [
  'assistance_photo',
  'assistance_record_version',
  'audit_log',
  'dictionary',
  'grid_event',
  'household_status_event',
  'problem_event',
];

/** Every other table at the time of this migration: read, append and update. */
const UPDATABLE = [
  'app_setting',
  'app_user',
  'assistance_record',
  'audit_head',
  'commitment',
  'commitment_item',
  'county_warning_setting',
  'dashboard_summary',
  'exit_objection',
  'grid',
  'grid_household',
  'grid_member',
  'grid_natural_village',
  'grid_plan',
  'group_instructor',
  'household',
  'household_exit',
  'household_income',
  'household_need',
  'household_person',
  'match_rejection',
  'notification',
  'org_unit',
  'party_group',
  'party_member',
  'problem',
  'problem_deadline',
  'public_feedback',
  'role_grant',
  'user_session',
];

/** The pairing columns the application changes: ending a pairing and its measures. */
const PAIRING_UPDATABLE = [
  'ended_on',
  'end_reason',
  'end_note',
  'exit_id',
  'exit_status',
  'successor_id',
  'cleared_event_id',
  'cleared_status',
  'measures',
];

const ALL_TABLES = [...new Set([...IMMUTABLE, ...UPDATABLE, 'pairing'])];

// Concurrent migrations of two databases of one cluster (the PostgreSQL tests) may both find the role missing:
// the loser's CREATE waits for the winner and fails with a unique violation, which means the role exists.
const CREATE_ROLE = `
  do $$ begin
    if not exists (select from pg_roles where rolname = '${ROLE}') then
      create role ${ROLE} nologin nosuperuser nocreatedb nocreaterole noinherit;
    end if;
  exception when duplicate_object or unique_violation then null;
  end $$`;

// SET ROLE needs membership unless the migrating user is a superuser (PGlite's postgres, a cluster admin).
const JOIN_ROLE = `
  do $$ begin
    if not (select rolsuper from pg_roles where rolname = session_user)
       and not pg_has_role(session_user, '${ROLE}', 'member') then
      execute format('grant ${ROLE} to %I', session_user);
    end if;
  end $$`;

const list = (tables: string[]) => sql.join(tables.map((t) => sql.table(t)));
const role = sql.id(ROLE);

async function serverVersion(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Number(rows[0]?.v ?? 0);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(CREATE_ROLE).execute(db);
  await sql.raw(JOIN_ROLE).execute(db);
  await sql`grant usage on schema public to ${role}`.execute(db);
  await sql`grant select, insert on ${list(ALL_TABLES)} to ${role}`.execute(db);
  await sql`grant update on ${list(UPDATABLE)} to ${role}`.execute(db);
  await sql`grant delete on ${list(DELETABLE)} to ${role}`.execute(db);
  await sql`grant update (${sql.join(PAIRING_UPDATABLE.map((c) => sql.id(c)))}) on pairing to ${role}`.execute(db);
  // Identity columns need no sequence privilege; the seed's setval after explicit ids does.
  await sql`grant usage, select, update on all sequences in schema public to ${role}`.execute(db);
  // PostgreSQL 17 (PGlite) lets a non-owner ANALYZE and VACUUM (the seed and the dashboard refresh do);
  // older servers skip those tables with a warning and rely on autovacuum.
  if ((await serverVersion(db)) >= 170000) await sql`grant maintain on ${list(ALL_TABLES)} to ${role}`.execute(db);
  await sql`alter default privileges in schema public grant select, insert, update on tables to ${role}`.execute(db);
  await sql`alter default privileges in schema public grant usage, select, update on sequences to ${role}`.execute(db);
  await sql`
    alter table pairing add constraint pairing_successor_after
      check (successor_id is null or ended_on > started_on or successor_id > id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table pairing drop constraint pairing_successor_after`.execute(db);
  await sql`alter default privileges in schema public revoke all on sequences from ${role}`.execute(db);
  await sql`alter default privileges in schema public revoke all on tables from ${role}`.execute(db);
  await sql`revoke all on all sequences in schema public from ${role}`.execute(db);
  await sql`revoke all on ${list(ALL_TABLES)} from ${role}`.execute(db);
  await sql`revoke usage on schema public from ${role}`.execute(db);
}
