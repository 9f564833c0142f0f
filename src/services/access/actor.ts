/**
 * The one acting. The access plugin builds it once per request (`req.access.actor`) and every service that asks
 * who writes takes it: who they are and every grant they hold, with the member a 'member' or 'group_leader'
 * grant names. Area rules derive what they need from it (the help writers of a county, the commitment writers),
 * so no area declares its own caller shape.
 */
import type { Grant } from '../../domain/access/roles.ts';

export interface Actor {
  /** The signed-in user's id; null for the system (CLI, seed). */
  readonly userId: number | null;
  /** Every grant of the user, in every county. */
  readonly grants: ReadonlyArray<Grant & { memberId?: number | undefined }>;
}

/** The system acting (no user, no grants): the CLI and the seed. */
export const SYSTEM_ACTOR: Actor = { userId: null, grants: [] };

/** The actor of a signed-in user, or the system when there is none. */
export function actorOf(user: { id: number; grants: Actor['grants'] } | null): Actor {
  return user ? { userId: user.id, grants: user.grants } : SYSTEM_ACTOR;
}
