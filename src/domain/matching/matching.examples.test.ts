import { describe, expect, it } from 'vitest';
import { type MatchHousehold, type MatchMember, type MatchPlace, matchHelpers } from './index.ts';

const TOWNSHIP = '340822100'; // 怀宁县高河镇; villages and natural villages below are local sequences
const village = (v: number) => `${TOWNSHIP}${200 + v}`;
const place = (v: number, nv: number, grid?: string): MatchPlace => ({
  township: TOWNSHIP,
  village: village(v),
  naturalVillage: `${village(v)}00${nv}`,
  grid: grid ?? null,
});

const member = (id: number, over: Partial<MatchMember> = {}): MatchMember => ({
  id,
  capacity: 2,
  expertise: [],
  willingness: [],
  place: place(1, 1),
  ...over,
});
const household = (id: number, mainCause: string, over: Partial<MatchHousehold> = {}): MatchHousehold => ({
  id,
  mainCause,
  place: place(1, 1),
  ...over,
});
const pairsOf = (r: ReturnType<typeof matchHelpers>) => r.suggestions.map((s) => [s.memberId, s.householdId]);

describe('matchHelpers examples', () => {
  it('sends the village doctor to the 因病 household and the teacher to the 因学 one, with reasons', () => {
    const r = matchHelpers({
      members: [
        member(1, { capacity: 1, expertise: ['teaching'], willingness: ['education'] }),
        member(2, { capacity: 1, expertise: ['medical'], willingness: ['health'] }),
      ],
      households: [household(10, 'schooling'), household(11, 'illness', { needs: ['medical'] })],
    });
    expect(pairsOf(r)).toEqual([
      [1, 10],
      [2, 11],
    ]);
    const doctor = r.suggestions[1]!;
    expect(doctor.parts).toEqual({ skill: 8, closeness: 4, wish: 0 }); // 6 + 2 for the main cause; same hamlet
    expect(doctor.fit).toBe(12);
    expect(doctor.reasons).toEqual([
      { zh: '医疗卫生特长对应因病致贫（主因）', en: 'medicine and health expertise fits illness (main cause)' },
      { zh: '同一自然村', en: 'same natural village' },
    ]);
    expect(r.summary).toEqual({
      householdsNeedingHelp: 2,
      householdsCovered: 2,
      shortfall: 0,
      membersAtCapacity: 2,
      totalFit: 12 + 12,
      components: 1,
    });
  });

  it('keeps existing pairings, counts them against capacity and skips households already helped', () => {
    const r = matchHelpers({
      members: [member(1, { capacity: 1, expertise: ['medical'] }), member(2, { capacity: 2, load: 1 })],
      households: [household(10, 'illness'), household(11, 'illness'), household(12, 'illness', { helpers: 1 })],
      pairings: [{ memberId: 1, householdId: 10 }],
    });
    expect(r.kept).toEqual([{ memberId: 1, householdId: 10 }]);
    expect(pairsOf(r)).toEqual([[2, 11]]); // the doctor is full; member 2 has one place left
    expect(r.membersAtCapacity).toEqual([1, 2]);
    expect(r.summary.householdsNeedingHelp).toBe(1);
  });

  it('never exceeds capacity and reports the shortfall by village', () => {
    const r = matchHelpers({
      members: [member(1, { capacity: 2 }), member(2, { capacity: 0 })],
      households: [household(10, 'labour'), household(11, 'labour'), household(12, 'labour', { place: place(2, 1) })],
    });
    expect(r.suggestions).toHaveLength(2);
    expect(r.suggestions.every((s) => s.memberId === 1)).toBe(true);
    expect(r.shortfall).toHaveLength(1);
    expect(r.summary.shortfall).toBe(1);
    expect(r.membersAtCapacity).toEqual([1]);
  });

  it('helps across villages of the township, never across townships, and not at all with reach "village"', () => {
    const other = { ...place(1, 1), township: '340822101', village: '340822101201', naturalVillage: '340822101201001' };
    const input = {
      members: [member(1, { capacity: 2, expertise: ['construction'] }), member(2, { place: other })],
      households: [household(10, 'disaster', { place: place(2, 3) }), household(11, 'illness', { place: place(3, 1) })],
    };
    const township = matchHelpers(input);
    expect(pairsOf(township)).toEqual([
      [1, 10],
      [1, 11],
    ]);
    expect(township.suggestions[0]!.reasons.map((x) => x.zh)).toEqual(['建筑施工特长对应因灾致贫（主因）', '同一乡镇']);
    const village = matchHelpers(input, { reach: 'village' });
    expect(village.suggestions).toEqual([]);
    expect(village.shortfall.map((v) => [v.village, v.households])).toEqual([
      [`${TOWNSHIP}202`, [10]],
      [`${TOWNSHIP}203`, [11]],
    ]);
  });

  it('covers more households before it looks at fit', () => {
    // The doctor fits household 10 best, but only the doctor (by wish) can reach household 11 in another village.
    const r = matchHelpers(
      {
        members: [member(1, { capacity: 1, expertise: ['medical'], wishes: [11] }), member(2, { capacity: 1 })],
        households: [household(10, 'illness'), household(11, 'schooling', { place: place(2, 1) })],
      },
      { reach: 'village' },
    );
    expect(pairsOf(r)).toEqual([
      [2, 10],
      [1, 11],
    ]);
    expect(r.suggestions[1]!.reasons.at(-1)).toEqual({
      zh: '党员本人意愿结对',
      en: 'the member asked to help this household',
    });
  });

  it('prefers the same natural village, then the same grid, then the same village', () => {
    const r = matchHelpers({
      members: [
        member(1, { capacity: 1, place: place(1, 1, 'g1') }),
        member(2, { capacity: 1, place: place(1, 2, 'g1') }),
        member(3, { capacity: 1, place: place(1, 3, 'g2') }),
      ],
      households: [household(10, 'labour', { place: place(1, 1, 'g1') })],
    });
    expect(pairsOf(r)).toEqual([[1, 10]]);
    const r2 = matchHelpers({
      members: [
        member(2, { capacity: 1, place: place(1, 2, 'g1') }),
        member(3, { capacity: 1, place: place(1, 3, 'g2') }),
      ],
      households: [household(10, 'labour', { place: place(1, 1, 'g1') })],
    });
    expect(r2.suggestions[0]!.memberId).toBe(2);
    expect(r2.suggestions[0]!.reasons).toContainEqual({ zh: '同一网格', en: 'same grid' });
  });

  it('gives the same answer for shuffled input', () => {
    const members = Array.from({ length: 8 }, (_, i) =>
      member(i + 1, { capacity: 1, expertise: [['medical', 'teaching', 'planting'][i % 3]!], place: place(1, i % 2) }),
    );
    const households = Array.from({ length: 10 }, (_, j) =>
      household(100 + j, ['illness', 'schooling', 'skills', 'labour'][j % 4]!, { place: place(1, j % 3) }),
    );
    const a = matchHelpers({ members, households });
    const b = matchHelpers({ members: [...members].reverse(), households: [...households].reverse() });
    expect(b).toEqual(a);
    expect(a.summary.householdsCovered).toBe(8);
  });

  it('never suggests an excluded pair, not even through the township hubs', () => {
    // Household 10 shares member 1's village, but a cross-village pair (household 11) makes the solver use the
    // hubs, where member 1 → "any" hub → household 10 would stand for the rejected pair.
    const r = matchHelpers({
      members: [member(1, { capacity: 2, expertise: ['construction'] })],
      households: [household(10, 'disaster'), household(11, 'disaster', { place: place(2, 1) })],
      excluded: [{ memberId: 1, householdId: 10 }],
    });
    expect(pairsOf(r)).toEqual([[1, 11]]);
    expect(r.shortfall.map((v) => v.households)).toEqual([[10]]);
  });

  it('gives an excluded household the next best member, across villages too', () => {
    const input = {
      members: [
        member(1, { capacity: 1, expertise: ['medical'] }),
        member(2, { capacity: 1, expertise: ['teaching'] }),
        member(3, { capacity: 1, expertise: ['medical'], place: place(2, 1) }),
      ],
      households: [household(10, 'illness'), household(11, 'schooling')],
    };
    expect(pairsOf(matchHelpers(input))).toEqual([
      [1, 10],
      [2, 11],
    ]);
    // Member 1 was rejected for household 10: the doctor of the next village (through a hub) is next best.
    const r = matchHelpers({ ...input, excluded: [{ memberId: 1, householdId: 10 }] });
    expect(pairsOf(r)).toEqual([
      [3, 10],
      [2, 11],
    ]);
    expect(r.suggestions[0]!.reasons.map((x) => x.zh)).toEqual(['医疗卫生特长对应因病致贫（主因）', '同一乡镇']);
    // With reach 'village' nobody else fits better than the teacher; member 1 may still help household 11.
    const v = matchHelpers({ ...input, excluded: [{ memberId: 1, householdId: 10 }] }, { reach: 'village' });
    expect(v.suggestions.every((x) => !(x.memberId === 1 && x.householdId === 10))).toBe(true);
    expect(v.summary.householdsCovered).toBe(2);
  });
});
