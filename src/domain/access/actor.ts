/**
 * The one acting, as every rule reads them: who they are and every grant they hold (in every county), with the
 * member a 'member' or 'group_leader' grant names. The access plugin builds one per request
 * (services/access/actor.ts); the questions areas ask of it — where a permission applies, which members the user
 * is, which members' grids they lead — are the pure functions below, so no area declares its own caller shape.
 */
import type { LinkedGrant } from './linked-members.ts';
import { type Grant, type Permission, ROLE_PERMISSIONS, scopeRoots } from './roles.ts';

/** A grant of the actor; 'member' and 'group_leader' grants name the member the user is. */
export type ActorGrant = Grant & { memberId?: number | undefined };

export interface Actor {
  /** The signed-in user's id; null for the system (CLI, seed). */
  readonly userId: number | null;
  /** Every grant of the user, in every county. */
  readonly grants: ReadonlyArray<ActorGrant>;
}

/** The system acting (no user, no grants): the CLI and the seed. */
export const SYSTEM_ACTOR: Actor = { userId: null, grants: [] };

/** The org units (roots of subtrees, nested ones removed) where `permission` applies, in `county` or anywhere. */
export function rootsOf(actor: Actor, permission: Permission, county?: string): string[] {
  return scopeRoots(actor.grants, permission, county);
}

/** The actor's grants of `county` whose role holds `permission` (what the linked-member rules read). */
export function holdersOf(actor: Actor, permission: Permission, county: string): Array<ActorGrant & LinkedGrant> {
  return actor.grants.filter((g) => g.countyCode === county && ROLE_PERMISSIONS[g.role].has(permission));
}

/** The members the user is in `county` (named by their 'member' grants). */
export function memberIdsOf(actor: Actor, county: string): number[] {
  return linkedMembers(actor, county, 'member');
}

/** The members named by the user's 'group_leader' grants in `county`: the grids they lead are the leader's. */
export function leaderIdsOf(actor: Actor, county: string): number[] {
  return linkedMembers(actor, county, 'group_leader');
}

function linkedMembers(actor: Actor, county: string, role: 'member' | 'group_leader'): number[] {
  const ids = actor.grants.flatMap((g) =>
    g.countyCode === county && g.role === role && g.memberId !== undefined ? [g.memberId] : [],
  );
  return [...new Set(ids)];
}
