/**
 * The Party member a grant names (role_grant.member_id), checked before grants are written: required for roles
 * 'member' and 'group_leader', refused for the others; the member exists in the grant's county and is current
 * (active); a group leader's member leads, now, a party group whose grid reaches into the grant's unit. Every
 * problem of every grant is reported at once (422, path `grants.<i>.memberId`).
 */
import type { Kysely } from 'kysely';
import { leadsGroupWithin } from '../../db/repositories/grid-leaders.ts';
import { memberStatus } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { GRANT_MEMBER_PROBLEMS, namesMember } from '../../domain/access/linked-members.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError, type FieldProblem, type Localized } from '../../domain/errors.ts';

/** A grant to be written. */
export interface GrantToWrite {
  role: Role;
  orgCode: string;
  memberId?: number | undefined;
}

/** What is wrong with one grant's member, or null. */
async function memberProblem(db: Kysely<Database>, grant: GrantToWrite): Promise<[string, Localized] | null> {
  const linked = namesMember(grant.role);
  if (grant.memberId === undefined) return linked ? ['member_required', GRANT_MEMBER_PROBLEMS.required] : null;
  if (!linked) return ['member_refused', GRANT_MEMBER_PROBLEMS.refused];
  const county = grant.orgCode.slice(0, 6);
  const status = await memberStatus(db, county, grant.memberId);
  if (status === undefined) return ['member_unknown', GRANT_MEMBER_PROBLEMS.unknown];
  if (status !== 'active') return ['member_not_current', GRANT_MEMBER_PROBLEMS.notCurrent];
  if (grant.role === 'group_leader' && !(await leadsGroupWithin(db, county, grant.memberId, grant.orgCode))) {
    return ['member_not_leader', GRANT_MEMBER_PROBLEMS.notLeader];
  }
  return null;
}

/** Refuses (422, every problem) grants whose member is missing, refused, unknown, not current or not a leader. */
export async function checkGrantMembers(db: Kysely<Database>, grants: readonly GrantToWrite[]): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const [i, grant] of grants.entries()) {
    const problem = await memberProblem(db, grant);
    if (problem) problems.push({ path: `grants.${i}.memberId`, code: problem[0], message: problem[1] });
  }
  if (problems.length > 0) throw AppError.rules(problems);
}
