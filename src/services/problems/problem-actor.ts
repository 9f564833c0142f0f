/** The actor as the escalation domain sees them for one problem: with their relation to its household. */
import type { Kysely } from 'kysely';
import { helpsHousehold } from '../../db/repositories/problems.ts';
import type { Database } from '../../db/schema.ts';
import { memberIdsOf } from '../../domain/access/actor.ts';
import type { ProblemActor } from '../../domain/escalation.ts';
import { type Actor, leadersOfHousehold } from '../access/actor.ts';

/**
 * The actor for a problem of household `householdId` (helper: paired now, or the one who raised it; grid leaders:
 * the members of their group_leader grants who lead the household's grid now).
 */
export async function problemActor(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  householdId: number,
  raisedByUserId: number | null,
): Promise<ProblemActor> {
  const raiser = actor.userId !== null && raisedByUserId === actor.userId;
  const [helps, gridLeaders] = await Promise.all([
    raiser ? true : helpsHousehold(db, county, memberIdsOf(actor, county), householdId),
    leadersOfHousehold(db, actor, county, householdId),
  ]);
  return { ...actor, isHelper: helps, gridLeaders };
}
