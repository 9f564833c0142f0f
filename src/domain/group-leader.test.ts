import { describe, expect, it } from 'vitest';
import {
  isCadrePost,
  isEligibleLeader,
  type LeaderFacts,
  leaderIneligibility,
  rankGroupLeaders,
  scoreLeader,
} from './group-leader.ts';

const TODAY = '2020-12-31';

function member(id: number, overrides: Partial<LeaderFacts> = {}): LeaderFacts {
  return {
    id,
    name: `党员${id}`,
    membership: 'formal',
    isMigrant: false,
    status: 'active',
    health: 'healthy',
    joinDate: '2008-07-01',
    birthDate: '1975-03-01',
    post: '村民',
    expertise: [],
    capacity: 1,
    ...overrides,
  };
}

const LABELS: Record<string, { zh: string; en: string }> = {
  policy: { zh: '政策宣讲', en: 'Policy outreach' },
  planting: { zh: '种植技术', en: 'Crop growing' },
};
const label = (code: string) => LABELS[code] ?? { zh: code, en: code };

describe('leader eligibility', () => {
  it('accepts a formal, resident, active, healthy or chronically ill member', () => {
    expect(isEligibleLeader(member(1))).toBe(true);
    expect(isEligibleLeader(member(1, { health: 'chronic' }))).toBe(true);
  });

  it('names every reason a member may not lead', () => {
    const why = leaderIneligibility(
      member(2, { membership: 'probationary', isMigrant: true, health: 'serious', status: 'transferred_out' }),
    );
    expect(why.map((r) => r.zh)).toEqual([
      '组织关系已转出',
      '预备党员，尚未转正',
      '流动党员，常年在外',
      '患有大病，难以承担组长工作',
    ]);
    expect(leaderIneligibility(member(3, { health: 'disabled' }))[0]?.en).toBe(
      "disabled, cannot take on the leader's work",
    );
    expect(leaderIneligibility(member(4, { status: 'deceased' }))[0]?.en).toBe('deceased');
  });

  it('knows village cadre posts', () => {
    expect(['村党支部书记', '村委会主任', '社区党支部委员'].map(isCadrePost)).toEqual([true, true, true]);
    expect(['村民小组长', '村民', null].map(isCadrePost)).toEqual([false, false, false]);
  });
});

describe('leader score', () => {
  it('adds years in the Party, post, expertise, working age, capacity and health, with reasons', () => {
    const { score, reasons } = scoreLeader(
      member(5, { joinDate: '2008-07-01', post: '村党支部委员', expertise: ['policy', 'planting'], capacity: 2 }),
      TODAY,
      label,
    );
    // 12 party years + cadre 10 + expertise 6 + 3 + working age 10 + capacity 2×3 + healthy 4
    expect(score).toBe(12 + 10 + 9 + 10 + 6 + 4);
    expect(reasons).toEqual([
      { zh: '正式党员，党龄 12 年', en: 'formal member, 12 years in the Party' },
      { zh: '村干部（村党支部委员）', en: 'village cadre (村党支部委员)' },
      { zh: '特长：政策宣讲、种植技术', en: 'expertise: Policy outreach, Crop growing' },
      { zh: '45 岁，年富力强', en: '45 years old, of working age' },
      { zh: '可结对帮扶 2 户', en: 'can help 2 households' },
      { zh: '身体健康', en: 'in good health' },
      { zh: '常住本地', en: 'lives locally' },
    ]);
  });

  it('caps party years at 30 and expertise at 12, and scores old age and no capacity as 0', () => {
    const { score, reasons } = scoreLeader(
      member(6, {
        joinDate: '1960-01-01',
        birthDate: '1938-05-05',
        expertise: ['policy', 'business', 'law'],
        capacity: 0,
        health: 'chronic',
      }),
      TODAY,
    );
    expect(score).toBe(30 + 12);
    expect(reasons).toContainEqual({
      zh: '82 岁，不在 25–65 岁的工作年龄内',
      en: '82 years old, outside working age 25–65',
    });
    expect(reasons).toContainEqual({ zh: '暂无帮扶余力', en: 'no capacity to help households' });
    expect(reasons).toContainEqual({ zh: '有慢性病，尚能履职', en: 'chronic illness, still able to serve' });
  });
});

describe('ranking', () => {
  it('orders eligible members by score, then seniority, then id, and lists the others with why not', () => {
    const members = [
      member(10, { joinDate: '2010-07-01' }), // 10 years
      member(11, { joinDate: '2010-07-01', post: '村民小组长' }), // +8
      member(12, { isMigrant: true, joinDate: '1990-01-01' }),
      member(13, { joinDate: '2009-07-01', capacity: 0, post: '村民' }), // 11 years, −3 capacity → 1 less than 10
      member(14, { joinDate: '2010-07-01' }), // same as 10, higher id
      member(15, { membership: 'probationary', joinDate: '2020-06-01' }),
    ];
    const { candidates, ineligible } = rankGroupLeaders(members, TODAY);
    expect(candidates.map((c) => [c.rank, c.memberId, c.score])).toEqual([
      [1, 11, 10 + 8 + 10 + 3 + 4],
      [2, 10, 27],
      [3, 14, 27],
      [4, 13, 25],
    ]);
    expect(ineligible.map((m) => [m.memberId, m.reasons[0]?.en])).toEqual([
      [12, 'migrant member, lives away from home'],
      [15, 'probationary member, not yet formal'],
    ]);
  });

  it('breaks equal scores by the earlier join date', () => {
    const a = member(21, { joinDate: '2010-07-01', birthDate: '1950-01-01' }); // 10 y, age 70 → +4
    const b = member(20, { joinDate: '2010-08-01', birthDate: '1950-01-01' });
    const c = member(22, { joinDate: '2010-06-01', birthDate: '1950-01-01' });
    expect(rankGroupLeaders([a, b, c], TODAY).candidates.map((x) => x.memberId)).toEqual([22, 21, 20]);
  });

  it('is deterministic whatever the input order', () => {
    const members = Array.from({ length: 8 }, (_, i) => member(i + 1, { joinDate: `20${10 + (i % 3)}-01-01` }));
    const one = rankGroupLeaders(members, TODAY);
    const two = rankGroupLeaders([...members].reverse(), TODAY);
    expect(two).toEqual(one);
  });
});
