import { describe, expect, it } from 'vitest';
import { partitionVillage } from '../../domain/partition/index.ts';
import { diffVillage } from './plan-diff.ts';
import { partitionInput, type VillageState } from './village-state.ts';

const VILLAGE = '340822100201';
const code = (k: number) => `${VILLAGE}${String(k).padStart(3, '0')}`;
const member = (id: number, nv: string) => ({
  id,
  name: `党员${id}`,
  naturalVillageCode: nv,
  eligibleToLead: true,
  capacity: 1 as const,
});

/** A village with a natural village too big for one grid (24 members) and a small one beside it. */
function village(): VillageState {
  const big = Array.from({ length: 24 }, (_, k) => member(k + 1, code(1)));
  const small = Array.from({ length: 6 }, (_, k) => member(100 + k, code(2)));
  return {
    code: VILLAGE,
    name: '试点村',
    naturalVillages: [
      { code: code(1), name: '大湾', lat: 30.5, lng: 116.7 },
      { code: code(2), name: '小湾', lat: 30.52, lng: 116.7 },
    ],
    members: [...big, ...small],
    households: Array.from({ length: 8 }, (_, k) => ({ id: 500 + k, naturalVillageCode: code(k % 2 === 0 ? 1 : 2) })),
    grids: [],
  };
}

/** The state after applying `plan`'s grids with ids 1, 2, … */
function applied(state: VillageState, plan: ReturnType<typeof diffVillage>): VillageState {
  return {
    ...state,
    grids: plan.grids.map((g, i) => ({
      id: i + 1,
      villageCode: VILLAGE,
      name: g.name,
      parts: g.parts,
      members: g.members,
      householdIds: g.householdIds,
    })),
  };
}

describe('diffVillage', () => {
  it('creates every grid of an unpartitioned village, naming them in order', () => {
    const state = village();
    const plan = diffVillage(state, partitionVillage(partitionInput(state)));
    expect(plan.grids.map((g) => [g.gridId, g.name])).toEqual(plan.grids.map((_, i) => [null, `第${i + 1}网格`]));
    expect(plan.memberMoves).toHaveLength(30);
    expect(plan.householdsMoved).toBe(8);
    expect(plan.unchanged).toBe(false);
    // the big natural village is split into pieces, each a move of its own
    expect(plan.naturalVillageMoves.map((m) => m.name)).toEqual(expect.arrayContaining(['大湾 (1/2)', '大湾 (2/2)']));
  });

  it('finds nothing to do when the same partition is already in place, split pieces included', () => {
    const state = village();
    const first = diffVillage(state, partitionVillage(partitionInput(state)));
    const now = applied(state, first);
    const again = diffVillage(now, partitionVillage(partitionInput(now)));
    expect(again).toMatchObject({
      unchanged: true,
      retire: [],
      memberMoves: [],
      naturalVillageMoves: [],
      householdsMoved: 0,
    });
    expect(again.grids.map((g) => g.gridId)).toEqual(now.grids.map((g) => g.id));
  });

  it('continues the grid that shares the most with a proposed one and reports who moves', () => {
    const state = village();
    const now = applied(state, diffVillage(state, partitionVillage(partitionInput(state))));
    // someone moved member 100 (of 小湾) into grid 1 by hand; the plan moves them back
    const moved = {
      ...now,
      grids: now.grids.map((g) => ({
        ...g,
        members: g.id === 1 ? [...g.members, 100] : g.members.filter((m) => m !== 100),
      })),
    };
    const plan = diffVillage(moved, partitionVillage(partitionInput(moved)));
    expect(plan.retire).toEqual([]);
    expect(plan.memberMoves).toEqual([
      { id: 100, name: '党员100', from: '第1网格', to: expect.stringMatching(/^第\d网格$/) },
    ]);
    expect(plan.unchanged).toBe(false);
  });
});
