/**
 * Defaults and sanitising of matching options. Bad values never throw: a point value that is not a whole number
 * ≥ 0 falls back to its default, and closeness points are put in order (natural village ≥ grid ≥ village ≥
 * township), which the township-wide shortcut in network.ts relies on for exactness.
 */
import type { ClosenessLevel, MatchOptions, MatchReach } from './types.ts';

export interface ResolvedMatchOptions {
  reach: MatchReach;
  closeness: Record<ClosenessLevel, number>;
  wishBonus: number;
  mainCauseBonus: number;
}

/** Defaults: living closer is worth up to 4 points, a wish 5, a fitting skill 1–6 (+2 on the main cause). */
export const MATCH_DEFAULTS = {
  reach: 'township',
  closeness: { naturalVillage: 4, grid: 3, village: 2, township: 1 },
  wishBonus: 5,
  mainCauseBonus: 2,
} as const;

// Keeps every fit far below 2^31 even summed over a county.
const MAX_POINTS = 1000;

function points(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= MAX_POINTS ? value : fallback;
}

/** Fills in defaults; closeness points are non-increasing from natural village to township afterwards. */
export function resolveMatchOptions(options: MatchOptions = {}): ResolvedMatchOptions {
  const c = options.closeness ?? {};
  const d = MATCH_DEFAULTS.closeness;
  const township = points(c.township, d.township);
  const village = Math.max(township, points(c.village, d.village));
  const grid = Math.max(village, points(c.grid, d.grid));
  const naturalVillage = Math.max(grid, points(c.naturalVillage, d.naturalVillage));
  return {
    reach: options.reach === 'village' ? 'village' : 'township',
    closeness: { naturalVillage, grid, village, township },
    wishBonus: points(options.wishBonus, MATCH_DEFAULTS.wishBonus),
    mainCauseBonus: points(options.mainCauseBonus, MATCH_DEFAULTS.mainCauseBonus),
  };
}
