/**
 * Suggestions for review (issue #6 item 2): the optimal matching of a scope's members to its households without
 * a helper, each suggestion with its fit, reasons and up to three alternatives, the shortfall by village and the
 * summary. Suggestions come village by village (natural village code, then household id) and are paged.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { CODE_LABELS, type Label } from '../../domain/codes.ts';
import { EXPERTISE_LABELS, type MatchResult, matchHelpers, NEED_LABELS } from '../../domain/matching/index.ts';
import type { Lang } from '../../shared/lang.ts';
import type { SuggestionsResult } from '../../shared/schemas/pairing.ts';
import { alternativeFinder, freeAfter } from './alternatives.ts';
import {
  type HouseholdInfo,
  type LoadedMatch,
  loadMatchInput,
  type MemberInfo,
  resolveScope,
} from './load-match-input.ts';

export type { Lang };

export interface SuggestionQuery {
  within?: string | undefined;
  gridId?: number | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** Solves the loaded scope; rejected pairs are in the input's `excluded`, which the matching never suggests. */
export function solve(loaded: LoadedMatch): { result: MatchResult; solveMs: number } {
  const started = performance.now();
  const result = matchHelpers(loaded.input, { reach: loaded.scope.reach });
  return { result, solveMs: performance.now() - started };
}

const labelOf = (table: Record<string, Label>, code: string, lang: Lang) => table[code]?.[lang] ?? code;

/** The member as the review screen shows them. */
export function memberView(m: MemberInfo, lang: Lang) {
  const expertise = m.expertise.map((e) => labelOf(EXPERTISE_LABELS, e, lang));
  return { id: m.id, name: m.name, post: m.post, expertise };
}

function householdView(h: HouseholdInfo, names: Map<string, string>, lang: Lang) {
  return {
    id: h.id,
    headName: h.headName,
    villageName: names.get(h.place.village) ?? h.place.village,
    naturalVillageName: names.get(h.place.naturalVillage) ?? h.place.naturalVillage,
    mainCause: labelOf(CODE_LABELS.cause, String(h.mainCause), lang),
    needs: h.needs.map((n) => labelOf(NEED_LABELS, n, lang)),
  };
}

/** Suggestions of a scope (`within` code or one grid) with alternatives, the shortfall and timing. */
export async function suggestPairings(
  db: Kysely<Database>,
  county: string,
  query: SuggestionQuery,
  lang: Lang,
): Promise<SuggestionsResult> {
  const scope = await resolveScope(db, county, query.within, query.gridId);
  const loaded = await loadMatchInput(db, county, scope);
  const { result, solveMs } = solve(loaded);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 100;
  const ordered = result.suggestions
    .map((s) => ({ s, nv: loaded.households.get(s.householdId)!.place.naturalVillage }))
    .sort((a, b) => (a.nv === b.nv ? a.s.householdId - b.s.householdId : a.nv < b.nv ? -1 : 1));
  const alternativesOf = alternativeFinder(loaded, freeAfter(loaded, result));
  const text = (reasons: Label[]) => reasons.map((r) => r[lang]);
  const suggestions = ordered.slice((page - 1) * pageSize, page * pageSize).map(({ s }) => ({
    member: memberView(loaded.members.get(s.memberId)!, lang),
    household: householdView(loaded.households.get(s.householdId)!, loaded.names, lang),
    fit: s.fit,
    parts: s.parts,
    reasons: text(s.reasons),
    alternatives: alternativesOf(s.householdId, s.memberId).map((a) => ({
      member: memberView(a.member, lang),
      fit: a.fit,
      parts: a.parts,
      reasons: text(a.reasons),
      freeSlots: a.freeSlots,
    })),
  }));
  return {
    scope: { code: scope.code, gridId: scope.gridId },
    suggestions,
    total: ordered.length,
    page,
    pageSize,
    shortfall: result.shortfall.map((v) => ({
      villageCode: v.village,
      villageName: loaded.names.get(v.village) ?? v.village,
      townshipName: loaded.names.get(v.township) ?? v.township,
      households: v.households,
    })),
    summary: {
      ...result.summary,
      householdsCovered: ordered.length,
      shortfall: result.summary.householdsNeedingHelp - ordered.length,
    },
    timing: { loadMs: Math.round(loaded.loadMs), solveMs: Math.round(solveMs) },
  };
}
