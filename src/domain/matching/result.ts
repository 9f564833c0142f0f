/**
 * Turns the solver's pairings into the public result: each suggestion scored afresh with its reasons, the
 * shortfall by village, the members at capacity and the summary figures.
 */
import { closenessLevel, scorePair } from './fit.ts';
import type { Assignment } from './network.ts';
import type { ResolvedMatchOptions } from './options.ts';
import type { Prepared } from './prepare.ts';
import type { MatchResult, MatchSuggestion, VillageShortfall } from './types.ts';

function suggestion(a: Assignment, o: ResolvedMatchOptions): MatchSuggestion {
  const { member, household } = a;
  const level = closenessLevel(member.member.place, household.household.place)!;
  const wished = member.wishes.has(household.household.id);
  const scored = scorePair(member.tags, household.fit, level, wished, o);
  return { memberId: member.member.id, householdId: household.household.id, ...scored };
}

function shortfallByVillage(p: Prepared, covered: ReadonlySet<number>): VillageShortfall[] {
  const byVillage = new Map<string, VillageShortfall>();
  for (const { household: h } of p.needing) {
    if (covered.has(h.id)) continue;
    const key = `${h.place.township}\u0000${h.place.village}`;
    if (!byVillage.has(key))
      byVillage.set(key, { township: h.place.township, village: h.place.village, households: [] });
    byVillage.get(key)!.households.push(h.id);
  }
  return [...byVillage.values()].sort((a, b) =>
    a.township === b.township ? (a.village < b.village ? -1 : 1) : a.township < b.township ? -1 : 1,
  );
}

export function assembleResult(p: Prepared, assignments: Assignment[], o: ResolvedMatchOptions): MatchResult {
  const suggestions = assignments.map((a) => suggestion(a, o)).sort((a, b) => a.householdId - b.householdId);
  const covered = new Set(suggestions.map((s) => s.householdId));
  const added = new Map<number, number>();
  for (const s of suggestions) added.set(s.memberId, (added.get(s.memberId) ?? 0) + 1);
  const membersAtCapacity = p.members
    .filter((m) => m.capacity > 0 && m.used + (added.get(m.member.id) ?? 0) >= m.capacity)
    .map((m) => m.member.id);
  const shortfall = shortfallByVillage(p, covered);
  return {
    suggestions,
    kept: p.kept,
    shortfall,
    membersAtCapacity,
    summary: {
      householdsNeedingHelp: p.needing.length,
      householdsCovered: covered.size,
      shortfall: p.needing.length - covered.size,
      membersAtCapacity: membersAtCapacity.length,
      totalFit: suggestions.reduce((sum, s) => sum + s.fit, 0),
      components: p.components.length,
    },
  };
}
