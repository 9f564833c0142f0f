/**
 * Who may administer whom: the one rule behind every user-administration path (read a user, change their
 * details, disable or enable them, reset their password, replace their grants, create them with grants).
 *
 * An admin may hold a grant only where they could exercise it themselves: at that unit they hold `user.admin`
 * and every permission of the grant's role. An admin may administer a user only when that holds for *every*
 * grant of the user, in every county: otherwise a township admin could reset the password of a county admin
 * who also holds one grant in the township and sign in with county rights (account takeover). A user without
 * any grant is nobody's to administer (they are invisible to every admin and can do nothing).
 */
import type { Actor } from './actor.ts';
import { type Grant, inScope, ROLE_PERMISSIONS, type Role, scopeRoots } from './roles.ts';

/** A grant as the rule reads it (the granted role on a unit of a county). */
export type GrantAt = Pick<Grant, 'countyCode' | 'orgCode'> & { role: Role };

/** Whether `admin` could give (or take away) `grant`: user.admin and every permission of its role there. */
export function mayGrant(admin: readonly Grant[], grant: GrantAt): boolean {
  const needed = ['user.admin' as const, ...ROLE_PERMISSIONS[grant.role]];
  return needed.every((permission) => inScope(grant.orgCode, scopeRoots(admin, permission, grant.countyCode)));
}

/** Whether `admin` may administer a user holding `target` (all their grants, every county). */
export function mayAdminister(admin: readonly Grant[], target: readonly GrantAt[]): boolean {
  return target.length > 0 && target.every((grant) => mayGrant(admin, grant));
}

/** What an admin may do with a user (the web offers only these; the server checks them again). */
export const USER_ACTIONS = ['read', 'update', 'password', 'grants', 'disable', 'enable'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * The actions `admin` may take on `target`: none unless they may administer them. On themself an admin may only
 * read and rename: disabling themself or editing their own grants would lock them out, and their own password
 * is changed with the current one (POST /api/auth/password), never reset.
 */
export function allowedUserActions(admin: Actor, target: { id: number; grants: readonly GrantAt[] }): UserAction[] {
  if (!mayAdminister(admin.grants, target.grants)) return [];
  if (admin.userId === target.id) return ['read', 'update'];
  return [...USER_ACTIONS];
}
