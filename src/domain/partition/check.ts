/**
 * The partition's rules applied to grids someone drew by hand (move a natural village or a member, merge,
 * split): the same breaches, with the same messages, as `partitionVillage` reports for its own grids.
 */
import { villageAdjacency } from './adjacency.ts';
import { type GridFacts, gridBreaches, type VillageFacts } from './breaches.ts';
import { gridComponents } from './components.ts';
import { normalizeVillage } from './normalize.ts';
import { resolveOptions } from './options.ts';
import type { PartitionBreach, PartitionMember, PartitionOptions, VillageInput } from './types.ts';

/** A grid as drawn: its natural villages (whole) and its members; households counted by the caller. */
export interface DrawnGrid {
  naturalVillages: readonly string[];
  members: readonly number[];
  households: number;
}

/** Every breach of the drawn grids of one village (members are looked up in the village's input by id). */
export function checkGrids(
  village: VillageInput,
  grids: readonly DrawnGrid[],
  options: PartitionOptions = {},
): PartitionBreach[] {
  const o = resolveOptions(options);
  const { villages } = normalizeVillage(village.naturalVillages);
  const { sets } = villageAdjacency(villages, village.adjacency);
  const neighbours = sets.map((s) => [...s]);
  const indexOf = new Map(villages.map((v, i) => [v.code, i]));
  const memberOf = new Map<number, PartitionMember>(villages.flatMap((v) => v.members.map((m) => [m.id, m])));
  const facts: GridFacts[] = grids.map((grid, index) => {
    const members = grid.members.map((id) => memberOf.get(id)).filter((m) => m !== undefined);
    const nodes = grid.naturalVillages.map((code) => indexOf.get(code)).filter((i) => i !== undefined);
    const capacity =
      o.householdsPerMemberTarget === null
        ? members.reduce((s, m) => s + m.capacity, 0)
        : members.length * o.householdsPerMemberTarget;
    return {
      index,
      codes: [...grid.naturalVillages].sort(),
      members: grid.members.length,
      households: grid.households,
      capacity,
      eligible: members.filter((m) => m.eligibleToLead).length,
      pieces: gridComponents(nodes, neighbours).map((piece) => piece.map((i) => villages[i]!.code)),
    };
  });
  const totals: VillageFacts = {
    members: facts.reduce((s, g) => s + g.members, 0),
    eligible: facts.reduce((s, g) => s + g.eligible, 0),
    grids: grids.length,
    minMembers: o.minMembers,
    maxMembers: o.maxMembers,
  };
  return facts.flatMap((g) => gridBreaches(g, totals));
}
