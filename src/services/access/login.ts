/**
 * Login by username or phone and password. After 5 failures in a row the account is locked for 15 minutes
 * (the hash is not even computed while locked, so a locked account costs no CPU). Unknown names verify a dummy
 * hash so timing does not tell which names exist. The same message for every refusal. Every attempt is audited.
 *
 * Counting failures and locking is one UPDATE that only applies while the account is not locked: concurrent
 * wrong guesses are serialised by the row lock, each sees the count the previous one left, the one that reaches
 * the limit locks, and the rest find the account locked. A right password clears the count the same way, so a
 * guess that raced the lock cannot sign in either.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { auditLogin } from './login-audit.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

const REFUSED = new AppError('unauthenticated', {
  zh: '用户名或密码不正确',
  en: 'Wrong username or password',
});

function lockedError(): AppError {
  return new AppError('rate_limited', {
    zh: '登录失败次数过多，账号已暂时锁定，请 15 分钟后再试',
    en: 'Too many failed logins: the account is locked for 15 minutes',
  });
}

/** Counts one failure atomically; whether the account is (now, or already) locked. */
async function countFailure(db: Kysely<Database>, id: number, now: number): Promise<boolean> {
  const reaches = sql<boolean>`failed_logins + 1 >= ${MAX_FAILURES}`;
  const row = await db
    .updateTable('app_user')
    .set({
      failed_logins: sql<number>`case when ${reaches} then 0 else failed_logins + 1 end`,
      locked_until: sql<Date | null>`case when ${reaches} then ${new Date(now + LOCK_MS)}::timestamptz else null end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', new Date(now))]))
    .returning('locked_until')
    .executeTakeFirst();
  return !row || row.locked_until !== null;
}

/** Clears the count unless a concurrent guess locked the account meanwhile; whether it is locked. */
async function clearFailures(db: Kysely<Database>, id: number, now: number): Promise<boolean> {
  const row = await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', new Date(now))]))
    .returning('id')
    .executeTakeFirst();
  return !row;
}

/** Checks the credentials and opens a session; throws 401 or 429. */
export async function login(
  db: Kysely<Database>,
  input: { login: string; password: string },
  ip: string | null,
  now = Date.now(),
) {
  const name = input.login.trim();
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', name), eb('phone', '=', name)]))
    .executeTakeFirst();
  const refuse = async (outcome: 'wrong_password' | 'unknown_user' | 'locked' | 'disabled', error: AppError) => {
    await auditLogin(db, { user: user ?? null, login: input.login, outcome });
    return error;
  };
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw await refuse('unknown_user', REFUSED);
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > now) throw await refuse('locked', lockedError());
  const ok = await verifyPassword(input.password, user.password_hash);
  if (!ok) {
    const locked = await countFailure(db, user.id, now);
    throw await refuse('wrong_password', locked ? lockedError() : REFUSED);
  }
  const demoOff = user.is_demo && process.env.NODE_ENV === 'production';
  if (user.disabled || demoOff) throw await refuse('disabled', REFUSED);
  if (await clearFailures(db, user.id, now)) throw await refuse('locked', lockedError());
  const session = await createSession(db, user.id, ip, now);
  await auditLogin(db, { user, login: input.login, outcome: 'ok' });
  return { ...session, userId: user.id };
}
