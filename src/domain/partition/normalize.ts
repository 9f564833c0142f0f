/**
 * Puts one village's input into a canonical form so that the same village always gives the same grids,
 * whatever order its rows came in: natural villages by code, members and households by id, duplicates merged
 * and positions projected to kilometres around the village's centre (distances, not degrees, decide spread).
 */
import type { NaturalVillageInput, PartitionHousehold, PartitionMember } from './types.ts';

/** A household with its position in km from the village centre, when known. */
export interface PlacedHousehold {
  id: number;
  x: number | null;
  y: number | null;
}

/** A natural village in canonical form. */
export interface NormalVillage {
  code: string;
  x: number | null;
  y: number | null;
  members: PartitionMember[];
  households: number;
  /** Null when only a count was given. */
  householdList: PlacedHousehold[] | null;
}

export interface NormalizedInput {
  villages: NormalVillage[];
  /** Members listed under more than one natural village: kept in the first (by code). */
  duplicateMembers: { id: number; kept: string; dropped: string }[];
}

type Point = { lat: number; lng: number };
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LNG_EQUATOR = 111.32;

const isPoint = (lat: unknown, lng: unknown): boolean =>
  typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng);

// Rows sharing a code may disagree on the position: keep the same one whatever their order.
const southWestFirst = (a: NaturalVillageInput, b: NaturalVillageInput) =>
  a.lat! < b.lat! || (a.lat === b.lat && a.lng! < b.lng!);

/** Merges rows sharing a code (their members and households add up), then sorts by code. */
function mergeByCode(input: readonly NaturalVillageInput[]): NaturalVillageInput[] {
  const byCode = new Map<string, NaturalVillageInput>();
  for (const nv of input) {
    const seen = byCode.get(nv.code);
    if (!seen) {
      byCode.set(nv.code, { ...nv, members: [...nv.members] });
      continue;
    }
    const [a, b] = [seen.households, nv.households];
    seen.households = Array.isArray(a) && Array.isArray(b) ? [...a, ...b] : householdCount(a) + householdCount(b);
    seen.members.push(...nv.members);
    if (isPoint(nv.lat, nv.lng) && (!isPoint(seen.lat, seen.lng) || southWestFirst(nv, seen))) {
      Object.assign(seen, { lat: nv.lat, lng: nv.lng });
    }
  }
  return [...byCode.values()].sort((p, q) => (p.code < q.code ? -1 : p.code > q.code ? 1 : 0));
}

function householdCount(h: PartitionHousehold[] | number): number {
  if (Array.isArray(h)) return h.length;
  return Number.isFinite(h) && h > 0 ? Math.floor(h) : 0;
}

/** Centre of the known natural-village positions (households' when no natural village has one). */
function origin(villages: readonly NaturalVillageInput[]): Point {
  let points: Point[] = villages.filter((v) => isPoint(v.lat, v.lng)) as Point[];
  if (points.length === 0) {
    points = villages
      .flatMap((v) => (Array.isArray(v.households) ? v.households : []))
      .filter((h) => isPoint(h.lat, h.lng)) as Point[];
  }
  const n = Math.max(1, points.length);
  return { lat: points.reduce((s, p) => s + p.lat, 0) / n, lng: points.reduce((s, p) => s + p.lng, 0) / n };
}

/** Equirectangular projection: exact enough over a village's few kilometres. */
function projector(o: Point): (lat: unknown, lng: unknown) => { x: number | null; y: number | null } {
  const kmPerLng = KM_PER_DEG_LNG_EQUATOR * Math.cos((o.lat * Math.PI) / 180);
  return (lat, lng) =>
    isPoint(lat, lng)
      ? { x: ((lng as number) - o.lng) * kmPerLng, y: ((lat as number) - o.lat) * KM_PER_DEG_LAT }
      : { x: null, y: null };
}

const clampCapacity = (c: number): 0 | 1 | 2 => (c >= 2 ? 2 : c >= 1 ? 1 : 0);

/** Canonical form of one village's natural villages. */
export function normalizeVillage(input: readonly NaturalVillageInput[]): NormalizedInput {
  const merged = mergeByCode(input);
  const project = projector(origin(merged));
  const owner = new Map<number, string>();
  const duplicateMembers: NormalizedInput['duplicateMembers'] = [];
  const villages = merged.map((nv): NormalVillage => {
    const members: PartitionMember[] = [];
    for (const m of [...nv.members].sort((a, b) => a.id - b.id)) {
      const kept = owner.get(m.id);
      if (kept !== undefined) {
        duplicateMembers.push({ id: m.id, kept, dropped: nv.code });
        continue;
      }
      owner.set(m.id, nv.code);
      members.push({ id: m.id, eligibleToLead: m.eligibleToLead === true, capacity: clampCapacity(m.capacity) });
    }
    const list = Array.isArray(nv.households)
      ? [...nv.households].sort((a, b) => a.id - b.id).map((h) => ({ id: h.id, ...project(h.lat, h.lng) }))
      : null;
    const households = list ? list.length : householdCount(nv.households);
    return { code: nv.code, ...project(nv.lat, nv.lng), members, households, householdList: list };
  });
  return { villages, duplicateMembers };
}
