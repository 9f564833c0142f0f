/**
 * One village as the grid features see it: its natural villages, active members, households that need a
 * helper, and its current grids with who and what they hold. Loaded for a whole scope in a few queries.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/grids.ts';
import type { Database } from '../../db/schema.ts';
import { LEADER_HEALTH } from '../../domain/group-leader.ts';
import type { PartitionMember, VillageInput } from '../../domain/partition/index.ts';

type Db = Kysely<Database>;

export interface MemberFacts extends PartitionMember {
  name: string;
  naturalVillageCode: string;
}

export interface GridPiece {
  code: string;
  piece: number;
  pieces: number;
}

export interface CurrentGrid {
  id: number;
  villageCode: string;
  name: string;
  parts: GridPiece[];
  members: number[];
  /** Households needing help that belong to this grid. */
  householdIds: number[];
}

export interface VillageState {
  code: string;
  name: string;
  naturalVillages: { code: string; name: string; lat: number | null; lng: number | null }[];
  members: MemberFacts[];
  households: { id: number; naturalVillageCode: string }[];
  grids: CurrentGrid[];
}

type MemberRow = Awaited<ReturnType<typeof repo.activeMembersOf>>[number];

/** The partition's view of a member: may lead (formal, at home, well enough: group-leader.ts) and capacity. */
export function memberFacts(m: MemberRow): MemberFacts {
  return {
    id: m.id,
    name: m.name,
    naturalVillageCode: m.natural_village_code,
    eligibleToLead: m.membership === 'formal' && !m.is_migrant && LEADER_HEALTH.has(m.health),
    capacity: Math.max(0, Math.min(2, m.capacity)) as 0 | 1 | 2,
  };
}

function bucket<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every village of the scope (a natural village's scope is its village), ordered by code. */
export async function loadVillageStates(db: Db, county: string, scope: string): Promise<VillageState[]> {
  const [places, members, households, current] = await Promise.all([
    repo.placesOf(db, county, scope),
    repo.activeMembersOf(db, county, scope),
    repo.householdsNeedingHelpOf(db, county, scope),
    repo.currentGridsOf(db, county, scope),
  ]);
  const villages = new Map<string, VillageState>();
  for (const p of places) {
    if (p.level === 'village') {
      villages.set(p.code, { code: p.code, name: p.name, naturalVillages: [], members: [], households: [], grids: [] });
    }
  }
  const villageOf = (code: string) => villages.get(code.slice(0, 12));
  for (const p of places) {
    if (p.level === 'natural_village') {
      villageOf(p.code)?.naturalVillages.push({ code: p.code, name: p.name, lat: p.lat, lng: p.lng });
    }
  }
  for (const m of members) villageOf(m.natural_village_code)?.members.push(memberFacts(m));
  for (const h of households) {
    villageOf(h.natural_village_code)?.households.push({ id: h.id, naturalVillageCode: h.natural_village_code });
  }

  const grids = new Map<number, CurrentGrid>();
  for (const g of current.grids) {
    const grid = { id: g.id, villageCode: g.village_code, name: g.name, parts: [], members: [], householdIds: [] };
    grids.set(g.id, grid);
    villages.get(g.village_code)?.grids.push(grid);
  }
  const wholeOwner = new Map<string, number>(); // natural village → its grid, when not split
  for (const l of current.links) {
    grids.get(l.grid_id)?.parts.push({ code: l.natural_village_code, piece: l.piece, pieces: l.pieces });
    if (l.pieces === 1 || l.piece === 1) wholeOwner.set(l.natural_village_code, l.grid_id);
  }
  for (const m of current.members) grids.get(m.grid_id)?.members.push(m.member_id);
  const placed = new Map(current.placed.map((p) => [p.household_id, p.grid_id]));
  for (const h of households) {
    const gridId = placed.get(h.id) ?? wholeOwner.get(h.natural_village_code);
    if (gridId !== undefined) grids.get(gridId)?.householdIds.push(h.id);
  }
  return [...villages.values()];
}

/** The partition's input for one village. */
export function partitionInput(village: VillageState): VillageInput {
  const membersOf = new Map<string, PartitionMember[]>();
  const householdsOf = new Map<string, { id: number }[]>();
  for (const m of village.members) {
    bucket(membersOf, m.naturalVillageCode, { id: m.id, eligibleToLead: m.eligibleToLead, capacity: m.capacity });
  }
  for (const h of village.households) bucket(householdsOf, h.naturalVillageCode, { id: h.id });
  return {
    naturalVillages: village.naturalVillages.map((nv) => ({
      code: nv.code,
      lat: nv.lat,
      lng: nv.lng,
      members: membersOf.get(nv.code) ?? [],
      households: householdsOf.get(nv.code) ?? [],
    })),
  };
}
