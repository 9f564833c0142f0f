/**
 * Pairing requests (结对帮扶) as TanStack Query hooks: suggestions for review, confirm, reject, the list, measures
 * and handover. Suggestions carry reasons in the request's language, so their cache key includes it.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ConfirmInput,
  ConfirmResult,
  HandoverInput,
  PairingDetail as PairingDetailSchema,
  PairingFilter,
  PairingItemBody,
  PairingItem as PairingItemSchema,
  SuggestionsBody,
  SuggestionsResult,
} from '../../../shared/schemas/pairing.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions, usePagedList } from '../../api/paged-list.ts';
import { useLang } from '../../i18n/i18n.tsx';

export type PairingItem = PairingItemBody;
export type PairingDetail = Static<typeof PairingDetailSchema>;
export type PairingQuery = PairingFilter;
export type Suggestions = SuggestionsResult;
export type Suggestion = Suggestions['suggestions'][number];
export type SuggestedMember = Suggestion['member'];
export type Alternative = Suggestion['alternatives'][number];
export type { ConfirmInput, HandoverInput };

const base = (county: string) => `/api/counties/${county}/pairings`;

/** What the review page asks for: a scope code, or one grid. */
export interface SuggestionScope {
  within?: string | undefined;
  gridId?: number | undefined;
  page: number;
  pageSize: number;
}

/** The pairing area's queries; every change reloads `all` (suggestions, lists, a household's helpers). */
export const pairingQueries = {
  all: (county: string) => ['pairings', county] as const,
  /** Suggestions carry reasons in the request's language: the key holds it. */
  suggestions: (county: string, scope: SuggestionScope, lang: string) =>
    queryOptions({
      queryKey: [...pairingQueries.all(county), 'suggestions', scope, lang] as const,
      queryFn: () => api.get<typeof SuggestionsBody>(`${base(county)}/suggestions`, { ...scope }),
      placeholderData: keepPreviousData,
    }),
  list: (county: string, query: PairingQuery) =>
    pagedListOptions<typeof PairingItemSchema>([...pairingQueries.all(county), 'list', query], base(county), query),
};

/** The suggested pairings of a scope or grid, with summary and shortfall. */
export function useSuggestions(county: string, scope: SuggestionScope) {
  const { lang } = useLang();
  return useQuery(pairingQueries.suggestions(county, scope, lang));
}

/** One page of pairings (also a household's helpers and history, or a member's pairings). */
export function usePairingList(county: string, query: PairingQuery, enabled = true) {
  return usePagedList(pairingQueries.list(county, query), enabled);
}

/** Everything pairings feed reads again after a change (suggestions, lists, the household's helpers). */
function useRefreshPairings(county: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: pairingQueries.all(county) });
}

/** Confirms reviewed pairs, all or nothing; the suggestions refresh (confirmed households drop out). */
export function useConfirmPairings(county: string) {
  const refresh = useRefreshPairings(county);
  return useMutation({
    mutationFn: (body: ConfirmInput) => api.post<typeof ConfirmResult>(`${base(county)}/confirm`, body),
    onSuccess: () => refresh(),
  });
}

/** Rejects a suggested pair: the server never suggests it again. */
export function useRejectSuggestion(county: string) {
  const refresh = useRefreshPairings(county);
  return useMutation({
    mutationFn: (body: { memberId: number; householdId: number; reason: string }) =>
      api.post(`${base(county)}/rejections`, body),
    onSuccess: () => refresh(),
  });
}

/** Sets a pairing's help measures (帮扶措施). */
export function useUpdateMeasures(county: string, id: number) {
  const refresh = useRefreshPairings(county);
  return useMutation({
    mutationFn: (measures: string) => api.patch<typeof PairingDetailSchema>(`${base(county)}/${id}`, { measures }),
    onSuccess: () => refresh(),
  });
}

/** Hands the household over to a successor the same day; answers the successor pairing. */
export function useHandOver(county: string, id: number) {
  const refresh = useRefreshPairings(county);
  return useMutation({
    mutationFn: (body: HandoverInput) => api.post<typeof PairingDetailSchema>(`${base(county)}/${id}/handover`, body),
    onSuccess: () => refresh(),
  });
}

/** Ends a pairing kept after the household's exit. */
export function useEndPairing(county: string, id: number) {
  const refresh = useRefreshPairings(county);
  return useMutation({
    mutationFn: (body: { on: string }) => api.post<typeof PairingDetailSchema>(`${base(county)}/${id}/end`, body),
    onSuccess: () => refresh(),
  });
}

/** The plaque print page (挂牌) of one pairing. */
export const plaquePath = (pairingId: number) => `/pairings/${pairingId}/plaque`;
