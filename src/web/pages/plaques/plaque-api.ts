/** Plaque, public page and feedback requests as TanStack Query hooks; types come from the shared schemas. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  FeedbackAccepted,
  FeedbackBody,
  FeedbackItem as FeedbackItemSchema,
  FeedbackListQuery,
  FeedbackModerated,
  PlaqueList,
  Plaque as PlaqueSchema,
  PublicPlaque as PublicPlaqueSchema,
} from '../../../shared/schemas/plaque.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions, usePagedList } from '../../api/paged-list.ts';

export type Plaque = Static<typeof PlaqueSchema>;
export type PublicPlaque = Static<typeof PublicPlaqueSchema>;
export type FeedbackItem = Static<typeof FeedbackItemSchema>;
export type FeedbackQuery = Static<typeof FeedbackListQuery>;
export type FeedbackInput = Static<typeof FeedbackBody>;

const publicPath = (county: string, code: string) => `/api/public/plaques/${county}/${encodeURIComponent(code)}`;

/** The plaque area's queries: plaques to print, a public page, and the feedback moderators page through. */
export const plaqueQueries = {
  plaques: (county: string, which: { pairing?: number; village?: string }) =>
    queryOptions({
      queryKey: ['plaques', county, which] as const,
      queryFn: async (): Promise<Plaque[]> => {
        if (which.pairing !== undefined) {
          return [await api.get<typeof PlaqueSchema>(`/api/counties/${county}/pairings/${which.pairing}/plaque`)];
        }
        return (await api.get<typeof PlaqueList>(`/api/counties/${county}/plaques`, { village: which.village })).items;
      },
    }),
  publicPlaque: (county: string, code: string) =>
    queryOptions({
      queryKey: ['public-plaque', county, code] as const,
      queryFn: () => api.get<typeof PublicPlaqueSchema>(publicPath(county, code)),
    }),
  /** Every feedback list of the county: a moderation reloads them. */
  feedbackAll: (county: string) => ['feedback', county] as const,
  feedback: (county: string, query: FeedbackQuery) =>
    pagedListOptions<typeof FeedbackItemSchema>(
      [...plaqueQueries.feedbackAll(county), query],
      `/api/counties/${county}/feedback`,
      query,
    ),
};

/** One pairing's plaque, or every current pairing's of a village (bulk print). */
export function usePlaques(county: string, which: { pairing?: number; village?: string }) {
  return useQuery({
    ...plaqueQueries.plaques(county, which),
    enabled: which.pairing !== undefined || which.village !== undefined,
  });
}

/** The public page of a plaque (no session needed). */
export function usePublicPlaque(county: string, code: string) {
  return useQuery(plaqueQueries.publicPlaque(county, code));
}

/** Leaves feedback on a plaque's pairing (stored pending until moderated). */
export function useSubmitFeedback(county: string, code: string) {
  return useMutation({
    mutationFn: (body: FeedbackInput) =>
      api.post<typeof FeedbackAccepted>(`${publicPath(county, code)}/feedback`, body),
  });
}

/** One page of feedback for moderators. */
export function useFeedbackList(county: string, query: FeedbackQuery) {
  return usePagedList(plaqueQueries.feedback(county, query));
}

/** Approves or rejects one entry; the lists refresh after. */
export function useModerate(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: 'approve' | 'reject' }) =>
      api.post<typeof FeedbackModerated>(`/api/counties/${county}/feedback/${id}/moderate`, { decision }),
    onSuccess: () => client.invalidateQueries({ queryKey: plaqueQueries.feedbackAll(county) }),
  });
}
