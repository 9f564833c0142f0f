/**
 * The accounts an admin may administer (domain/access/user-admin.ts) among those with a grant in a county, each
 * with all its grants (every county) and the actions the admin may take on it: the users page lists them and
 * offers only those actions. A user the admin may not administer is neither listed nor readable (404).
 */
import type { Kysely } from 'kysely';
import { userGrantList } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { isRole } from '../../domain/access/roles.ts';
import { allowedUserActions, type GrantAt, type UserAction } from '../../domain/access/user-admin.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from './actor.ts';

/** One account as the users page shows it. */
export interface UserListItem {
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
  allowedActions: UserAction[];
}

type Row = Awaited<ReturnType<typeof userGrantList>>[number];

function toItems(rows: Row[], caller: Actor, now: number): UserListItem[] {
  const users = new Map<
    number,
    UserListItem & { rule: Array<{ role: string; countyCode: string; orgCode: string }> }
  >();
  for (const row of rows) {
    const user = users.get(row.id) ?? {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      isDemo: row.is_demo,
      disabled: row.disabled,
      locked: row.locked_until !== null && new Date(row.locked_until).getTime() > now,
      grants: [],
      allowedActions: [],
      rule: [],
    };
    user.grants.push({
      role: row.role,
      orgCode: row.org_code,
      orgName: row.org_name,
      memberId: row.member_id === null ? null : Number(row.member_id),
      memberName: row.member_name ?? null,
    });
    user.rule.push({ role: row.role, countyCode: row.county_code, orgCode: row.org_code });
    users.set(row.id, user);
  }
  return [...users.values()].flatMap(({ rule, ...user }) => {
    // A role this code does not know is a grant nobody can give: the user is nobody's to administer.
    const known = rule.filter((g): g is GrantAt => isRole(g.role));
    const grants = known.length === rule.length ? known : [];
    const allowedActions = allowedUserActions(caller, { id: user.id, grants });
    return allowedActions.includes('read') ? [{ ...user, allowedActions }] : [];
  });
}

/** The users with a grant in `county` that `caller` may administer. */
export async function listUsers(db: Kysely<Database>, caller: Actor, county: string): Promise<UserListItem[]> {
  return toItems(await userGrantList(db, county), caller, Date.now());
}

/** One user with a grant in `county` that `caller` may administer, else 404. */
export async function getUser(db: Kysely<Database>, caller: Actor, county: string, id: number) {
  const [user] = toItems(await userGrantList(db, county, id), caller, Date.now());
  if (!user) throw AppError.notFound({ zh: '用户', en: 'user' });
  return user;
}
