/**
 * A grant of role 'group_leader' may name the Party member the user is (role_grant.member_id), like a grant of
 * role 'member' (migration 05): the group leader then verifies help records and handles grid-level problems only
 * in the grids whose party group that member leads now. Migration 05's CHECK allowed member_id on 'member' grants
 * only; this replaces it. Whether a member is required for those roles is a service rule (older grants have
 * none). Frozen once landed. Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

/** The unnamed CHECK of migration 05 on role_grant.member_id, found by its definition (names differ by engine). */
async function dropMemberCheck(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ conname: string }>`
    select conname from pg_constraint
    where conrelid = 'role_grant'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%member_id%'`.execute(
    db,
  );
  for (const row of rows) await sql`alter table role_grant drop constraint ${sql.id(row.conname)}`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await dropMemberCheck(db);
  await sql`
    alter table role_grant add constraint role_grant_member_role
      check (member_id is null or role in ('member', 'group_leader'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table role_grant drop constraint role_grant_member_role`.execute(db);
  await sql`update role_grant set member_id = null where role <> 'member' and member_id is not null`.execute(db);
  await sql`alter table role_grant add check (member_id is null or role = 'member')`.execute(db);
}
