/**
 * A village's proposed grids set against its current ones: which current grid each proposed grid continues
 * (most natural villages, then most members, in common), which are new, which retire, and who and what moves.
 * Continuing a grid keeps its id, name, Party group and history, so a small correction stays small.
 */
import type { PartitionBreach, PartitionResult } from '../../domain/partition/index.ts';
import type { CurrentGrid, GridPiece, VillageState } from './village-state.ts';

export interface ProposedGrid {
  /** The current grid this one continues, or null for a new grid. */
  gridId: number | null;
  name: string;
  parts: GridPiece[];
  members: number[];
  householdIds: number[];
  capacity: number;
  leaderCandidates: number[];
}

export interface Move {
  id: number | string;
  name: string;
  from: string | null;
  to: string;
}

export interface VillagePlan {
  villageCode: string;
  villageName: string;
  grids: ProposedGrid[];
  /** Current grids no proposed grid continues. */
  retire: { id: number; name: string }[];
  breaches: PartitionBreach[];
  memberMoves: Move[];
  naturalVillageMoves: Move[];
  householdsMoved: number;
  unchanged: boolean;
}

const partKey = (p: GridPiece) => `${p.code}#${p.piece}/${p.pieces}`;

function proposedParts(grid: PartitionResult['grids'][number]): GridPiece[] {
  const split = new Map((grid.parts ?? []).map((p) => [p.code, p]));
  return grid.naturalVillages.map((code) => {
    const part = split.get(code);
    return part ? { code, piece: part.piece, pieces: part.pieces } : { code, piece: 1, pieces: 1 };
  });
}

/** Greedy pairing of proposed and current grids by what they share; returns current id per proposed index. */
function continuing(proposed: { parts: GridPiece[]; members: number[] }[], current: CurrentGrid[]): (number | null)[] {
  const pairs: { p: number; c: number; score: number }[] = [];
  proposed.forEach((grid, p) => {
    const keys = new Set(grid.parts.map(partKey));
    const members = new Set(grid.members);
    current.forEach((cur, c) => {
      const parts = cur.parts.filter((x) => keys.has(partKey(x))).length;
      const people = cur.members.filter((m) => members.has(m)).length;
      if (parts + people > 0) pairs.push({ p, c, score: parts * 10_000 + people });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.p - b.p || a.c - b.c);
  const result: (number | null)[] = proposed.map(() => null);
  const taken = new Set<number>();
  for (const { p, c } of pairs) {
    if (result[p] !== null || taken.has(c)) continue;
    result[p] = current[c]!.id;
    taken.add(c);
  }
  return result;
}

/** `第N网格` names for new grids, skipping the names continuing grids keep. */
/** The first `第N网格` not in `used`; it is added to `used`. */
export function nextGridName(used: Set<string>): string {
  let n = 1;
  while (used.has(`第${n}网格`)) n++;
  used.add(`第${n}网格`);
  return `第${n}网格`;
}

function nameNewGrids(grids: ProposedGrid[]): void {
  const used = new Set(grids.filter((g) => g.gridId !== null).map((g) => g.name));
  for (const grid of grids) if (grid.gridId === null) grid.name = nextGridName(used);
}

/** The plan for one village from its state and the partition of it. */
export function diffVillage(village: VillageState, result: PartitionResult): VillagePlan {
  const householdsOf = new Map<string, number[]>();
  for (const h of village.households) {
    householdsOf.set(h.naturalVillageCode, [...(householdsOf.get(h.naturalVillageCode) ?? []), h.id]);
  }
  const drafts = result.grids.map((g) => {
    const parts = proposedParts(g);
    const pieceHouseholds = new Map((g.parts ?? []).map((p) => [p.code, p.householdIds ?? []]));
    const householdIds = parts.flatMap((p) => pieceHouseholds.get(p.code) ?? householdsOf.get(p.code) ?? []);
    return { parts, members: g.members, householdIds, capacity: g.capacity, leaderCandidates: g.leaderCandidates };
  });
  const continues = continuing(drafts, village.grids);
  const currentById = new Map(village.grids.map((g) => [g.id, g]));
  const grids: ProposedGrid[] = drafts.map((d, i) => ({
    ...d,
    gridId: continues[i] ?? null,
    name: currentById.get(continues[i] ?? -1)?.name ?? '',
  }));
  nameNewGrids(grids);
  const retire = village.grids.filter((g) => !continues.includes(g.id)).map((g) => ({ id: g.id, name: g.name }));
  return {
    ...movesOf(village, grids),
    villageCode: village.code,
    villageName: village.name,
    grids,
    retire,
    breaches: result.breaches,
  };
}

/** Who and what changes grid: members, natural villages (any piece), households needing help. */
function movesOf(village: VillageState, grids: ProposedGrid[]) {
  const nowIn = (pick: (g: CurrentGrid) => readonly (number | string)[]) => {
    const map = new Map<number | string, CurrentGrid>();
    for (const g of village.grids) for (const x of pick(g)) map.set(x, g);
    return map;
  };
  const memberNow = nowIn((g) => g.members);
  const householdNow = nowIn((g) => g.householdIds);
  const partNow = nowIn((g) => g.parts.map(partKey)); // a split natural village moves piece by piece
  const names = new Map<number | string, string>([
    ...village.members.map((m) => [m.id, m.name] as const),
    ...village.naturalVillages.map((nv) => [nv.code, nv.name] as const),
  ]);
  const memberMoves: Move[] = [];
  const naturalVillageMoves: Move[] = [];
  let householdsMoved = 0;
  for (const grid of grids) {
    const moved = (from: CurrentGrid | undefined) => from?.id !== grid.gridId || grid.gridId === null;
    for (const id of grid.members) {
      const from = memberNow.get(id);
      if (moved(from)) memberMoves.push({ id, name: names.get(id) ?? '', from: from?.name ?? null, to: grid.name });
    }
    for (const part of grid.parts) {
      const from = partNow.get(partKey(part));
      if (!moved(from)) continue;
      const piece = part.pieces > 1 ? ` (${part.piece}/${part.pieces})` : '';
      const name = `${names.get(part.code) ?? part.code}${piece}`;
      naturalVillageMoves.push({ id: part.code, name, from: from?.name ?? null, to: grid.name });
    }
    householdsMoved += grid.householdIds.filter((id) => moved(householdNow.get(id))).length;
  }
  const currentParts = new Map(village.grids.map((g) => [g.id, g.parts.map(partKey).sort().join()]));
  const sameParts = grids.every(
    (g) => g.gridId !== null && currentParts.get(g.gridId) === g.parts.map(partKey).sort().join(),
  );
  const unchanged =
    sameParts && grids.length === village.grids.length && memberMoves.length === 0 && householdsMoved === 0;
  return { memberMoves, naturalVillageMoves, householdsMoved, unchanged };
}
