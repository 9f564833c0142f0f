/**
 * User administration by an admin: read a user, change their name or phone, disable or enable them, reset their
 * password, replace their grants. Each path loads the target's grants (every county) with the target's row
 * locked and applies the one rule of domain/access/user-admin.ts before it writes, so a grant added meanwhile
 * cannot slip past the check; a user the caller may not administer is answered 404 (no existence leak).
 */
import type { Kysely } from 'kysely';
import {
  grantsOfUserRows,
  lockUserRow,
  setPasswordHash,
  takenUserId,
  updateUserRow,
} from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { isRole } from '../../domain/access/roles.ts';
import { allowedUserActions, type GrantAt, type UserAction } from '../../domain/access/user-admin.ts';
import { AppError } from '../../domain/errors.ts';
import { maskPhone } from '../../domain/ids.ts';
import { write } from '../write.ts';
import type { Actor } from './actor.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import { forgetUser, revokeUserSessions } from './sessions.ts';

const USER = { zh: '用户', en: 'user' };

/** Every grant of user `id`, in every county, as the rule reads them. */
export async function grantsOfUser(db: Kysely<Database>, id: number): Promise<GrantAt[]> {
  const rows = await grantsOfUserRows(db, id);
  return rows.flatMap((r) =>
    isRole(r.role) ? [{ role: r.role, countyCode: r.county_code, orgCode: r.org_code }] : [],
  );
}

/**
 * The actions `caller` may take on user `id` seen from `county` (they must hold a grant there): [] when the user
 * has no grant (or does not exist), has no grant in the county, or holds a grant the caller could not give.
 */
export async function userActions(
  db: Kysely<Database>,
  caller: Actor,
  county: string,
  id: number,
): Promise<UserAction[]> {
  const grants = await grantsOfUser(db, id);
  if (!grants.some((g) => g.countyCode === county)) return [];
  return allowedUserActions(caller, { id, grants });
}

/**
 * Inside `tx`: locks user `id`'s row (serialising every administration of that user) and refuses with 404
 * unless `caller` may take `action` on them.
 */
export async function lockAdministrable(
  tx: Kysely<Database>,
  caller: Actor,
  county: string,
  id: number,
  action: UserAction,
) {
  const row = await lockUserRow(tx, id);
  // A user row without grants is nobody's (the rule), so a missing row and a refused one answer alike.
  if (!row || !(await userActions(tx, caller, county, id)).includes(action)) throw AppError.notFound(USER);
  return row;
}

/** What an admin may change on an account (absent fields stay). */
export interface UserPatch {
  displayName?: string | undefined;
  phone?: string | null | undefined;
  disabled?: boolean | undefined;
}

/** Changes name, phone or the disabled flag; disabling ends the user's sessions. Audited. */
export async function updateUser(db: Kysely<Database>, caller: Actor, county: string, id: number, patch: UserPatch) {
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const action: UserAction = patch.disabled === undefined ? 'update' : patch.disabled ? 'disable' : 'enable';
    const before = await lockAdministrable(tx, caller, county, id, action);
    if (patch.phone) {
      const taken = await takenUserId(tx, patch.phone, patch.phone, id);
      if (taken !== undefined)
        throw new AppError('conflict', { zh: '手机号已被使用', en: 'The phone is already taken' });
    }
    const values = {
      ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
      ...(patch.phone === undefined ? {} : { phone: patch.phone }),
      ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
    };
    await updateUserRow(tx, id, values);
    const diff: Record<string, [unknown, unknown]> = {};
    if (patch.displayName !== undefined) diff.displayName = [before.display_name, patch.displayName];
    if (patch.phone !== undefined) diff.phone = [maskOrNull(before.phone), maskOrNull(patch.phone)];
    if (patch.disabled !== undefined) diff.disabled = [before.disabled, patch.disabled];
    ctx.audit({ action: `user.${action}`, table: 'app_user', recordId: id, orgCode: county, diff });
  });
  if (patch.disabled) await revokeUserSessions(db, id);
  else forgetUser(id);
}

function maskOrNull(phone: string | null): string | null {
  return phone ? maskPhone(phone) : null;
}

/** An admin sets a new password (the user's sessions end, a lock is lifted). Audited. */
export async function resetPassword(db: Kysely<Database>, caller: Actor, county: string, id: number, password: string) {
  checkPassword(password);
  const hash = await hashPassword(password);
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    await lockAdministrable(tx, caller, county, id, 'password');
    await setPasswordHash(tx, id, hash, true);
    ctx.audit({ action: 'user.password_reset', table: 'app_user', recordId: id, orgCode: county });
  });
  await revokeUserSessions(db, id);
}
