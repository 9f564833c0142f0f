/**
 * Loads a scope's matching input (members, households needing help, grids, current pairings, rejections) in a
 * few set queries, keeping the facts the review screen shows (names, posts, needs) beside it.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/pairing-input.ts';
import { poorMemberIds } from '../../db/repositories/registered-poor.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { MatchHousehold, MatchInput, MatchMember, MatchReach } from '../../domain/matching/index.ts';

type Db = Kysely<Database>;

/** Where matching looks: households under `householdScope` (or of one grid), helpers under `memberScope`. */
export interface PairingScope {
  code: string;
  gridId: number | null;
  memberScope: string;
  householdScope: string;
  reach: MatchReach;
}

export interface MemberInfo extends MatchMember {
  name: string;
  post: string | null;
  joinDate: string;
  /** Current pairings held (anywhere). */
  load: number;
  /** Slots (1, 2) those pairings occupy. */
  slots: number[];
}

export interface HouseholdInfo extends MatchHousehold {
  headName: string;
  identifiedYear: number | null;
  needs: string[];
}

export interface LoadedMatch {
  scope: PairingScope;
  input: MatchInput;
  members: Map<number, MemberInfo>;
  households: Map<number, HouseholdInfo>;
  /** Org unit names by code (townships, villages, natural villages of the scope). */
  names: Map<string, string>;
  loadMs: number;
}

const GRID = { zh: '网格', en: 'grid' };

/**
 * The scope of a suggestion request: a grid (its village's members, reach 'village'), a village or natural
 * village (the village's members), or a township or county (every member of the township is a candidate).
 * A grid outside `within` (the caller's narrowed scope) answers 404.
 */
export async function resolveScope(db: Db, county: string, within: string | undefined, gridId?: number) {
  const code = within ?? county;
  if (gridId !== undefined) {
    const v = await repo.currentGridVillage(db, county, gridId);
    if (v === undefined || !(v.startsWith(code) || code.startsWith(v))) throw AppError.notFound(GRID);
    return { code: v, gridId, memberScope: v, householdScope: v, reach: 'village' } satisfies PairingScope;
  }
  if (code.length >= 12) {
    return { code, gridId: null, memberScope: code.slice(0, 12), householdScope: code, reach: 'village' } as const;
  }
  return { code, gridId: null, memberScope: code, householdScope: code, reach: 'township' } satisfies PairingScope;
}

function gridOfHousehold(links: Awaited<ReturnType<typeof repo.householdGridLinks>>) {
  const whole = new Map<string, number>();
  for (const l of links.links) if (l.pieces === 1 || l.piece === 1) whole.set(l.natural_village_code, l.grid_id);
  const placed = new Map(links.placed.map((p) => [p.household_id, p.grid_id]));
  return (id: number, nv: string) => placed.get(id) ?? whole.get(nv) ?? null;
}

const placeOf = (nv: string, grid: number | null) => ({
  township: nv.slice(0, 9),
  village: nv.slice(0, 12),
  naturalVillage: nv,
  grid: grid === null ? null : String(grid),
});

/**
 * Loads members, households, grids, pairings and rejections of `scope` (8 queries, sent together). Members who
 * are registered poor persons are left out: a helper is not a registered poor person, so matching never
 * proposes them.
 */
export async function loadMatchInput(db: Db, county: string, scope: PairingScope): Promise<LoadedMatch> {
  const started = performance.now();
  const { memberScope: ms, householdScope: hs } = scope;
  const [members, households, needs, links, pairings, rejections, names, poor] = await Promise.all([
    repo.matchMembers(db, county, ms),
    repo.matchHouseholds(db, county, hs),
    repo.openNeeds(db, county, hs),
    repo.householdGridLinks(db, county, hs),
    // The member scope contains the household scope: this covers both capacity used and helpers held.
    repo.currentPairingsUnder(db, county, ms),
    repo.rejectionsUnder(db, county, hs),
    repo.placeNames(db, county, ms.slice(0, 9)),
    poorMemberIds(db, county, { scope: ms }),
  ]);
  const gridOf = gridOfHousehold(links);
  const slots = new Map<number, number[]>();
  const helpers = new Map<number, number>();
  for (const p of pairings) {
    slots.set(p.member_id, [...(slots.get(p.member_id) ?? []), p.slot]);
    helpers.set(p.household_id, (helpers.get(p.household_id) ?? 0) + 1);
  }
  const needsOf = new Map<number, string[]>();
  for (const n of needs) needsOf.set(n.household_id, [...(needsOf.get(n.household_id) ?? []), n.need]);

  const memberMap = new Map<number, MemberInfo>();
  for (const m of members) {
    if (poor.has(m.id)) continue;
    memberMap.set(m.id, {
      id: m.id,
      name: m.name,
      post: m.post,
      joinDate: m.join_date,
      capacity: m.capacity,
      load: slots.get(m.id)?.length ?? 0,
      slots: slots.get(m.id) ?? [],
      expertise: m.expertise,
      willingness: m.willingness,
      place: placeOf(m.natural_village_code, m.grid_id),
    });
  }
  const householdMap = new Map<number, HouseholdInfo>();
  for (const h of households) {
    const grid = gridOf(h.id, h.natural_village_code);
    if (scope.gridId !== null && grid !== scope.gridId) continue;
    householdMap.set(h.id, {
      id: h.id,
      headName: h.head_name,
      identifiedYear: h.identified_year,
      mainCause: h.main_cause,
      otherCauses: h.other_causes,
      needs: needsOf.get(h.id) ?? [],
      helpers: helpers.get(h.id) ?? 0,
      place: placeOf(h.natural_village_code, grid),
    });
  }
  const input: MatchInput = {
    members: [...memberMap.values()],
    households: [...householdMap.values()],
    pairings: pairings
      .filter((p) => memberMap.has(p.member_id) && householdMap.has(p.household_id))
      .map((p) => ({ memberId: p.member_id, householdId: p.household_id })),
    excluded: rejections.map((r) => ({ memberId: r.member_id, householdId: r.household_id })),
  };
  const nameMap = new Map(names.map((n) => [n.code, n.name]));
  return {
    scope,
    input,
    members: memberMap,
    households: householdMap,
    names: nameMap,
    loadMs: performance.now() - started,
  };
}
