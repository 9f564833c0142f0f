/**
 * The demo county's villages, communities and natural villages with codes, names and coordinates.
 * Townships are real (imported from the NBS list); everything below them is synthetic but follows the
 * NBS code rules: village = township 9 digits + 3 (communities 001–199, villages 200–399) and natural
 * village = village 12 digits + a 3-digit local sequence.
 */
import type { Insertable } from 'kysely';
import type { OrgUnitTable } from '../db/schema.ts';
import { naturalVillageName, villageName } from './names.ts';
import { apportion, hashString, type Rng } from './random.ts';

/** A latitude/longitude box (degrees). */
export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** A township as importDivisions stored it. */
export interface TownshipRef {
  code: string;
  name: string;
  kind: string;
  path: string;
}

export interface NaturalVillagePlan {
  code: string;
  name: string;
  lat: number;
  lng: number;
  /** Relative size: how many members and households live there. */
  weight: number;
}

export interface VillagePlan {
  code: string;
  name: string;
  kind: '村' | '社区';
  township: TownshipRef;
  path: string;
  lat: number;
  lng: number;
  naturalVillages: NaturalVillagePlan[];
}

// Huaining lies roughly here; other counties get a box of the same size around a centre made from the code.
const KNOWN_BOXES: Record<string, Box> = { '340822': { south: 30.3, north: 30.85, west: 116.45, east: 117.05 } };

/** The box the county's places are drawn in (plausible inside China for unknown counties). */
export function countyBox(countyCode: string): Box {
  const known = KNOWN_BOXES[countyCode];
  if (known) return known;
  const h = hashString(countyCode);
  const lat = 23 + (h % 1800) / 100; // 23–41 °N
  const lng = 103 + ((h >>> 11) % 1700) / 100; // 103–120 °E
  return { south: lat - 0.27, north: lat + 0.28, west: lng - 0.3, east: lng + 0.3 };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A point at most `radius` degrees from the centre (uniform over the disc), kept inside the box. */
function scatter(rng: Rng, box: Box, lat: number, lng: number, radius: number): { lat: number; lng: number } {
  const angle = rng.float(0, 2 * Math.PI);
  const r = radius * Math.sqrt(rng.next());
  const margin = 0.002;
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi - margin, Math.max(lo + margin, x));
  return {
    lat: round6(clamp(lat + r * Math.sin(angle), box.south, box.north)),
    lng: round6(clamp(lng + r * Math.cos(angle), box.west, box.east)),
  };
}

/** Distinct township centres: one jittered cell each of a grid laid over the box, cells in random order. */
export function townshipCentres(
  rng: Rng,
  box: Box,
  count: number,
): { centres: { lat: number; lng: number }[]; radius: number } {
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)));
  const rows = Math.max(1, Math.ceil(count / cols));
  const w = (box.east - box.west) / cols;
  const h = (box.north - box.south) / rows;
  const cells = rng.shuffle(Array.from({ length: cols * rows }, (_, i) => i)).slice(0, count);
  const centres = cells.map((cell) => ({
    lat: round6(box.south + h * (Math.floor(cell / cols) + 0.5 + rng.float(-0.2, 0.2))),
    lng: round6(box.west + w * ((cell % cols) + 0.5 + rng.float(-0.2, 0.2))),
  }));
  return { centres, radius: 0.45 * Math.min(w, h) };
}

// Subdistricts (街道) are urban and mostly communities; a town's seat is a community; townships (乡) are rural.
const COMMUNITY_SHARE: Record<string, number> = { 街道: 0.65, 镇: 0.08, 乡: 0.03 };
const TOWNSHIP_WEIGHT: Record<string, number> = { 街道: 0.7, 镇: 1.2, 乡: 0.9 };
const MAX_COMMUNITIES = 199;
const MAX_VILLAGES = 200;

/** How many villages each township gets: towns more, subdistricts fewer, at least one each when possible. */
export function villagesPerTownship(rng: Rng, townships: readonly TownshipRef[], total: number): number[] {
  const weights = townships.map((t) => (TOWNSHIP_WEIGHT[t.kind] ?? 1) * rng.float(0.7, 1.3));
  return apportion(total, weights, 1).map((n) => Math.min(n, MAX_COMMUNITIES + MAX_VILLAGES));
}

/** Kinds of a township's villages: 社区 first (the seat), then 村, within the code ranges' capacity. */
function villageKinds(rng: Rng, township: TownshipRef, count: number): ('村' | '社区')[] {
  const share = COMMUNITY_SHARE[township.kind] ?? 0.05;
  let communities = township.kind === '镇' ? 1 : 0;
  for (let i = communities; i < count; i++) if (rng.chance(share)) communities++;
  communities = Math.max(count - MAX_VILLAGES, Math.min(communities, MAX_COMMUNITIES, count));
  return Array.from({ length: count }, (_, i) => (i < communities ? '社区' : '村'));
}

/** One village with its 8–12 natural villages scattered within about a kilometre. */
function planVillage(
  rng: Rng,
  box: Box,
  township: TownshipRef,
  kind: '村' | '社区',
  code: string,
  name: string,
  at: { lat: number; lng: number },
): VillagePlan {
  const taken = new Set<string>();
  const count = rng.int(8, 12);
  const naturalVillages = Array.from({ length: count }, (_, i) => ({
    code: code + String(i + 1).padStart(3, '0'),
    name: naturalVillageName(rng, taken),
    ...scatter(rng, box, at.lat, at.lng, 0.012),
    weight: Math.exp(rng.normal(0, 0.4)),
  }));
  return { code, name, kind, township, path: `${township.path}.${code}`, ...at, naturalVillages };
}

/** Villages of one township around its centre, with NBS-style codes. */
export function planTownship(
  rng: Rng,
  box: Box,
  township: TownshipRef,
  count: number,
  centre: { lat: number; lng: number },
  radius: number,
  names: Set<string>,
): VillagePlan[] {
  let nextCommunity = 1;
  let nextVillage = 200;
  return villageKinds(rng, township, count).map((kind) => {
    const seq = kind === '社区' ? nextCommunity++ : nextVillage++;
    const code = township.code + String(seq).padStart(3, '0');
    const at = scatter(rng, box, centre.lat, centre.lng, radius);
    return planVillage(rng, box, township, kind, code, villageName(rng, kind, names), at);
  });
}

/** org_unit rows of the planned villages and natural villages (parents first, as the foreign key needs). */
export function placeRows(countyCode: string, villages: readonly VillagePlan[]): Insertable<OrgUnitTable>[] {
  const rows: Insertable<OrgUnitTable>[] = [];
  for (const v of villages) {
    const base = { county_code: countyCode, parent_code: v.township.code, path: v.path };
    rows.push({ ...base, code: v.code, level: 'village', kind: v.kind, name: v.name, lat: v.lat, lng: v.lng });
  }
  for (const v of villages) {
    for (const n of v.naturalVillages) {
      rows.push({
        county_code: countyCode,
        code: n.code,
        parent_code: v.code,
        level: 'natural_village',
        kind: '自然村',
        name: n.name,
        path: `${v.path}.${n.code}`,
        lat: n.lat,
        lng: n.lng,
      });
    }
  }
  return rows;
}
