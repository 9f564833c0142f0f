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
import type { Kysely } from 'kysely';
import { clearLoginFailures, countLoginFailure, findUserByLogin } from '../../db/repositories/users.ts';
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
function countFailure(db: Kysely<Database>, id: number, now: number): Promise<boolean> {
  return countLoginFailure(db, id, now, MAX_FAILURES, LOCK_MS);
}

/** Clears the count unless a concurrent guess locked the account meanwhile; whether it is locked. */
function clearFailures(db: Kysely<Database>, id: number, now: number): Promise<boolean> {
  return clearLoginFailures(db, id, now);
}

/** Checks the credentials and opens a session; throws 401 or 429. */
export async function login(
  db: Kysely<Database>,
  input: { login: string; password: string },
  ip: string | null,
  now = Date.now(),
) {
  const name = input.login.trim();
  const user = await findUserByLogin(db, name);
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
