/** Plaque, public page and feedback requests as TanStack Query hooks; types come from the shared schemas. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import {
  FeedbackAccepted,
  type FeedbackBody,
  FeedbackItem as FeedbackItemSchema,
  type FeedbackListQuery,
  FeedbackModerated,
  PlaqueList,
  Plaque as PlaqueSchema,
  PublicPlaque as PublicPlaqueSchema,
} from '../../../shared/schemas/plaque.ts';
import { api } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';

export type Plaque = Static<typeof PlaqueSchema>;
export type PublicPlaque = Static<typeof PublicPlaqueSchema>;
export type FeedbackItem = Static<typeof FeedbackItemSchema>;
export type FeedbackQuery = Static<typeof FeedbackListQuery>;
export type FeedbackInput = Static<typeof FeedbackBody>;

/** One pairing's plaque, or every current pairing's of a village (bulk print). */
export function usePlaques(county: string, which: { pairing?: number; village?: string }) {
  return useQuery({
    queryKey: ['plaques', county, which],
    enabled: which.pairing !== undefined || which.village !== undefined,
    queryFn: async (): Promise<Plaque[]> => {
      if (which.pairing !== undefined) {
        return [await api.get(`/api/counties/${county}/pairings/${which.pairing}/plaque`, PlaqueSchema)];
      }
      return (await api.get(`/api/counties/${county}/plaques`, PlaqueList, { village: which.village })).items;
    },
  });
}

const publicPath = (county: string, code: string) => `/api/public/plaques/${county}/${encodeURIComponent(code)}`;

/** The public page of a plaque (no session needed). */
export function usePublicPlaque(county: string, code: string) {
  return useQuery({
    queryKey: ['public-plaque', county, code],
    queryFn: () => api.get(publicPath(county, code), PublicPlaqueSchema),
  });
}

/** Leaves feedback on a plaque's pairing (stored pending until moderated). */
export function useSubmitFeedback(county: string, code: string) {
  return useMutation({
    mutationFn: (body: FeedbackInput) => api.post(`${publicPath(county, code)}/feedback`, body, FeedbackAccepted),
  });
}

/** One page of feedback for moderators. */
export function useFeedbackList(county: string, query: FeedbackQuery) {
  return usePagedList(['feedback', county, query], `/api/counties/${county}/feedback`, FeedbackItemSchema, query);
}

/** Approves or rejects one entry; the lists refresh after. */
export function useModerate(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: 'approve' | 'reject' }) =>
      api.post(`/api/counties/${county}/feedback/${id}/moderate`, { decision }, FeedbackModerated),
    onSuccess: () => client.invalidateQueries({ queryKey: ['feedback', county] }),
  });
}
