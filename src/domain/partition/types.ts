/**
 * Public shapes of the grid partition (组织设置无缝隙): one village's natural villages in, grids out. A grid
 * is a set of whole natural villages, except that a natural village with more members than a grid may hold
 * is split into pieces (then `parts` says which members and households each grid got).
 */
import type { Label } from '../codes.ts';

/** A Party member as the partition needs them. */
export interface PartitionMember {
  id: number;
  /** Formal, living at home, healthy enough and active: may lead the grid's Party group (党小组长). */
  eligibleToLead: boolean;
  /** How many poor households the member can help (1–2, 0 for migrants, the frail and the sick). */
  capacity: 0 | 1 | 2;
}

/** A household; its position, when known, decides which piece of a split natural village it goes to. */
export interface PartitionHousehold {
  id: number;
  lat?: number;
  lng?: number;
}

/** One natural village (自然村/村民组) of the village. */
export interface NaturalVillageInput {
  code: string;
  lat: number | null;
  lng: number | null;
  /** The households, or only their count when positions and ids are unknown. */
  households: PartitionHousehold[] | number;
  members: PartitionMember[];
}

/** One village to partition. */
export interface VillageInput {
  naturalVillages: NaturalVillageInput[];
  /** Pairs of natural village codes that border each other; derived from positions when absent. */
  adjacency?: Adjacency;
}

/** Tuning of one partition; every field has a default (see options.ts). */
export interface PartitionOptions {
  /** Fewest members of a grid's Party group (local practice: 3). */
  minMembers?: number;
  /** Most members of a grid's Party group (default 15). */
  maxMembers?: number;
  /** Group size aimed at (default 12, the article's county: ~21,000 members in 1,760+ groups). */
  targetMembers?: number;
  /** When set, a grid can help `members × this` households instead of the sum of its members' capacity. */
  householdsPerMemberTarget?: number;
  /** Weight of one km² of spread against one member² of deviation from the target size (default 4). */
  spreadWeight?: number;
  /**
   * Largest number of nodes (natural villages and pieces of split ones) solved exactly (default 18, at most
   * 20); larger villages, and those exact.ts gives up on, use local search. 0 forces local search.
   */
  exactLimit?: number;
}

/** One piece of a split natural village, as held by one grid. */
export interface GridPart {
  code: string;
  /** 1-based piece number and how many pieces the natural village was split into. */
  piece: number;
  pieces: number;
  members: number[];
  households: number;
  /** The households' ids when the input listed households. */
  householdIds?: number[];
}

/** One grid: gets one Party group. */
export interface Grid {
  /** Codes of the natural villages it covers, whole or in part, ascending. */
  naturalVillages: string[];
  /** Present when the grid holds pieces of split natural villages. */
  parts?: GridPart[];
  /** Member ids, ascending. */
  members: number[];
  households: number;
  /** Households its members can help (sum of capacity, or members × householdsPerMemberTarget). */
  capacity: number;
  /** Members eligible to lead, most capacity first, then by id. */
  leaderCandidates: number[];
}

export type BreachCode =
  | 'no_natural_villages'
  | 'too_few_members'
  | 'too_many_members'
  | 'not_contiguous'
  | 'no_eligible_leader'
  | 'capacity_short'
  | 'duplicate_member'
  | 'unknown_adjacency';

/** A rule the returned partition could not meet, with the reason in words. */
export interface PartitionBreach {
  code: BreachCode;
  /** Index into `grids` when the breach belongs to one grid. */
  grid?: number;
  message: Label;
}

/** The objective's terms for the returned partition (smaller is better, compared in this order). */
export interface PartitionScore {
  /** Members outside [min, max] summed over grids, plus one per extra disconnected piece of a grid. */
  boundViolation: number;
  /** Grids without a member eligible to lead. */
  leaderless: number;
  /** Households beyond the grids' helping capacity, summed. */
  capacityShort: number;
  /** Σ (members − target)² over grids. */
  imbalance: number;
  /** Σ over grids of squared distances (km²) of their natural villages from the grid's centre. */
  spread: number;
  grids: number;
  method: 'exact' | 'heuristic';
}

export interface PartitionResult {
  grids: Grid[];
  breaches: PartitionBreach[];
  score: PartitionScore;
}

/** Pairs of natural village codes that border each other. */
export type Adjacency = ReadonlyArray<readonly [string, string]>;
