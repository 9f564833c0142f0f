/**
 * One grid as its page shows it: natural villages, current and past members, households needing help,
 * the partition rules it breaks now, and its history. Retired grids stay readable.
 */
import type { Kysely } from 'kysely';
import * as reads from '../../db/repositories/grid-reads.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { checkGrids } from '../../domain/partition/index.ts';
import { loadVillageStates, memberFacts, partitionInput, type VillageState } from './village-state.ts';

type Db = Kysely<Database>;
export const GRID = { zh: '网格', en: 'grid' };

const iso = (t: Date | string) => new Date(t).toISOString();

/** Breaches of each current grid of the village, by grid id. */
export function villageBreaches(village: VillageState) {
  const drawn = village.grids.map((g) => ({
    naturalVillages: [...new Set(g.parts.map((p) => p.code))],
    members: g.members,
    households: g.householdIds.length,
  }));
  const byGrid = new Map(village.grids.map((g) => [g.id, [] as ReturnType<typeof checkGrids>]));
  for (const b of checkGrids(partitionInput(village), drawn)) {
    if (b.grid !== undefined) byGrid.get(village.grids[b.grid]!.id)?.push(b);
  }
  return byGrid;
}

/** One grid; `loaded` is its village's state when the caller has just read it (an edit re-reading its grids). */
export async function getGrid(db: Db, county: string, id: number, loaded?: VillageState) {
  const header = await reads.gridHeader(db, county, id);
  if (!header) throw AppError.notFound(GRID);
  const [links, memberships, events, village] = await Promise.all([
    reads.gridLinks(db, county, id),
    reads.gridMemberships(db, county, id),
    reads.gridEvents(db, county, id),
    loaded?.code === header.village_code
      ? loaded
      : loadVillageStates(db, county, header.village_code).then((states) => states[0]),
  ]);
  const current = village?.grids.find((g) => g.id === id);
  const members = memberships
    .filter((m) => m.left_at === null)
    .map((m) => ({ ...m, facts: memberFacts({ ...m, id: m.member_id }) }));
  return {
    id: header.id,
    name: header.name,
    villageCode: header.village_code,
    villageName: header.village_name,
    createdAt: iso(header.created_at),
    retiredAt: header.retired_at ? iso(header.retired_at) : null,
    retiredReason: header.retired_reason,
    naturalVillages: links,
    members: members.map((m) => ({
      id: m.member_id,
      name: m.name,
      naturalVillageCode: m.natural_village_code,
      post: m.post,
      capacity: m.facts.capacity,
      eligibleToLead: m.facts.eligibleToLead,
      joinedAt: iso(m.joined_at),
    })),
    pastMembers: memberships
      .filter((m) => m.left_at !== null)
      .map((m) => ({
        id: m.member_id,
        name: m.name,
        joinedAt: iso(m.joined_at),
        leftAt: iso(m.left_at!),
        joinedReason: m.joined_reason,
        leftReason: m.left_reason ?? '',
      })),
    households: current?.householdIds.length ?? 0,
    capacity: members.reduce((s, m) => s + m.facts.capacity, 0),
    group:
      header.group_id === null || header.retired_at !== null
        ? null
        : { id: header.group_id, name: header.group_name!, leaderId: header.leader_member_id },
    breaches: village && current ? (villageBreaches(village).get(id) ?? []) : [],
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      detail: e.detail as Record<string, unknown>,
      planId: e.plan_id,
      at: iso(e.created_at),
    })),
  };
}
