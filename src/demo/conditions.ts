/**
 * Living conditions of a household (生产生活条件): land, road, housing, water, toilet, co-operative and
 * food security. Households that left poverty passed the exit test, so their housing is safe (grade
 * A/B), their water safe and their food and clothing secure; those still poor may lack any of these.
 */
import type { Insertable } from 'kysely';
import type { HouseholdTable } from '../db/schema.ts';
import type { CauseCode } from '../domain/codes.ts';
import type { History } from './history.ts';
import type { Rng, Weighted } from './random.ts';

type Conditions = Pick<
  Insertable<HouseholdTable>,
  | 'farmland_mu'
  | 'forest_mu'
  | 'road_distance_km'
  | 'housing_area'
  | 'housing_structure'
  | 'housing_grade'
  | 'safe_water'
  | 'has_toilet'
  | 'in_cooperative'
  | 'food_clothing_secure'
>;

const round2 = (x: number) => Math.round(x * 100) / 100;

const SAFE_GRADES: Weighted<'A' | 'B'> = [
  ['A', 55],
  ['B', 45],
];
const ANY_GRADES: Weighted<'A' | 'B' | 'C' | 'D'> = [
  ['A', 35],
  ['B', 40],
  ['C', 18],
  ['D', 7],
];
const STRUCTURES: Weighted<string> = [
  ['brick_concrete', 55],
  ['brick_wood', 25],
  ['reinforced_concrete', 10],
  ['earth_wood', 8],
  ['other', 2],
];
const OLD_STRUCTURES: Weighted<string> = [
  ['earth_wood', 50],
  ['brick_wood', 40],
  ['other', 10],
];

/** True when the household's last status says it passed the exit test. */
export function hasExited(history: History): boolean {
  return history.status === 'exited' || history.status === 'monitored' || history.status === 'risk_cleared';
}

/** Draws the conditions; `causes` shape them (缺土地 → little land, 交通 → far from the road, 缺水 → unsafe water). */
export function drawConditions(rng: Rng, size: number, causes: readonly CauseCode[], history: History): Conditions {
  const out = hasExited(history);
  const grade = out ? rng.weighted(SAFE_GRADES) : rng.weighted(ANY_GRADES);
  const dangerous = grade === 'C' || grade === 'D';
  const farmland = causes.includes('land') ? rng.float(0.2, 0.8) : size * rng.float(0.6, 1.6);
  const road = causes.includes('transport') ? rng.float(3, 8) : -Math.log(1 - rng.next()) * 0.8;
  return {
    farmland_mu: round2(farmland),
    forest_mu: rng.chance(0.6) ? 0 : round2(rng.float(0.5, 12)),
    road_distance_km: round2(Math.min(road, 30)),
    housing_area: round2(size * rng.float(20, 45) + rng.float(10, 40)),
    housing_structure: rng.weighted(dangerous ? OLD_STRUCTURES : STRUCTURES),
    housing_grade: grade,
    safe_water: out || (!causes.includes('water') && rng.chance(0.92)),
    has_toilet: rng.chance(out ? 0.85 : 0.6),
    in_cooperative: rng.chance(0.35),
    food_clothing_secure: out || rng.chance(0.8),
  };
}
