/**
 * Who should lead a grid's Party group (党小组长): an advanced member of that grid (DOMAIN.md §1.1). Only a
 * formal, resident, active member in good enough health may lead; among those, the ranking favours years in the
 * Party, expertise the group can use, experience as a cadre, working age and spare helping capacity. Every
 * candidate carries the reasons for its place in zh/en, and every refused member the reasons why not, so a
 * township clerk can see the suggestion is not a black box. Pure and deterministic.
 */
import { ageOn } from './dates.ts';
import type { Localized } from './errors.ts';

/** The card facts the ranking reads. */
export interface LeaderFacts {
  id: number;
  name: string;
  membership: 'formal' | 'probationary';
  isMigrant: boolean;
  status: 'active' | 'transferred_out' | 'deceased';
  /** Dictionary kind `health`: healthy | chronic | serious | disabled. */
  health: string;
  joinDate: string;
  birthDate: string;
  post: string | null;
  expertise: readonly string[];
  capacity: number;
}

/** An eligible member, ranked: 1 is the best. */
export interface LeaderCandidate {
  memberId: number;
  name: string;
  rank: number;
  score: number;
  reasons: Localized[];
}

/** A member who may not lead, and why. */
export interface IneligibleMember {
  memberId: number;
  name: string;
  reasons: Localized[];
}

export interface LeaderRanking {
  candidates: LeaderCandidate[];
  ineligible: IneligibleMember[];
}

/** Health states that still allow leading a group (dictionary kind `health`). */
export const LEADER_HEALTH: ReadonlySet<string> = new Set(['healthy', 'chronic']);

/** Working ages in which a member is scored as fully able to run the group's work. */
export const WORKING_AGE = { from: 25, to: 65 } as const;

/** Expertise that helps run a group (organising, explaining policy, money, law) weighs more than other skills. */
const ORGANISING_EXPERTISE: ReadonlySet<string> = new Set(['policy', 'business', 'accounting', 'law']);

const POINTS = {
  perPartyYear: 1,
  maxPartyYears: 30,
  organisingExpertise: 6,
  otherExpertise: 3,
  maxExpertise: 12,
  cadre: 10,
  groupHead: 8,
  workingAge: 10,
  nearWorkingAge: 4,
  perCapacity: 3,
  healthy: 4,
} as const;

/** Village branch and committee posts (书记, 主任, 委员): the cadres of a village. */
export function isCadrePost(post: string | null | undefined): boolean {
  const p = post?.trim() ?? '';
  return p.endsWith('书记') || p.endsWith('主任') || p.endsWith('委员');
}

/** Full years between two ISO dates (0 when `to` is earlier). */
function fullYears(from: string, to: string): number {
  return to < from ? 0 : ageOn(from, to);
}

/** Why `member` may not lead a group (empty when eligible). */
export function leaderIneligibility(member: LeaderFacts): Localized[] {
  const why: Localized[] = [];
  if (member.status !== 'active') {
    const gone = member.status === 'deceased';
    why.push({ zh: gone ? '已去世' : '组织关系已转出', en: gone ? 'deceased' : 'transferred out of the branch' });
  }
  if (member.membership !== 'formal') why.push({ zh: '预备党员，尚未转正', en: 'probationary member, not yet formal' });
  if (member.isMigrant) why.push({ zh: '流动党员，常年在外', en: 'migrant member, lives away from home' });
  if (!LEADER_HEALTH.has(member.health)) {
    const label =
      member.health === 'serious'
        ? { zh: '患有大病', en: 'has a serious illness' }
        : member.health === 'disabled'
          ? { zh: '残疾', en: 'disabled' }
          : { zh: `健康状况为“${member.health}”`, en: `health is "${member.health}"` };
    why.push({ zh: `${label.zh}，难以承担组长工作`, en: `${label.en}, cannot take on the leader's work` });
  }
  return why;
}

/** True when `member` may lead a group. */
export function isEligibleLeader(member: LeaderFacts): boolean {
  return leaderIneligibility(member).length === 0;
}

type Scored = { points: number; reason: Localized | null };

function partyYears(member: LeaderFacts, today: string): Scored {
  const years = fullYears(member.joinDate, today);
  return {
    points: Math.min(years, POINTS.maxPartyYears) * POINTS.perPartyYear,
    reason: { zh: `正式党员，党龄 ${years} 年`, en: `formal member, ${years} years in the Party` },
  };
}

