/**
 * Login by username or phone and password. After 5 failures in a row the account is locked for 15 minutes
 * (the hash is not even computed while locked, so a locked account costs no CPU). Unknown names verify a dummy
 * hash so timing does not tell which names exist. The same message for every refusal.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
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
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw REFUSED;
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > now) throw lockedError();
  const ok = await verifyPassword(input.password, user.password_hash);
  const demoOff = user.is_demo && process.env.NODE_ENV === 'production';
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock = failures >= MAX_FAILURES;
    await db
      .updateTable('app_user')
      .set({ failed_logins: lock ? 0 : failures, locked_until: lock ? new Date(now + LOCK_MS) : null })
      .where('id', '=', user.id)
      .execute();
    if (lock) throw lockedError();
    throw REFUSED;
  }
  if (user.disabled || demoOff) throw REFUSED;
  if (user.failed_logins > 0 || user.locked_until) {
    await db.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
  }
  const session = await createSession(db, user.id, ip, now);
  return { ...session, userId: user.id };
}
