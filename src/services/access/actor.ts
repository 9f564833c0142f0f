/**
 * The one acting. The access plugin builds it once per request (`req.access.actor`) and every service that asks
 * who acts takes it: who they are and every grant they hold, with the member a 'member' or 'group_leader' grant
 * names. Area rules derive what they need from it with the pure questions of domain/access/actor.ts (roots of a
 * permission, the members the user is, the leaders they are); what needs the database — the grids their members
 * lead now — is loaded here once, when first asked, and remembered on the actor for the rest of the request.
 */
import type { Kysely } from 'kysely';
import { gridsLedBy, householdGridIds } from '../../db/repositories/grid-leaders.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, leaderIdsOf, SYSTEM_ACTOR } from '../../domain/access/actor.ts';

export type { Actor };
export { SYSTEM_ACTOR };

/** The actor of a signed-in user, or the system when there is none. */
export function actorOf(user: { id: number; grants: Actor['grants'] } | null): Actor {
  return user ? { userId: user.id, grants: user.grants } : SYSTEM_ACTOR;
}

/** A grid led now by one of the actor's group-leader members. */
export interface GridLed {
  gridId: number;
  memberId: number;
}

/** Per actor (one per request) and county: the grids their members lead, loaded once. */
const remembered = new WeakMap<Actor, Map<string, Promise<GridLed[]>>>();

/** The current grids the actor's 'group_leader' members of `county` lead now (none without such grants). */
export function gridsLed(db: Kysely<Database>, actor: Actor, county: string): Promise<GridLed[]> {
  const leaders = leaderIdsOf(actor, county);
  if (leaders.length === 0) return Promise.resolve([]);
  let byCounty = remembered.get(actor);
  if (!byCounty) {
    byCounty = new Map();
    remembered.set(actor, byCounty);
  }
  let led = byCounty.get(county);
  if (!led) {
    led = gridsLedBy(db, county, leaders);
    byCounty.set(county, led);
    // A failed load (a transaction aborted under it) is not remembered: the next question asks again.
    led.catch(() => byCounty.delete(county));
  }
  return led;
}

/** Which of the actor's group-leader members lead, now, the grid of household `householdId` (usually none or one). */
export async function leadersOfHousehold(
  db: Kysely<Database>,
  actor: Actor,
  county: string,
  householdId: number,
): Promise<number[]> {
  const led = await gridsLed(db, actor, county);
  if (led.length === 0) return [];
  const grids = new Set(await householdGridIds(db, county, householdId));
  return [...new Set(led.filter((g) => grids.has(g.gridId)).map((g) => g.memberId))];
}