function expertise(member: LeaderFacts, label: (code: string) => Localized): Scored {
  const codes = [...new Set(member.expertise)];
  if (codes.length === 0) return { points: 0, reason: null };
  const raw = codes.reduce(
    (sum, code) => sum + (ORGANISING_EXPERTISE.has(code) ? POINTS.organisingExpertise : POINTS.otherExpertise),
    0,
  );
  const labels = codes.map(label);
  return {
    points: Math.min(raw, POINTS.maxExpertise),
    reason: {
      zh: `特长：${labels.map((l) => l.zh).join('、')}`,
      en: `expertise: ${labels.map((l) => l.en).join(', ')}`,
    },
  };
}

function post(member: LeaderFacts): Scored {
  const p = member.post?.trim() ?? '';
  if (isCadrePost(p)) return { points: POINTS.cadre, reason: { zh: `村干部（${p}）`, en: `village cadre (${p})` } };
  if (p === '村民小组长') {
    return { points: POINTS.groupHead, reason: { zh: '现任村民小组长', en: "head of a villagers' group" } };
  }
  return { points: 0, reason: null };
}

function age(member: LeaderFacts, today: string): Scored {
  const years = fullYears(member.birthDate, today);
  if (years >= WORKING_AGE.from && years <= WORKING_AGE.to) {
    return {
      points: POINTS.workingAge,
      reason: { zh: `${years} 岁，年富力强`, en: `${years} years old, of working age` },
    };
  }
  if (years > WORKING_AGE.to && years <= WORKING_AGE.to + 5) {
    return { points: POINTS.nearWorkingAge, reason: { zh: `${years} 岁`, en: `${years} years old` } };
  }
  return {
    points: 0,
    reason: {
      zh: `${years} 岁，不在 ${WORKING_AGE.from}–${WORKING_AGE.to} 岁的工作年龄内`,
      en: `${years} years old, outside working age ${WORKING_AGE.from}–${WORKING_AGE.to}`,
    },
  };
}

function capacity(member: LeaderFacts): Scored {
  const n = Math.max(0, Math.min(2, member.capacity));
  return {
    points: n * POINTS.perCapacity,
    reason:
      n === 0
        ? { zh: '暂无帮扶余力', en: 'no capacity to help households' }
        : { zh: `可结对帮扶 ${n} 户`, en: `can help ${n} household${n === 1 ? '' : 's'}` },
  };
}

function health(member: LeaderFacts): Scored {
  if (member.health === 'healthy') return { points: POINTS.healthy, reason: { zh: '身体健康', en: 'in good health' } };
  return { points: 0, reason: { zh: '有慢性病，尚能履职', en: 'chronic illness, still able to serve' } };
}

/** The score of an eligible member and the reasons behind it, most important first. */
export function scoreLeader(
  member: LeaderFacts,
  today: string,
  label: (code: string) => Localized = (code) => ({ zh: code, en: code }),
): { score: number; reasons: Localized[] } {
  const parts = [
    partyYears(member, today),
    post(member),
    expertise(member, label),
    age(member, today),
    capacity(member),
    health(member),
  ];
  if (!member.isMigrant) parts.push({ points: 0, reason: { zh: '常住本地', en: 'lives locally' } });
  return {
    score: parts.reduce((sum, p) => sum + p.points, 0),
    reasons: parts.flatMap((p) => (p.reason ? [p.reason] : [])),
  };
}

/**
 * Ranks `members` as candidate group leaders on `today`: eligible ones by score (ties: longer in the Party, then
 * lower id), the others with why not (in input order of id). `label` names expertise codes (dictionary).
 */
export function rankGroupLeaders(
  members: readonly LeaderFacts[],
  today: string,
  label?: (code: string) => Localized,
): LeaderRanking {
  const scored: Omit<LeaderCandidate, 'rank'>[] = [];
  const ineligible: IneligibleMember[] = [];
  for (const m of [...members].sort((a, b) => a.id - b.id)) {
    const why = leaderIneligibility(m);
    if (why.length > 0) ineligible.push({ memberId: m.id, name: m.name, reasons: why });
    else scored.push({ memberId: m.id, name: m.name, ...scoreLeader(m, today, label) });
  }
  const joinOf = new Map(members.map((m) => [m.id, m.joinDate]));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (joinOf.get(a.memberId) ?? '').localeCompare(joinOf.get(b.memberId) ?? '') ||
      a.memberId - b.memberId,
  );
  return { candidates: scored.map((c, i) => ({ ...c, rank: i + 1 })), ineligible };
}
