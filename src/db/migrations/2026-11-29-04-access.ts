/**
 * Accounts, role grants on the org tree, server-side sessions and the hash-chained audit log.
 * `app_user` and `user_session` are global (a login happens before any county is known; see docs/decisions.md);
 * grants and audit entries are county data, keyed and distributed by county_code. No triggers (Citus).
 * Frozen once landed. Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id integer generated always as identity primary key,
      username varchar(40) not null unique,
      phone varchar(20) unique,
      display_name varchar(60) not null,
      password_hash text not null,
      is_demo boolean not null default false,
      disabled boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table role_grant (
      county_code char(6) not null,
      id integer generated always as identity,
      user_id integer not null references app_user (id) on delete cascade,
      role text not null check (role in ('county_admin', 'township_admin', 'village_secretary', 'instructor',
        'group_leader', 'member', 'auditor')),
      org_code varchar(15) not null,
      created_at timestamptz not null default now(),
      primary key (county_code, id),
      unique (county_code, user_id, role, org_code),
      foreign key (county_code, org_code) references org_unit (county_code, code)
    )`.execute(db);
  await sql`create index role_grant_user on role_grant (user_id)`.execute(db);
  await sql`
    create table user_session (
      token_hash char(64) primary key,
      user_id integer not null references app_user (id) on delete cascade,
      csrf_token char(43) not null,
      ip text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index user_session_user on user_session (user_id)`.execute(db);
  await sql`
    create table audit_head (
      county_code char(6) primary key,
      seq bigint not null,
      hash char(64) not null
    )`.execute(db);
  await sql`
    create table audit_log (
      county_code char(6) not null,
      seq bigint not null,
      at timestamptz not null,
      actor_id integer,
      actor text not null,
      action text not null,
      table_name text not null,
      record_id text not null,
      org_code varchar(15) not null,
      diff jsonb not null,
      ip text,
      request_id text,
      prev_hash char(64) not null,
      hash char(64) not null,
      primary key (county_code, seq)
    )`.execute(db);
  await sql`create index audit_log_record on audit_log (county_code, table_name, record_id)`.execute(db);
  await sql`create index audit_log_actor on audit_log (county_code, actor_id, seq)`.execute(db);
  await sql`create index audit_log_org on audit_log (county_code, org_code text_pattern_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'audit_head', 'user_session', 'role_grant', 'app_user']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
