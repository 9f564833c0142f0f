/**
 * Server-side sessions (user_session): the row is keyed by the sha256 of the cookie token, never the token.
 * Expiry and the in-memory memo are the service's (services/access/sessions.ts).
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, UserSessionTable } from '../schema.ts';

/** Stores a new session. */
export async function insertSession(db: Kysely<Database>, row: Insertable<UserSessionTable>) {
  await db.insertInto('user_session').values(row).execute();
}

/** The session with token hash `tokenHash` and its account. */
export function findSessionRow(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.is_demo',
      'u.disabled',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Notes that the session was used at `at` (idle expiry counts from here). */
export async function touchSession(db: Kysely<Database>, tokenHash: string, at: Date) {
  await db.updateTable('user_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

/** Deletes one session. */
export async function deleteSession(db: Kysely<Database>, tokenHash: string) {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

/** Deletes every session of account `userId` but the one with token hash `keep`. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, keep?: string) {
  await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .$if(keep !== undefined, (q) => q.where('token_hash', '!=', keep ?? ''))
    .execute();
}
