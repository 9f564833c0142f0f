/** Points and stars requests as TanStack Query hooks; types come from the shared schemas. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  MemberPoints as MemberPointsSchema,
  MyPoints as MyPointsSchema,
  RatingListItem as RatingListItemSchema,
  RecomputeSummary as RecomputeSummarySchema,
  StarBoard as StarBoardSchema,
} from '../../../shared/schemas/assessment.ts';
import type { PageOfSchema } from '../../../shared/schemas/common.ts';
import { api } from '../../api/client.ts';

export type MemberPoints = Static<typeof MemberPointsSchema>;
export type StarBoard = Static<typeof StarBoardSchema>;
export type RatingListItem = Static<typeof RatingListItemSchema>;

const base = (county: string) => `/api/counties/${county}/assessment`;

/** The assessment area's queries; a recompute reloads everything under `all`. */
export const assessmentQueries = {
  all: (county: string) => ['assessment', county] as const,
  mine: (county: string, year: number) =>
    queryOptions({
      queryKey: [...assessmentQueries.all(county), 'mine', year] as const,
      queryFn: () => api.get<typeof MyPointsSchema>(`${base(county)}/me/points?year=${year}`),
    }),
  member: (county: string, id: number, year: number) =>
    queryOptions({
      queryKey: [...assessmentQueries.all(county), 'member', id, year] as const,
      queryFn: () => api.get<typeof MemberPointsSchema>(`${base(county)}/members/${id}/points?year=${year}`),
    }),
  board: (county: string, within: string, year: number) =>
    queryOptions({
      queryKey: [...assessmentQueries.all(county), 'board', within, year] as const,
      queryFn: () => api.get<typeof StarBoardSchema>(`${base(county)}/board?year=${year}&within=${within}`),
    }),
  ratings: (county: string, within: string, year: number, page: number) =>
    queryOptions({
      queryKey: [...assessmentQueries.all(county), 'ratings', within, year, page] as const,
      queryFn: () =>
        api.get<PageOfSchema<typeof RatingListItemSchema>>(
          `${base(county)}/ratings?year=${year}&within=${within}&page=${page}`,
        ),
    }),
};

export const useMyPoints = (county: string, year: number) => useQuery(assessmentQueries.mine(county, year));
export const useMemberPoints = (county: string, id: number, year: number) =>
  useQuery({ ...assessmentQueries.member(county, id, year), enabled: Number.isInteger(id) && id > 0 });
export const useStarBoard = (county: string, within: string, year: number) =>
  useQuery(assessmentQueries.board(county, within, year));
export const useRatings = (county: string, within: string, year: number, page: number) =>
  useQuery(assessmentQueries.ratings(county, within, year, page));

/** Recomputes the county-year (county-level party.review); reloads the area. */
export function useRecompute(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.post<typeof RecomputeSummarySchema>(`${base(county)}/recompute`, { year }),
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentQueries.all(county) }),
  });
}
