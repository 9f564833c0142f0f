import { describe, expect, it } from 'vitest';
import { deriveAdjacency, type NaturalVillageInput, type PartitionMember, partitionVillage } from './index.ts';

const VILLAGE = '340822100201'; // a village of 怀宁县's 高河镇 (codes below it are local sequences)
const code = (k: number) => `${VILLAGE}${String(k).padStart(3, '0')}`;

let nextId = 1;
/** `count` members; the first `leaders` may lead; capacities cycle 2, 1, 0 when not given. */
function members(count: number, leaders = count, capacity?: 0 | 1 | 2): PartitionMember[] {
  return Array.from({ length: count }, (_, k) => ({
    id: nextId++,
    eligibleToLead: k < leaders,
    capacity: capacity ?? ([2, 1, 0] as const)[k % 3]!,
  }));
}

function nv(k: number, lat: number, lng: number, people: PartitionMember[], households = 4): NaturalVillageInput {
  return { code: code(k), lat, lng, members: people, households };
}

const codesOf = (r: ReturnType<typeof partitionVillage>) => r.grids.map((g) => g.naturalVillages);

describe('partitionVillage examples', () => {
  it('puts a village with only 2 members into one grid and says it is too small', () => {
    const r = partitionVillage({
      naturalVillages: [nv(1, 30.5, 116.7, members(1)), nv(2, 30.505, 116.7, members(1)), nv(3, 30.5, 116.706, [])],
    });
    expect(codesOf(r)).toEqual([[code(1), code(2), code(3)]]);
    expect(r.breaches.map((b) => [b.code, b.grid])).toContainEqual(['too_few_members', 0]);
    const tooFew = r.breaches.find((b) => b.code === 'too_few_members')!;
    expect(tooFew.message.en).toContain('has 2 members, fewer than 3; the whole village has only 2');
    expect(tooFew.message.zh).toContain('全村只有 2 名党员');
  });

  it('splits a natural village with more members than a grid may hold, households by position', () => {
    const east = Array.from({ length: 6 }, (_, k) => ({ id: 900 + k, lat: 30.5 + k * 1e-4, lng: 116.71 }));
    const west = Array.from({ length: 6 }, (_, k) => ({ id: 950 + k, lat: 30.5 + k * 1e-4, lng: 116.69 }));
    const big = { code: code(1), lat: 30.5, lng: 116.7, members: members(24), households: [...east, ...west] };
    const r = partitionVillage({ naturalVillages: [big, nv(2, 30.52, 116.7, members(6))] });
    const parts = r.grids.flatMap((g) => g.parts ?? []);
    expect(parts.map((p) => [p.piece, p.pieces, p.members.length, p.households])).toEqual([
      [1, 2, 12, 6],
      [2, 2, 12, 6],
    ]);
    // an angular sweep keeps each side of the hamlet together
    const sides = parts.map((p) => new Set(p.householdIds!.map((id) => (id < 950 ? 'east' : 'west'))).size);
    expect(sides).toEqual([1, 1]);
    expect(r.grids.flatMap((g) => g.members)).toHaveLength(30);
    expect(r.breaches).toEqual([]);
  });

  it('names every grid without a member eligible to lead', () => {
    const r = partitionVillage({
      naturalVillages: [nv(1, 30.5, 116.7, members(8, 0)), nv(2, 30.53, 116.7, members(9, 0))],
    });
    expect(r.grids).toHaveLength(2);
    const leaderless = r.breaches.filter((b) => b.code === 'no_eligible_leader');
    expect(leaderless.map((b) => b.grid)).toEqual([0, 1]);
    expect(leaderless[0]!.message.en).toContain('the village has no member eligible to lead');
  });

  it('gives every grid a leader when it can, ranking candidates by capacity', () => {
    const strong = members(1, 1, 2);
    const r = partitionVillage({
      naturalVillages: [
        nv(1, 30.5, 116.7, [...members(5, 0), ...members(1, 1, 1), ...strong]),
        nv(2, 30.505, 116.7, members(4, 0)),
        nv(3, 30.51, 116.7, members(6, 1)),
      ],
    });
    expect(r.score.leaderless).toBe(0);
    expect(r.grids.every((g) => g.leaderCandidates.length > 0)).toBe(true);
    expect(r.grids[0]!.leaderCandidates[0]).toBe(strong[0]!.id);
  });

  it('partitions a demo-sized village into grids of 3–15 members near 12', () => {
    const spots = [
      [30.5, 116.7, 8],
      [30.503, 116.702, 7],
      [30.506, 116.699, 9],
      [30.501, 116.708, 5],
      [30.509, 116.705, 11],
      [30.497, 116.695, 6],
      [30.512, 116.71, 4],
      [30.494, 116.704, 10],
      [30.507, 116.714, 8],
      [30.499, 116.713, 6],
    ] as const;
    const r = partitionVillage({
      naturalVillages: spots.map(([lat, lng, m], k) => nv(k + 1, lat, lng, members(m), m)),
    });
    expect(r.score.method).toBe('exact');
    expect(r.breaches).toEqual([]);
    expect(r.grids.map((g) => g.members.length).every((m) => m >= 3 && m <= 15)).toBe(true);
    expect(r.grids.reduce((s, g) => s + g.members.length, 0)).toBe(74);
    expect(r.grids.length).toBeGreaterThanOrEqual(5);
  });

  it('reports a hamlet the given adjacency cuts off instead of failing', () => {
    const r = partitionVillage({
      naturalVillages: [
        nv(1, 30.5, 116.7, members(6)),
        nv(2, 30.501, 116.7, members(6)),
        nv(3, 30.6, 116.8, members(2)),
      ],
      adjacency: [[code(1), code(2)]],
    });
    const kinds = r.breaches.map((b) => b.code);
    expect(kinds.some((k) => k === 'too_few_members' || k === 'not_contiguous')).toBe(true);
    expect(r.score.boundViolation).toBe(1);
    expect(r.grids.flatMap((g) => g.members)).toHaveLength(14);
  });

  it('reports input problems: unknown codes in the adjacency, a member listed twice, no natural villages', () => {
    const twice = members(1);
    const r = partitionVillage({
      naturalVillages: [nv(1, 30.5, 116.7, [...members(4), ...twice]), nv(2, 30.51, 116.7, [...members(4), ...twice])],
      adjacency: [
        [code(1), code(2)],
        [code(1), '340822100201999'],
      ],
    });
    expect(r.breaches.map((b) => b.code).sort()).toEqual(['duplicate_member', 'unknown_adjacency']);
    expect(r.grids.flatMap((g) => g.members).filter((id) => id === twice[0]!.id)).toHaveLength(1);
    const empty = partitionVillage({ naturalVillages: [] });
    expect(empty.grids).toEqual([]);
    expect(empty.breaches.map((b) => b.code)).toEqual(['no_natural_villages']);
  });

  it('checks households against members × householdsPerMemberTarget when that is set', () => {
    const village = { naturalVillages: [nv(1, 30.5, 116.7, members(4, 4, 0), 9)] };
    expect(partitionVillage(village).breaches.map((b) => b.code)).toEqual(['capacity_short']);
    expect(partitionVillage(village, { householdsPerMemberTarget: 3 }).breaches).toEqual([]);
  });

  it('solves a large village by local search within the bounds', () => {
    const naturalVillages = Array.from({ length: 36 }, (_, k) =>
      nv(k + 1, 30.5 + Math.floor(k / 6) * 0.003, 116.7 + (k % 6) * 0.003, members(3 + ((k * 7) % 6)), 3),
    );
    const r = partitionVillage({ naturalVillages });
    expect(r.score.method).toBe('heuristic');
    expect(r.score.boundViolation).toBe(0);
    expect(r.score.leaderless).toBe(0);
    expect(new Set(r.grids.flatMap((g) => g.naturalVillages)).size).toBe(36);
  });
});

describe('deriveAdjacency', () => {
  it('links Delaunay neighbours, coincident hamlets, and hamlets without a position to all', () => {
    const square = [
      { code: 'a', lat: 30.5, lng: 116.7 },
      { code: 'b', lat: 30.5, lng: 116.71 },
      { code: 'c', lat: 30.51, lng: 116.7 },
      { code: 'd', lat: 30.5101, lng: 116.7102 },
      { code: 'e', lat: 30.5, lng: 116.71 },
      { code: 'f', lat: null, lng: null },
    ].map((p) => ({ ...p, members: [], households: 0 }));
    const pairs = deriveAdjacency(square).map((p) => p.join(''));
    expect(pairs).toContain('be'); // same position
    expect(pairs).toEqual(expect.arrayContaining(['af', 'bf', 'cf', 'df', 'ef']));
    expect(pairs).toEqual(expect.arrayContaining(['ab', 'ac', 'bd', 'cd']));
    expect(pairs.filter((p) => p === 'ad' || p === 'bc')).toHaveLength(1); // one diagonal of the square
  });
});
