import { describe, expect, it } from 'vitest';
import { checkGrids, type NaturalVillageInput, type PartitionMember, partitionVillage } from './index.ts';

const code = (k: number) => `340822100201${String(k).padStart(3, '0')}`;
let nextId = 1;
const members = (count: number, leaders = count): PartitionMember[] =>
  Array.from({ length: count }, (_, k) => ({ id: nextId++, eligibleToLead: k < leaders, capacity: 1 }));
const nv = (k: number, lat: number, people: PartitionMember[], households = 2): NaturalVillageInput => ({
  code: code(k),
  lat,
  lng: 116.7,
  members: people,
  households,
});
const drawn = (nvs: NaturalVillageInput[], households = 2) => ({
  naturalVillages: nvs.map((n) => n.code),
  members: nvs.flatMap((n) => n.members.map((m) => m.id)),
  households: nvs.length * households,
});

// Four hamlets in a row, north to south: 1–2–3–4 (only neighbours in the row border each other).
const row = [nv(1, 30.5, members(5)), nv(2, 30.51, members(5)), nv(3, 30.52, members(2, 0)), nv(4, 30.53, members(6))];
const village = { naturalVillages: row };

describe('checkGrids', () => {
  it('finds nothing wrong with the grids the partition itself returns', () => {
    const result = partitionVillage(village);
    expect(result.breaches).toEqual([]);
    const grids = result.grids.map((g) => ({
      naturalVillages: g.naturalVillages,
      members: g.members,
      households: g.households,
    }));
    expect(checkGrids(village, grids)).toEqual([]);
  });

  it('names a grid drawn across a gap, one too small and one without a leader, as the partition would', () => {
    const breaches = checkGrids(village, [drawn([row[0]!, row[3]!]), drawn([row[1]!]), drawn([row[2]!])]);
    expect(breaches.map((b) => [b.code, b.grid])).toEqual([
      ['not_contiguous', 0],
      ['too_few_members', 2],
      ['no_eligible_leader', 2],
    ]);
    expect(breaches[0]!.message.en).toContain('falls into 2 separate areas');
    expect(breaches[1]!.message.zh).toContain('只有 2 名党员，少于 3 名');
  });

  it('counts capacity from the members, wherever they live in the village', () => {
    const [a, b, c, d] = row;
    const everyone = [...a!.members, ...b!.members, ...c!.members, ...d!.members].map((m) => m.id);
    const one = { naturalVillages: row.map((n) => n.code), members: everyone.slice(0, 15), households: 16 };
    const rest = { naturalVillages: [], members: everyone.slice(15), households: 0 };
    const breaches = checkGrids(village, [one, rest]);
    expect(breaches.find((x) => x.code === 'capacity_short')?.message.en).toBe(
      'Grid 1 has 16 households but its members can help only 15',
    );
  });
});
