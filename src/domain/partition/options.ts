/**
 * Defaults and sanitising of partition options. Bad values never throw: the partition must always return
 * its best answer, so a nonsensical option falls back to its default and bounds are put in order.
 */
import type { PartitionOptions } from './types.ts';

/** Options with every field decided. */
export interface ResolvedOptions {
  minMembers: number;
  maxMembers: number;
  targetMembers: number;
  householdsPerMemberTarget: number | null;
  spreadWeight: number;
  exactLimit: number;
}

/** Defaults: groups of 3–15 members aiming at 12 (DOMAIN.md §2; the county's ~12 members per group). */
export const PARTITION_DEFAULTS = {
  minMembers: 3,
  maxMembers: 15,
  targetMembers: 12,
  spreadWeight: 4,
  // 2^18 subsets to filter for sound grids: ~10 ms; covers every demo village, split pieces included.
  exactLimit: 18,
} as const;

// Above this the exact search's 2^n tables (and time) stop being small.
const EXACT_CEILING = 20;

function count(value: number | undefined, fallback: number, least: number): number {
  return value !== undefined && Number.isFinite(value) && value >= least ? Math.floor(value) : fallback;
}

/** Fills in defaults; min ≤ target ≤ max always holds afterwards. */
export function resolveOptions(options: PartitionOptions = {}): ResolvedOptions {
  const a = count(options.minMembers, PARTITION_DEFAULTS.minMembers, 0);
  const b = count(options.maxMembers, PARTITION_DEFAULTS.maxMembers, 1);
  const minMembers = Math.min(a, b);
  const maxMembers = Math.max(a, b, 1);
  const target = count(options.targetMembers, PARTITION_DEFAULTS.targetMembers, 0);
  const hpm = options.householdsPerMemberTarget;
  const weight = options.spreadWeight;
  return {
    minMembers,
    maxMembers,
    targetMembers: Math.min(maxMembers, Math.max(minMembers, target)),
    householdsPerMemberTarget: hpm !== undefined && Number.isFinite(hpm) && hpm >= 0 ? hpm : null,
    spreadWeight: weight !== undefined && Number.isFinite(weight) && weight >= 0 ? weight : 4,
    exactLimit: Math.min(EXACT_CEILING, count(options.exactLimit, PARTITION_DEFAULTS.exactLimit, 0)),
  };
}
