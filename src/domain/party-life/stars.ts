/**
 * Star rating (星级评定) as pure rules: a score becomes 1–5 stars by the county's thresholds, then the county's
 * quotas (e.g. 5★ ≤ 5 %, 4★ ≤ 10 % of those rated) move the lowest-ranked excess down a star, and a veto
 * (一票否决) caps a member's stars whatever the score, keeping its reason. Exempt members (elderly, sick, by their
 * own request) are not rated and do not count towards quotas.
 */
import type { Localized } from '../errors.ts';

export type Stars = 1 | 2 | 3 | 4 | 5;

export interface StarSettings {
  /** Least score for 2, 3, 4 and 5 stars, ascending; below the first is 1 star. */
  thresholds: readonly [number, number, number, number];
  /** Largest share of rated members (0–1) a star level may hold; levels not named are unlimited. */
  quotas: Partial<Record<Stars, number>>;
}

export const DEFAULT_STAR_SETTINGS: StarSettings = {
  thresholds: [40, 60, 75, 90],
  quotas: { 5: 0.05, 4: 0.1 },
};

export interface Veto {
  code: string;
  /** The most stars a member with this veto may get. */
  maxStars: Stars;
  reason: Localized;
}

export interface Candidate {
  memberId: number;
  score: number;
  exempt: boolean;
  vetoes: readonly Veto[];
}

export interface Rating {
  memberId: number;
  score: number;
  /** null when exempt. */
  stars: Stars | null;
  /** Stars by thresholds alone, before quotas and vetoes. */
  byScore: Stars | null;
  /** The veto that capped the stars (the strictest), if any capped them. */
  veto: Veto | null;
  lowered: 'quota' | 'veto' | null;
}

/** Stars a score earns by thresholds alone. */
export function starsByScore(score: number, thresholds: StarSettings['thresholds']): Stars {
  let stars: Stars = 1;
  thresholds.forEach((least, i) => {
    if (score >= least) stars = (i + 2) as Stars;
  });
  return stars;
}

/** The strictest veto of a member, or null. */
function strictest(vetoes: readonly Veto[]): Veto | null {
  return vetoes.reduce<Veto | null>((worst, v) => (worst === null || v.maxStars < worst.maxStars ? v : worst), null);
}

/**
 * Rates everyone in one assessment (a county or a township, as the county decides). Vetoes apply first, so a
 * vetoed member never takes a quota place; quotas are filled from the top (score, then member id for a
 * deterministic tie-break) and each level's excess moves down one star, where the next level's quota applies.
 */
export function rateMembers(settings: StarSettings, candidates: readonly Candidate[]): Rating[] {
  const ratings = new Map<number, Rating>();
  const rated: Rating[] = [];
  for (const c of candidates) {
    if (c.exempt) {
      ratings.set(c.memberId, {
        memberId: c.memberId,
        score: c.score,
        stars: null,
        byScore: null,
        veto: null,
        lowered: null,
      });
      continue;
    }
    const byScore = starsByScore(c.score, settings.thresholds);
    const veto = strictest(c.vetoes);
    const capped = veto && veto.maxStars < byScore ? veto.maxStars : byScore;
    const rating: Rating = {
      memberId: c.memberId,
      score: c.score,
      stars: capped,
      byScore,
      veto: capped < byScore ? veto : null,
      lowered: capped < byScore ? 'veto' : null,
    };
    ratings.set(c.memberId, rating);
    rated.push(rating);
  }
  rated.sort((a, b) => b.score - a.score || a.memberId - b.memberId);
  for (const level of [5, 4, 3, 2] as const) {
    const share = settings.quotas[level];
    if (share === undefined) continue;
    const room = Math.floor(share * rated.length);
    const atLevel = rated.filter((r) => r.stars === level);
    for (const r of atLevel.slice(room)) {
      r.stars = (level - 1) as Stars;
      r.lowered = r.lowered ?? 'quota';
    }
  }
  return candidates.map((c) => ratings.get(c.memberId) as Rating);
}
