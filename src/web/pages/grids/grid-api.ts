/** Grid requests (网格, partition plans, coverage) as TanStack Query hooks; types come from the shared schemas. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  AppliedPlan as AppliedPlanSchema,
  CoverageReport as CoverageReportSchema,
  GridDetail as GridDetailSchema,
  GridEditResult as GridEditResultSchema,
  GridListItem as GridListItemSchema,
  GridListQuery,
  GridMap as GridMapSchema,
  GridPlan as GridPlanSchema,
  PartitionOptionsBody,
} from '../../../shared/schemas/grid.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions, usePagedList } from '../../api/paged-list.ts';
import { dashboardQueries } from '../dashboard/use-dashboard.ts';
import { partyGroupQueries } from '../party-groups/party-group-api.ts';

export type GridListItem = Static<typeof GridListItemSchema>;
export type GridDetail = Static<typeof GridDetailSchema>;
export type GridEditResult = Static<typeof GridEditResultSchema>;
export type GridQuery = Static<typeof GridListQuery>;
export type GridMapBody = Static<typeof GridMapSchema>;
export type GridPlan = Static<typeof GridPlanSchema>;
export type VillagePlan = GridPlan['villages'][number];
export type AppliedPlan = Static<typeof AppliedPlanSchema>;
export type PartitionOptions = Static<typeof PartitionOptionsBody>;
export type CoverageReport = Static<typeof CoverageReportSchema>;

const grids = (county: string) => `/api/counties/${county}/grids`;

/** The grid area's queries; a change reloads `all` (lists, details, maps, coverage). */
export const gridQueries = {
  all: (county: string) => ['grids', county] as const,
  list: (county: string, query: GridQuery) =>
    pagedListOptions<typeof GridListItemSchema>([...gridQueries.all(county), 'list', query], grids(county), query),
  detail: (county: string, id: number) =>
    queryOptions({
      queryKey: [...gridQueries.all(county), 'detail', id] as const,
      queryFn: () => api.get<typeof GridDetailSchema>(`${grids(county)}/${id}`),
    }),
  map: (county: string, village: string | undefined) =>
    queryOptions({
      queryKey: [...gridQueries.all(county), 'map', village] as const,
      queryFn: () => api.get<typeof GridMapSchema>(`${grids(county)}/map`, { village }),
    }),
  coverage: (county: string, within: string) =>
    queryOptions({
      queryKey: [...gridQueries.all(county), 'coverage', within] as const,
      queryFn: () => api.get<typeof CoverageReportSchema>(`${grids(county)}/coverage`, { within }),
    }),
};

/** One page of the grid list; the previous page stays on screen while the next loads. */
export function useGridList(county: string, query: GridQuery) {
  return usePagedList(gridQueries.list(county, query));
}

/** One grid with its natural villages, members, checks and history. */
export function useGrid(county: string, id: number) {
  return useQuery({ ...gridQueries.detail(county, id), enabled: Number.isInteger(id) && id > 0 });
}

/** A village's grids as GeoJSON areas (disabled until a village is chosen). */
export function useGridMap(county: string, village: string | undefined) {
  return useQuery({ ...gridQueries.map(county, village), enabled: Boolean(village) });
}

/** The coverage report of a scope. */
export function useCoverage(county: string, within: string) {
  return useQuery(gridQueries.coverage(county, within));
}

/** Everything grids feed (lists, maps, coverage, groups and the dashboard) reads again after a change. */
export function useRefreshGrids(county: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: gridQueries.all(county) }),
      client.invalidateQueries({ queryKey: partyGroupQueries.all(county) }),
      client.invalidateQueries({ queryKey: dashboardQueries.all(county) }),
    ]);
}

export type GridEdit =
  | { kind: 'rename'; name: string }
  | { kind: 'naturalVillage'; code: string; reason?: string }
  | { kind: 'member'; memberId: number; reason: string }
  | { kind: 'merge'; otherGridId: number }
  | { kind: 'split'; naturalVillages: string[]; name?: string };

function sendEdit(county: string, id: number, edit: GridEdit): Promise<GridEditResult> {
  const path = `${grids(county)}/${id}`;
  switch (edit.kind) {
    case 'rename':
      return api.patch<typeof GridEditResultSchema>(path, { name: edit.name });
    case 'naturalVillage':
      return api.post<typeof GridEditResultSchema>(`${path}/natural-villages`, {
        code: edit.code,
        reason: edit.reason || undefined,
      });
    case 'member':
      return api.post<typeof GridEditResultSchema>(`${path}/members`, { memberId: edit.memberId, reason: edit.reason });
    case 'merge':
      return api.post<typeof GridEditResultSchema>(`${path}/merge`, { otherGridId: edit.otherGridId });
    case 'split':
      return api.post<typeof GridEditResultSchema>(`${path}/split`, {
        naturalVillages: edit.naturalVillages,
        name: edit.name || undefined,
      });
  }
}

/** A manual edit of one grid; every grid query of the county refreshes afterwards. */
export function useGridEdit(county: string, id: number) {
  const refresh = useRefreshGrids(county);
  return useMutation({
    mutationFn: (edit: GridEdit) => sendEdit(county, id, edit),
    onSuccess: () => refresh(),
  });
}

/** Proposes a partition plan for a county, township or village. */
export function useProposePlan(county: string) {
  return useMutation({
    mutationFn: (body: { scope: string; options?: PartitionOptions }) =>
      api.post<typeof GridPlanSchema>(`/api/counties/${county}/grid-plans`, body),
  });
}

/** Applies a proposed plan (409 when the grids changed since it was proposed); grids refresh afterwards. */
export function useApplyPlan(county: string) {
  const refresh = useRefreshGrids(county);
  return useMutation({
    mutationFn: (planId: number) =>
      api.post<typeof AppliedPlanSchema>(`/api/counties/${county}/grid-plans/${planId}/apply`, {}),
    onSuccess: () => refresh(),
  });
}

/** A stable React key of a breach (the same rule can break on several grids of a village). */
export const breachKey = (b: { code: string; grid?: number; message: { en: string } }) =>
  `${b.code}:${b.grid ?? ''}:${b.message.en}`;
