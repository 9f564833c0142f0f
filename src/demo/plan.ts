/**
 * The county plan: where every township, village and natural village lies and how many members and
 * households each village gets. Small enough to hold whole in memory; the people are generated later,
 * township by township, from it.
 */
import type { Kysely } from 'kysely';
import { unitsAtLevel } from '../db/repositories/org-units.ts';
import type { Database } from '../db/schema.ts';
import { type VillageQuota, villageQuotas } from './people.ts';
import {
  countyBox,
  planTownship,
  type TownshipRef,
  townshipCentres,
  type VillagePlan,
  villagesPerTownship,
} from './places.ts';
import type { Rng } from './random.ts';

/** County-scale targets of the demo (DESIGN.md §6): ~250 villages, ~21,000 members, ~16,000 households. */
export const DEMO_TARGETS = { villages: 250, members: 21_000, households: 16_000 } as const;

/** A township with its planned villages and its centre. */
export interface TownshipPlan extends TownshipRef {
  lat: number;
  lng: number;
  villages: { village: VillagePlan; quota: VillageQuota }[];
}

/** Everything the later stages need. */
export interface CountyPlan {
  centre: { lat: number; lng: number };
  townships: TownshipPlan[];
}

/** Reads the county's townships as importDivisions stored them, in code order. */
export async function loadTownships(db: Kysely<Database>, countyCode: string): Promise<TownshipRef[]> {
  return unitsAtLevel(db, countyCode, 'township');
}

/** Plans villages, coordinates and quotas; `scale` shrinks or grows every total alike. */
export function planCounty(rng: Rng, countyCode: string, townships: readonly TownshipRef[], scale: number): CountyPlan {
  const box = countyBox(countyCode);
  const villageTotal = Math.max(townships.length > 0 ? 1 : 0, Math.round(DEMO_TARGETS.villages * scale));
  const counts = villagesPerTownship(rng, townships, villageTotal);
  const { centres, radius } = townshipCentres(rng, box, townships.length);
  const names = new Set<string>();
  const villagesByTownship = townships.map((t, i) => {
    const centre = centres[i] ?? { lat: (box.south + box.north) / 2, lng: (box.west + box.east) / 2 };
    return { ...t, ...centre, villages: planTownship(rng, box, t, counts[i] ?? 0, centre, radius, names) };
  });
  const all = villagesByTownship.flatMap((t) => t.villages);
  // Totals follow the villages actually planned, so a scaled-down county keeps the full county's densities.
  const perVillage = all.length / DEMO_TARGETS.villages;
  const quotas = villageQuotas(
    rng,
    all,
    Math.round(DEMO_TARGETS.members * perVillage),
    Math.round(DEMO_TARGETS.households * perVillage),
  );
  let k = 0;
  return {
    centre: { lat: (box.south + box.north) / 2, lng: (box.west + box.east) / 2 },
    townships: villagesByTownship.map((t) => ({
      ...t,
      villages: t.villages.map((village) => ({ village, quota: quotas[k++] ?? { members: 0, households: 0 } })),
    })),
  };
}
