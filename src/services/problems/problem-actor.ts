/** The caller as the escalation domain sees them: their grants in the county and whether they help the household. */
import type { Kysely } from 'kysely';
import { leadersOfHousehold } from '../../db/repositories/grid-leaders.ts';
import { helpsHousehold } from '../../db/repositories/problems.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/escalation.ts';
import type { SessionUser } from '../access/sessions.ts';

/** The session user's grants in `county`, and the Party members they are (from their 'member' grants). */
export function grantsIn(user: SessionUser | null, county: string) {
  const grants = (user?.grants ?? []).filter((g) => g.countyCode === county);
  const memberIds = grants.flatMap((g) => (g.role === 'member' && g.memberId !== undefined ? [g.memberId] : []));
  return { grants, memberIds };
}

/**
 * The domain actor for a problem of household `householdId` (helper: paired now, or the one who raised it; grid
 * leaders: the members of their group_leader grants who lead the household's grid now).
 */
export async function problemActor(
  db: Kysely<Database>,
  county: string,
  user: SessionUser | null,
  householdId: number,
  raisedByUserId: number | null,
): Promise<Actor> {
  const { grants, memberIds } = grantsIn(user, county);
  const raiser = user !== null && raisedByUserId === user.id;
  const leaderIds = grants.flatMap((g) => (g.role === 'group_leader' && g.memberId !== undefined ? [g.memberId] : []));
  const [helps, gridLeaders] = await Promise.all([
    raiser ? true : helpsHousehold(db, county, memberIds, householdId),
    leadersOfHousehold(db, county, householdId, leaderIds),
  ]);
  return {
    grants: grants.map((g) => ({ role: g.role, orgCode: g.orgCode, memberId: g.memberId })),
    isHelper: helps,
    gridLeaders,
  };
}
