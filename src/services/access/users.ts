/**
 * Accounts and their grants: create (CLI, seed, admin page), list within an admin's scope, replace grants,
 * reset or change a password. Every change is audited in the county of the grants it touches.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Grant, inScope, isRole, ROLE_PERMISSIONS, type Role, scopeRoots } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { audit } from '../audit/audit.ts';
import { checkGrantMembers, type GrantToWrite } from './grant-members.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { forgetUser, revokeUserSessions } from './sessions.ts';

export interface NewUser {
  username: string;
  displayName?: string | undefined;
  phone?: string | null | undefined;
  password: string;
  isDemo?: boolean;
  /** For roles 'member' and 'group_leader', `memberId` names the Party member the user is (checked, 422). */
  grants: GrantToWrite[];
}

const USER = { zh: '用户', en: 'user' };

function countyOf(orgCode: string): string {
  return orgCode.slice(0, 6);
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw AppError.rules([{ path: 'password', code: 'password', message: problem }]);
}

/** Refuses a grant the granter could not exercise themself (no escalation): every permission, at that unit. */
export function checkGrantable(granter: readonly Grant[], county: string, role: Role, orgCode: string): void {
  for (const permission of ROLE_PERMISSIONS[role]) {
    if (!inScope(orgCode, scopeRoots(granter, permission, county)))
      throw AppError.notFound({ zh: '区划', en: 'org unit' });
  }
}

async function insertGrants(tx: Kysely<Database>, userId: number, grants: NewUser['grants']): Promise<void> {
  await checkGrantMembers(tx, grants);
  for (const grant of grants) {
    const county = countyOf(grant.orgCode);
    const unit = await tx
      .selectFrom('org_unit')
      .select('code')
      .where('county_code', '=', county)
      .where('code', '=', grant.orgCode)
      .executeTakeFirst();
    if (!unit) throw AppError.notFound({ zh: `区划 ${grant.orgCode}`, en: `org unit ${grant.orgCode}` });
    await tx
      .insertInto('role_grant')
      .values({
        county_code: county,
        user_id: userId,
        role: grant.role,
        org_code: grant.orgCode,
        member_id: grant.memberId ?? null,
      })
      .execute();
    await audit(tx, {
      county,
      action: 'grant.create',
      table: 'role_grant',
      recordId: userId,
      orgCode: grant.orgCode,
      diff: { role: [null, grant.role], orgCode: [null, grant.orgCode], memberId: [null, grant.memberId ?? null] },
    });
  }
}

/** Creates an account with its grants (one transaction); returns its id. */
export async function createUser(db: Kysely<Database>, input: NewUser): Promise<number> {
  checkPassword(input.password);
  for (const grant of input.grants) if (!isRole(grant.role)) throw new Error(`unknown role ${grant.role}`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('app_user')
      .select('id')
      .where((eb) => eb.or([eb('username', '=', input.username), eb('phone', '=', input.phone ?? input.username)]))
      .executeTakeFirst();
    if (taken) {
      throw new AppError('conflict', { zh: '用户名或手机号已被使用', en: 'The username or phone is already taken' });
    }
    const { id } = await tx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName ?? input.username,
        phone: input.phone ?? null,
        password_hash: passwordHash,
        is_demo: input.isDemo ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertGrants(tx, id, input.grants);
    return id;
  });
}

/** Users with at least one grant under `roots` in `county`, with all their grants in that county. */
export async function listUsers(db: Kysely<Database>, county: string, roots: readonly string[]) {
  if (roots.length === 0) return [];
  const grants = await db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .leftJoin('org_unit as o', (j) => j.onRef('o.county_code', '=', 'g.county_code').onRef('o.code', '=', 'g.org_code'))
    .leftJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'g.county_code').onRef('m.id', '=', 'g.member_id'),
    )
    .select(['u.id', 'u.username', 'u.display_name', 'u.phone', 'u.is_demo', 'u.disabled', 'u.locked_until'])
    .select(['g.role', 'g.org_code', 'o.name as org_name', 'g.member_id', 'm.name as member_name'])
    .where('g.county_code', '=', county)
    .orderBy('u.username')
    .orderBy('g.id')
    .execute();
  const users = new Map<
    number,
    {
      id: number;
      username: string;
      displayName: string;
      isDemo: boolean;
      disabled: boolean;
      locked: boolean;
      grants: Array<{
        role: string;
        orgCode: string;
        orgName: string | null;
        memberId: number | null;
        memberName: string | null;
      }>;
    }
  >();
  for (const row of grants) {
    const user = users.get(row.id) ?? {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      isDemo: row.is_demo,
      disabled: row.disabled,
      locked: row.locked_until !== null && new Date(row.locked_until).getTime() > Date.now(),
      grants: [],
    };
    user.grants.push({
      role: row.role,
      orgCode: row.org_code,
      orgName: row.org_name,
      memberId: row.member_id === null ? null : Number(row.member_id),
      memberName: row.member_name ?? null,
    });
    users.set(row.id, user);
  }
  return [...users.values()].filter((u) => u.grants.some((g) => inScope(g.orgCode, roots)));
}

/** Whether user `id` has a grant under `roots` in `county` (else the admin must not see them: 404). */
export async function userInScope(db: Kysely<Database>, county: string, id: number, roots: readonly string[]) {
  const rows = await db
    .selectFrom('role_grant')
    .select('org_code')
    .where('county_code', '=', county)
    .where('user_id', '=', id)
    .execute();
  return rows.some((r) => inScope(r.org_code, roots));
}

/** Replaces the user's grants of `county` that lie under `roots` by `grants`. */
export async function replaceGrants(
  db: Kysely<Database>,
  county: string,
  id: number,
  roots: readonly string[],
  grants: NewUser['grants'],
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('role_grant')
      .selectAll()
      .where('county_code', '=', county)
      .where('user_id', '=', id)
      .execute();
    for (const old of current.filter((g) => inScope(g.org_code, roots))) {
      await tx.deleteFrom('role_grant').where('county_code', '=', county).where('id', '=', old.id).execute();
      await audit(tx, {
        county,
        action: 'grant.delete',
        table: 'role_grant',
        recordId: id,
        orgCode: old.org_code,
        diff: {
          role: [old.role, null],
          orgCode: [old.org_code, null],
          memberId: [old.member_id === null ? null : Number(old.member_id), null],
        },
      });
    }
    await insertGrants(tx, id, grants);
  });
  forgetUser(id);
}

/** An admin sets a new password (the user's sessions end). */
export async function resetPassword(db: Kysely<Database>, county: string, id: number, password: string): Promise<void> {
  checkPassword(password);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const user = await tx
      .updateTable('app_user')
      .set({
        password_hash: hash,
        password_changed_at: new Date(),
        failed_logins: 0,
        locked_until: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!user) throw AppError.notFound(USER);
    await audit(tx, { county, action: 'user.password_reset', table: 'app_user', recordId: id, orgCode: county });
  });
  await revokeUserSessions(db, id);
}

/** A user changes their own password (their other sessions end). */
export async function changePassword(
  db: Kysely<Database>,
  user: { id: number; grants: readonly Grant[] },
  current: string,
  next: string,
  keepSession: string,
): Promise<void> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, row.password_hash))) {
    throw AppError.rules([
      { path: 'current', code: 'password', message: { zh: '当前密码不正确', en: 'The current password is wrong' } },
    ]);
  }
  checkPassword(next);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('app_user')
      .set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
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
