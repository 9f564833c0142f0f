/**
 * Partition of one village into grids (组织设置无缝隙, DOMAIN.md §1): every natural village in exactly one
 * grid — or, when it alone has more members than a grid may hold, split into pieces — every member in
 * exactly one grid, grids contiguous, 3–15 members aiming at 12, each with someone able to lead, households
 * within the members' helping capacity, balanced and compact. Pure and deterministic; never throws: when
 * the rules cannot all be met, the best partition comes back with every breach named.
 */
import { nodeNeighbours, villageAdjacency } from './adjacency.ts';
import { inputBreaches } from './breaches.ts';
import { exactPartition } from './exact.ts';
import { localSearchPartition } from './local-search.ts';
import { buildNodes } from './nodes.ts';
import { normalizeVillage } from './normalize.ts';
import { resolveOptions } from './options.ts';
import { assembleResult } from './result.ts';
import type { PartitionOptions, PartitionResult, VillageInput } from './types.ts';

export { deriveAdjacency } from './adjacency.ts';
export { PARTITION_DEFAULTS } from './options.ts';
export type * from './types.ts';

const EMPTY_SCORE = { boundViolation: 0, leaderless: 0, capacityShort: 0, imbalance: 0, spread: 0, grids: 0 };

/**
 * Splits one village into grids. Villages of up to `exactLimit` nodes (natural villages plus pieces of split
 * ones; default 18) are solved exactly for the objective in cost.ts (see exact.ts for when it falls back);
 * larger ones by local search.
 * @example partitionVillage({ naturalVillages }, { targetMembers: 12 }).grids.length
 */
export function partitionVillage(input: VillageInput, options: PartitionOptions = {}): PartitionResult {
  const o = resolveOptions(options);
  const { villages, duplicateMembers } = normalizeVillage(input.naturalVillages ?? []);
  const { sets, unknown } = villageAdjacency(villages, input.adjacency);
  const warnings = inputBreaches(duplicateMembers, unknown, villages.length === 0);
  if (villages.length === 0) return { grids: [], breaches: warnings, score: { ...EMPTY_SCORE, method: 'exact' } };
  const { nodes, nodesOf } = buildNodes(villages, o);
  const neighbours = nodeNeighbours(sets, nodesOf);
  const leaderRule = nodes.some((n) => n.leaderIds.length > 0);
  const exactLists = nodes.length <= o.exactLimit ? exactPartition(nodes, neighbours, o, leaderRule) : null;
  const exact = exactLists !== null;
  const lists = exactLists ?? localSearchPartition(nodes, neighbours, o, leaderRule);
  lists.sort((a, b) => a[0]! - b[0]!);
  const capacityOf = new Map(villages.flatMap((v) => v.members.map((m) => [m.id, m.capacity] as const)));
  const ctx = { nodes, neighbours, options: o, leaderRule, method: exact ? 'exact' : 'heuristic', capacityOf } as const;
  const result = assembleResult(lists, ctx);
  return { ...result, breaches: [...warnings, ...result.breaches] };
}
export { checkGrids, type DrawnGrid } from './check.ts';
