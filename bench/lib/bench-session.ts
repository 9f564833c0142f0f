/** A county admin's session for benchmarks: the API routes need a login, as in production. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { SESSION_COOKIE } from '../../src/http/plugins/access.ts';
import { createSession } from '../../src/services/access/sessions.ts';

/** The Cookie header value of a new session of `bench_admin` (created once, county admin of `county`). */
export async function benchSession(db: Kysely<Database>, county: string): Promise<{ name: string; value: string }> {
  let user = await db.selectFrom('app_user').select('id').where('username', '=', 'bench_admin').executeTakeFirst();
  if (!user) {
    user = await db
      .insertInto('app_user')
      .values({ username: 'bench_admin', display_name: 'bench', password_hash: 'scrypt$1$1$1$AA$AA' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_grant')
      .values({ county_code: county, user_id: user.id, role: 'county_admin', org_code: county })
      .execute();
  }
  const { token } = await createSession(db, user.id, '127.0.0.1');
  return { name: SESSION_COOKIE, value: token };
}
