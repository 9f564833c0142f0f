/**
 * Alternatives for a suggested household: up to three other members with capacity left after the suggestions,
 * best fit first, so the reviewer can swap the helper. Members of the household's village first; with reach
 * 'township' the township's members fill up what the village lacks.
 */
import type { Label } from '../../domain/codes.ts';
import { closenessLevel, compileHousehold, memberTags, scorePair } from '../../domain/matching/fit.ts';
import type { FitParts, MatchResult } from '../../domain/matching/index.ts';
import { resolveMatchOptions } from '../../domain/matching/options.ts';
import type { LoadedMatch, MemberInfo } from './load-match-input.ts';

export interface Alternative {
  member: MemberInfo;
  fit: number;
  parts: FitParts;
  reasons: Label[];
  freeSlots: number;
}

const MAX_ALTERNATIVES = 3;

/** Capacity each member has left once the suggestions are confirmed. */
export function freeAfter(loaded: LoadedMatch, result: MatchResult): Map<number, number> {
  const free = new Map<number, number>();
  for (const m of loaded.members.values()) {
    const capacity = Math.max(0, Math.min(2, m.capacity));
    if (capacity - m.load > 0) free.set(m.id, capacity - m.load);
  }
  for (const s of result.suggestions) free.set(s.memberId, (free.get(s.memberId) ?? 0) - 1);
  return free;
}

/** Builds `alternativesOf(householdId, suggestedMemberId)` over the members with capacity left. */
export function alternativeFinder(loaded: LoadedMatch, free: Map<number, number>) {
  const o = resolveMatchOptions({ reach: loaded.scope.reach });
  const rejected = new Set((loaded.input.excluded ?? []).map((e) => `${e.memberId}:${e.householdId}`));
  const byArea = new Map<string, { member: MemberInfo; tags: number[] }[]>();
  for (const m of loaded.members.values()) {
    if ((free.get(m.id) ?? 0) <= 0) continue;
    const entry = { member: m, tags: memberTags(m) };
    for (const key of [m.place.village, m.place.township]) {
      const list = byArea.get(key);
      if (list) list.push(entry);
      else byArea.set(key, [entry]);
    }
  }
  return (householdId: number, suggested: number): Alternative[] => {
    const h = loaded.households.get(householdId);
    if (!h) return [];
    const hf = compileHousehold(h, o);
    const score = (pool: { member: MemberInfo; tags: number[] }[], seen: Set<number>) =>
      pool.flatMap(({ member, tags }) => {
        if (member.id === suggested || seen.has(member.id) || rejected.has(`${member.id}:${householdId}`)) return [];
        const level = closenessLevel(member.place, h.place);
        if (level === null) return [];
        const scored = scorePair(tags, hf, level, false, o);
        return [{ member, ...scored, freeSlots: free.get(member.id) ?? 0 }];
      });
    const best = (list: Alternative[]) => list.sort((a, b) => b.fit - a.fit || a.member.id - b.member.id);
    const chosen = best(score(byArea.get(h.place.village) ?? [], new Set())).slice(0, MAX_ALTERNATIVES);
    if (chosen.length < MAX_ALTERNATIVES && o.reach === 'township') {
      const seen = new Set(chosen.map((a) => a.member.id));
      chosen.push(...best(score(byArea.get(h.place.township) ?? [], seen)).slice(0, MAX_ALTERNATIVES - chosen.length));
    }
    return chosen;
  };
}
