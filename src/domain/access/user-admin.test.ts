import { describe, expect, it } from 'vitest';
import { type Grant, ROLE_PERMISSIONS, ROLES, type Role } from './roles.ts';
import { allowedUserActions, mayAdminister, mayGrant, USER_ACTIONS } from './user-admin.ts';

const COUNTY = '340822';
const TOWNSHIP = '340822100';
const VILLAGE = '340822100201';
const OTHER_TOWNSHIP = '340822101';
const at = (role: Role, orgCode: string, countyCode = COUNTY): Grant => ({ role, countyCode, orgCode });

describe('who may administer whom', () => {
  it('refuses a township admin a county admin who also holds a grant in the township (the takeover)', () => {
    const township = [at('township_admin', TOWNSHIP)];
    const countyAdmin = [at('county_admin', COUNTY), at('instructor', VILLAGE)];
    expect(mayAdminister(township, countyAdmin)).toBe(false);
    expect(mayAdminister(township, [at('instructor', VILLAGE)])).toBe(true);
  });

  it('needs every grant of the target covered, in every county', () => {
    const county = [at('county_admin', COUNTY)];
    expect(mayAdminister(county, [at('instructor', VILLAGE), at('instructor', '340823100201', '340823')])).toBe(false);
    expect(mayAdminister(county, [at('instructor', VILLAGE), at('auditor', OTHER_TOWNSHIP)])).toBe(true);
    expect(mayAdminister(county, [])).toBe(false);
  });

  it('follows the permission sets: an admin may give a role exactly when they hold all its permissions there', () => {
    for (const callerRole of ROLES) {
      for (const targetRole of ROLES) {
        const holds = [...ROLE_PERMISSIONS[targetRole]].every((p) => ROLE_PERMISSIONS[callerRole].has(p));
        const admin = ROLE_PERMISSIONS[callerRole].has('user.admin');
        const caller = [at(callerRole, TOWNSHIP)];
        expect(mayGrant(caller, at(targetRole, VILLAGE)), `${callerRole} → ${targetRole}`).toBe(holds && admin);
        expect(mayGrant(caller, at(targetRole, TOWNSHIP))).toBe(holds && admin);
        // Never beside or above the caller's unit.
        expect(mayGrant(caller, at(targetRole, OTHER_TOWNSHIP))).toBe(false);
        expect(mayGrant(caller, at(targetRole, COUNTY))).toBe(false);
      }
    }
  });

  it('needs user.admin at the unit, not only the role permissions (a secretary grant elsewhere gives no admin)', () => {
    const caller = [at('township_admin', TOWNSHIP), at('village_secretary', '340822101201')];
    expect(mayGrant(caller, at('instructor', '340822101201'))).toBe(false);
    expect(mayGrant(caller, at('instructor', VILLAGE))).toBe(true);
  });

  it('lets an admin only read and rename themself; nothing on someone they may not administer', () => {
    const admin = { userId: 1, grants: [at('township_admin', TOWNSHIP)] };
    expect(allowedUserActions(admin, { id: 1, grants: admin.grants })).toEqual(['read', 'update']);
    expect(allowedUserActions(admin, { id: 2, grants: [at('member', VILLAGE)] })).toEqual([...USER_ACTIONS]);
    expect(allowedUserActions(admin, { id: 3, grants: [at('county_admin', COUNTY)] })).toEqual([]);
  });
});
