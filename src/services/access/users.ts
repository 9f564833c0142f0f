/**
 * Accounts: create (CLI, seed, admin page), list or read those an admin may administer (with what they may do),
 * change one's own password. Every change is audited in the county of the grants it touches. What an admin
 * changes on another account is in user-admin.ts and user-grants.ts.
 */
import type { Kysely } from 'kysely';
import { insertUser, passwordHashOf, setPasswordHash, takenUserId } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { type Grant, isRole } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { audit } from '../audit/audit.ts';
import type { GrantToWrite } from './grant-members.ts';
import { checkPassword, hashPassword, verifyPassword } from './passwords.ts';
import { revokeUserSessions } from './sessions.ts';
import { insertGrants } from './user-grants.ts';

export interface NewUser {
  username: string;
  displayName?: string | undefined;
  phone?: string | null | undefined;
  password: string;
  isDemo?: boolean;
  /** For roles 'member' and 'group_leader', `memberId` names the Party member the user is (checked, 422). */
  grants: GrantToWrite[];
}

/** Creates an account with its grants (one transaction); returns its id. */
export async function createUser(db: Kysely<Database>, input: NewUser): Promise<number> {
  checkPassword(input.password);
  for (const grant of input.grants) if (!isRole(grant.role)) throw new Error(`unknown role ${grant.role}`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const taken = await takenUserId(tx, input.username, input.phone ?? input.username);
    if (taken !== undefined) {
      throw new AppError('conflict', { zh: '用户名或手机号已被使用', en: 'The username or phone is already taken' });
    }
    const id = await insertUser(tx, {
      username: input.username,
      display_name: input.displayName ?? input.username,
      phone: input.phone ?? null,
      password_hash: passwordHash,
      is_demo: input.isDemo ?? false,
    });
    await insertGrants(tx, id, input.grants);
    return id;
  });
}

/** A user changes their own password (their other sessions end). */
export async function changePassword(
  db: Kysely<Database>,
  user: { id: number; grants: readonly Grant[] },
  current: string,
  next: string,
  keepSession: string,
): Promise<void> {
  if (!(await verifyPassword(current, await passwordHashOf(db, user.id)))) {
    throw AppError.rules([
      { path: 'current', code: 'password', message: { zh: '当前密码不正确', en: 'The current password is wrong' } },
    ]);
  }
  checkPassword(next, 'next');
  const hash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    await setPasswordHash(tx, user.id, hash, false);
    const counties = [...new Set(user.grants.map((g) => g.countyCode))];
    for (const county of counties) {
      await audit(tx, {
        county,
        action: 'user.password_change',
        table: 'app_user',
        recordId: user.id,
        orgCode: county,
      });
    }
  });
  await revokeUserSessions(db, user.id, keepSession);
}
