/**
 * Roles, permissions and scopes: pure rules, no I/O. A grant is (role, org unit); it covers the unit's subtree,
 * and org codes are hierarchical prefixes (6/9/12/15 digits), so "inside the scope" is `code.startsWith(root)`.
 * A user with several grants gets each permission only under the grants whose role holds it.
 */

import { ROLES, type Role } from '../../shared/labels/roles.ts';

export type { Role };
export { ROLES };

/**
 * Every permission a route can declare. `public` needs no login; `authenticated` any login (own account).
 * `*.read` is the view scope, `*.write` the capture scope, `*.sensitive` the audited unmasking of one record.
 */
export const PERMISSIONS = [
  'public',
  'authenticated',
  'org.read',
  'org.write',
  'dashboard.read',
  'household.read',
  'household.write',
  'household.sensitive',
  'member.read',
  'member.write',
  'member.sensitive',
  'user.admin',
  'audit.read',
  'grid.read',
  'grid.write',
  'pairing.read',
  'pairing.write',
  'exit.write',
  'commitment.write',
  'commitment.review',
  'help.write',
  'help.verify',
  'problem.raise',
  'problem.handle',
  'settings.write',
  // Party life and assessment (issue 15): activities and the star board; running activities and attendance;
  // any member's points; approving points, vetoes and the review steps of stars and 评先.
  'party.read',
  'party.write',
  'points.read',
  'party.review',
  // Record trust (issue 18): the inspector's queue of flagged records; clearing or upholding a flag, and
  // confirming a record for a household without a phone (村代确认).
  'trust.read',
  'trust.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEW: Permission[] = ['org.read', 'dashboard.read', 'household.read', 'member.read', 'grid.read', 'pairing.read'];
/** Who runs pairing (suggest, confirm, hand over), exits and commitment review in their unit. */
const PAIRING_ADMIN: Permission[] = ['pairing.write', 'exit.write', 'commitment.write', 'commitment.review'];
/** Who raises problems and handles them at their level (the level decides the role: domain/escalation.ts). */
const PROBLEMS: Permission[] = ['problem.raise', 'problem.handle'];
/** Who reviews flagged help records in their unit (the auditor reads the queue, never decides). */
const TRUST: Permission[] = ['trust.read', 'trust.review'];
/** Who runs Party life in their unit: activities and attendance, members' points, approvals and reviews. */
const PARTY_LIFE: Permission[] = ['party.read', 'party.write', 'points.read', 'party.review'];

/**
 * What each role may do under the unit it is granted on. View and capture differ: an instructor or group
 * leader views the households of their unit but does not register them; a member views their natural village
 * and the pairings there, and writes only their own commitments (a grant of role member names the member it is);
 * a group leader confirms pairings in their grid; the auditor reads everything and the audit trail but never
 * unmasks and never writes.
 */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  county_admin: new Set([
    ...VIEW,
    'grid.write',
    ...PAIRING_ADMIN,
    'org.write',
    'household.write',
    'household.sensitive',
    'member.write',
    'member.sensitive',
    'user.admin',
    'audit.read',
    'help.write',
    'help.verify',
    ...PROBLEMS,
    ...PARTY_LIFE,
    ...TRUST,
    // The county's own deadlines and warning thresholds (系统设置); read by whoever sees problems and warnings.
    'settings.write',
  ]),
  township_admin: new Set([
    ...VIEW,
    'grid.write',
    ...PAIRING_ADMIN,
    'household.write',
    'household.sensitive',
    'member.write',
    'member.sensitive',
    'user.admin',
    'audit.read',
    'help.write',
    'help.verify',
    ...PROBLEMS,
    ...PARTY_LIFE,
    ...TRUST,
  ]),
  village_secretary: new Set([
    ...VIEW,
    ...PAIRING_ADMIN,
    'household.write',
    'household.sensitive',
    'member.write',
    'grid.write',
    'help.write',
    'help.verify',
    ...PROBLEMS,
    ...PARTY_LIFE,
    ...TRUST,
  ]),
  instructor: new Set([...VIEW, 'party.read', 'points.read']),
  // A group leader runs their group's activities and gives the group review of its members' stars.
  group_leader: new Set([
    ...VIEW,
    'pairing.write',
    'commitment.write',
    'help.write',
    'help.verify',
    ...PROBLEMS,
    ...PARTY_LIFE,
  ]),
  member: new Set([
    'org.read',
    'dashboard.read',
    'household.read',
    'pairing.read',
    'commitment.write',
    'help.write',
    'problem.raise',
    // Their group's activities (sign-in) and the star board; their own points come from their linked member.
    'party.read',
  ]),
  auditor: new Set([...VIEW, 'audit.read', 'party.read', 'points.read', 'trust.read']),
};

/** One grant of a user. */
export interface Grant {
  role: Role;
  countyCode: string;
  orgCode: string;
}

/** The org units (roots of subtrees) where `permission` applies, shortest first, nested roots removed. */
export function scopeRoots(grants: readonly Grant[], permission: Permission, county?: string): string[] {
  const codes = grants
    .filter((g) => (county === undefined || g.countyCode === county) && ROLE_PERMISSIONS[g.role].has(permission))
    .map((g) => g.orgCode)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  const roots: string[] = [];
  for (const code of codes) if (!roots.some((r) => code.startsWith(r))) roots.push(code);
  return roots;
}

/** Whether `code` lies in one of the subtrees. */
export function inScope(code: string, roots: readonly string[]): boolean {
  return roots.some((root) => code.startsWith(root));
}

/**
 * The list filter for a requested `within` (undefined = whole county): the requested unit when it lies inside
 * a root, the root when the request covers it (a township admin asking for the county sees their township),
 * and null when nothing of the request is visible. With several roots and no request, the first (widest) root.
 */
export function narrowWithin(requested: string | undefined, roots: readonly string[]): string | null {
  if (roots.length === 0) return null;
  if (requested === undefined) return roots[0] ?? null;
  if (inScope(requested, roots)) return requested;
  return roots.find((root) => root.startsWith(requested)) ?? null;
}

/** Whether `role` is a known role. */
export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}
