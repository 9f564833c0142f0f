import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POINT_RULES,
  type Evidence,
  type ItemTally,
  POINT_ITEMS,
  type PointRule,
  scorePoints,
  totalFromTallies,
} from './points.ts';

const attendance = (id: number, on: string): Evidence => ({
  item: 'attendance',
  table: 'activity_attendance',
  recordId: id,
  on,
});

describe('scorePoints', () => {
  it('traces every line to its record and sums exactly', () => {
    const evidence: Evidence[] = [
      attendance(1, '2021-01-10'),
      { item: 'help_verified', table: 'assistance_record', recordId: 55, on: '2021-01-12' },
      { item: 'commitment_fulfilled', table: 'commitment_item', recordId: 8, on: '2021-03-01' },
    ];
    const result = scorePoints(DEFAULT_POINT_RULES, evidence);
    expect(result.total).toBe(7.5);
    expect(result.byItem).toEqual({ attendance: 1.5, help_verified: 1, commitment_fulfilled: 5 });
    expect(result.lines.map((l) => [l.table, l.recordId, l.awarded])).toEqual([
      ['activity_attendance', 1, 1.5],
      ['assistance_record', 55, 1],
      ['commitment_item', 8, 5],
    ]);
  });

  it('fills a yearly cap with the earliest evidence and marks the rest capped', () => {
    const rules: PointRule[] = [{ item: 'attendance', points: 1.5, yearlyCap: 4 }];
    const result = scorePoints(rules, [
      attendance(3, '2021-03-01'),
      attendance(1, '2021-01-01'),
      attendance(2, '2021-02-01'),
    ]);
    expect(result.lines.map((l) => [l.recordId, l.awarded, l.capped])).toEqual([
      [1, 1.5, false],
      [2, 1.5, false],
      [3, 1, true],
    ]);
    expect(result.total).toBe(4);
  });

  it('caps deductions by their size and takes manual points from the evidence', () => {
    const rules: PointRule[] = [
      { item: 'absence', points: -2, yearlyCap: 3 },
      { item: 'bonus', points: 0, yearlyCap: 10 },
      { item: 'deduction', points: 0, yearlyCap: null },
    ];
    const evidence: Evidence[] = [
      { item: 'absence', table: 'activity_attendance', recordId: 1, on: '2021-01-01' },
      { item: 'absence', table: 'activity_attendance', recordId: 2, on: '2021-02-01' },
      { item: 'bonus', table: 'point_adjustment', recordId: 1, on: '2021-05-01', points: 6 },
      { item: 'deduction', table: 'point_adjustment', recordId: 2, on: '2021-06-01', points: -4 },
    ];
    const result = scorePoints(rules, evidence);
    expect(result.byItem).toEqual({ absence: -3, bonus: 6, deduction: -4 });
    expect(result.total).toBe(-1);
  });

  it('gives nothing for an item the county has no rule for, and the same result in any order', () => {
    const evidence: Evidence[] = [
      { item: 'feedback_praised', table: 'public_feedback', recordId: 4, on: '2021-04-04' },
      attendance(2, '2021-02-02'),
      attendance(1, '2021-02-02'),
    ];
    const rules: PointRule[] = [{ item: 'attendance', points: 1.5, yearlyCap: null }];
    const a = scorePoints(rules, evidence);
    expect(a.lines.map((l) => l.recordId)).toEqual([1, 2]);
    expect(scorePoints(rules, [...evidence].reverse())).toEqual(a);
  });

  it('reaches the default life cap of 30 at the 20th attended activity', () => {
    const evidence = Array.from({ length: 24 }, (_, i) =>
      attendance(i + 1, `2021-${String((i % 12) + 1).padStart(2, '0')}-0${1 + Math.floor(i / 12)}`),
    );
    expect(scorePoints(DEFAULT_POINT_RULES, evidence).byItem.attendance).toBe(30);
    expect(scorePoints(DEFAULT_POINT_RULES, evidence.slice(0, 19)).byItem.attendance).toBe(28.5);
  });
});

/** A small deterministic generator (mulberry32), so a failing case can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('totalFromTallies', () => {
  it("equals scorePoints' total and by-item points on random evidence and rules", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const int = (n: number) => Math.floor(next() * n);
      const rules: PointRule[] = POINT_ITEMS.filter(() => next() < 0.85).map((item) => ({
        item,
        points: item === 'absence' ? -(1 + int(6)) / 2 : int(12) / 2,
        yearlyCap: next() < 0.2 ? null : int(40),
      }));
      const evidence: Evidence[] = Array.from({ length: int(60) }, (_, i) => {
        const item = POINT_ITEMS[int(POINT_ITEMS.length)] ?? 'attendance';
        const on = `2021-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
        const manual = item === 'bonus' ? (1 + int(20)) / 2 : item === 'deduction' ? -(1 + int(20)) / 2 : undefined;
        return { item, table: `t${int(3)}`, recordId: i + 1, on, ...(manual === undefined ? {} : { points: manual }) };
      });
      const tallies = new Map<string, ItemTally>();
      for (const e of evidence) {
        const t = tallies.get(e.item) ?? { item: e.item, count: 0, points: 0 };
        t.count += 1;
        t.points = (t.points ?? 0) + (e.points ?? 0);
        tallies.set(e.item, t);
      }
      const scored = scorePoints(rules, evidence);
      const counted = totalFromTallies(rules, [...tallies.values()]);
      expect(counted.total, `seed ${seed}`).toBe(scored.total);
      // scorePoints lists an item whose lines earned 0; the tallies leave it out: compare the non-zero items.
      const nonZero = (byItem: Record<string, number | undefined>) =>
        Object.fromEntries(Object.entries(byItem).filter(([, v]) => v !== 0));
      expect(nonZero(counted.byItem), `seed ${seed}`).toEqual(nonZero(scored.byItem));
    }
  });

  it('caps a constant-point item at min(count × points, cap) and keeps a deduction negative', () => {
    const rules: PointRule[] = [
      { item: 'attendance', points: 1.5, yearlyCap: 30 },
      { item: 'absence', points: -2, yearlyCap: 10 },
      { item: 'deduction', points: 0, yearlyCap: 20 },
    ];
    expect(
      totalFromTallies(rules, [
        { item: 'attendance', count: 19 },
        { item: 'absence', count: 7 },
        { item: 'deduction', count: 2, points: -25 },
      ]),
    ).toEqual({ total: -1.5, byItem: { attendance: 28.5, absence: -10, deduction: -20 } });
  });
});
