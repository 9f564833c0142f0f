/**
 * Writing grants: each one must be grantable by the admin (domain/access/user-admin.ts: user.admin and every
 * permission of the role at that unit, so nobody hands out more than they hold), lie on a unit of the county,
 * and name a valid Party member when its role needs one. Every grant written or removed is audited.
 */
import type { Kysely } from 'kysely';
import { deleteGrant, grantsInCounty, insertGrant, orgUnitExists } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import type { Grant } from '../../domain/access/roles.ts';
import { mayGrant } from '../../domain/access/user-admin.ts';
import { AppError } from '../../domain/errors.ts';
import { audit } from '../audit/audit.ts';
import type { Actor } from './actor.ts';
import { checkGrantMembers, type GrantToWrite } from './grant-members.ts';
import { forgetUser } from './sessions.ts';
import { lockAdministrable } from './user-admin.ts';

const ORG_UNIT = { zh: '区划', en: 'org unit' };

/** Refuses (404, as for a unit outside the scope) a grant outside `county` or one `admin` could not give. */
export function checkGrantable(admin: readonly Grant[], county: string, grants: readonly GrantToWrite[]): void {
  for (const grant of grants) {
    const countyCode = grant.orgCode.slice(0, 6);
    if (countyCode !== county || !mayGrant(admin, { ...grant, countyCode })) throw AppError.notFound(ORG_UNIT);
  }
}

/** Inserts grants of user `userId` (their units must exist, their members be valid), audited. */
export async function insertGrants(tx: Kysely<Database>, userId: number, grants: readonly GrantToWrite[]) {
  await checkGrantMembers(tx, [...grants]);
  for (const grant of grants) {
    const county = grant.orgCode.slice(0, 6);
    if (!(await orgUnitExists(tx, county, grant.orgCode)))
      throw AppError.notFound({ zh: `区划 ${grant.orgCode}`, en: `org unit ${grant.orgCode}` });
    await insertGrant(tx, {
      county_code: county,
      user_id: userId,
      role: grant.role,
      org_code: grant.orgCode,
      member_id: grant.memberId ?? null,
    });
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

/**
 * Replaces every grant of user `id` in `county` by `grants`. The caller may administer the user (every grant of
 * theirs, checked with the user locked) and could give each new grant.
 */
export async function replaceGrants(
  db: Kysely<Database>,
  caller: Actor,
  county: string,
  id: number,
  grants: readonly GrantToWrite[],
): Promise<void> {
  checkGrantable(caller.grants, county, grants);
  await db.transaction().execute(async (tx) => {
    await lockAdministrable(tx, caller, county, id, 'grants');
    const current = await grantsInCounty(tx, county, id);
    for (const old of current) {
      await deleteGrant(tx, county, old.id);
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
