import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  DEFAULT_STAR_SETTINGS,
  rateMembers,
  type StarSettings,
  starsByScore,
  type Veto,
} from './stars.ts';

const abandoned: Veto = {
  code: 'abandoned_pairing',
  maxStars: 2,
  reason: { zh: '擅自脱钩', en: 'abandoned a pairing' },
};
const fabricated: Veto = {
  code: 'fabricated_record',
  maxStars: 1,
  reason: { zh: '虚假纪实', en: 'fabricated a record' },
};
const member = (memberId: number, score: number, vetoes: Veto[] = [], exempt = false): Candidate => ({
  memberId,
  score,
  exempt,
  vetoes,
});

describe('starsByScore', () => {
  it('maps scores to stars at the thresholds, inclusive', () => {
    const t = DEFAULT_STAR_SETTINGS.thresholds;
    expect([0, 39.5, 40, 59, 60, 75, 89.99, 90, 100].map((s) => starsByScore(s, t))).toEqual([
      1, 1, 2, 2, 3, 4, 4, 5, 5,
    ]);
  });
});

describe('rateMembers', () => {
  const noQuotas: StarSettings = { thresholds: [40, 60, 75, 90], quotas: {} };

  it('caps a vetoed member with the strictest veto and keeps its reason', () => {
    const [a, b, c] = rateMembers(noQuotas, [
      member(1, 95, [abandoned]),
      member(2, 95, [abandoned, fabricated]),
      member(3, 30, [abandoned]),
    ]);
    expect(a).toMatchObject({ stars: 2, byScore: 5, lowered: 'veto', veto: { code: 'abandoned_pairing' } });
    expect(b).toMatchObject({ stars: 1, veto: { code: 'fabricated_record' } });
    expect(c).toMatchObject({ stars: 1, byScore: 1, lowered: null, veto: null });
  });

  it('moves the lowest-ranked excess of a quota down one star, where the next quota applies', () => {
    // 20 rated: 5★ room floor(0.05·20) = 1, 4★ room floor(0.1·20) = 2.
    const candidates = [
      ...[99, 98, 97].map((s, i) => member(i + 1, s)),
      ...[80, 79].map((s, i) => member(i + 10, s)),
      ...Array.from({ length: 15 }, (_, i) => member(i + 20, 50)),
    ];
    const ratings = rateMembers(DEFAULT_STAR_SETTINGS, candidates);
    const stars = new Map(ratings.map((r) => [r.memberId, r]));
    expect(stars.get(1)).toMatchObject({ stars: 5, lowered: null });
    expect([2, 3].map((id) => stars.get(id)?.stars)).toEqual([4, 4]);
    expect([10, 11].map((id) => [stars.get(id)?.stars, stars.get(id)?.lowered])).toEqual([
      [3, 'quota'],
      [3, 'quota'],
    ]);
    expect(ratings.filter((r) => r.stars === 2)).toHaveLength(15);
  });

  it('breaks ties at a quota by member id, and neither exempt nor vetoed members take quota places', () => {
    const ratings = rateMembers({ thresholds: [40, 60, 75, 90], quotas: { 5: 0.25 } }, [
      member(8, 92),
      member(3, 92),
      member(1, 99, [abandoned]),
      member(4, 50, [], true),
      member(5, 20),
    ]);
    // 4 rated → one 5★ place; member 1 is vetoed to 2★, so 3 (lower id) takes it over 8.
    expect(ratings.map((r) => [r.memberId, r.stars])).toEqual([
      [8, 4],
      [3, 5],
      [1, 2],
      [4, null],
      [5, 1],
    ]);
  });
});
