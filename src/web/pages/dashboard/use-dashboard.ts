/** Figures of the scope: they change with every registry write, so they are refetched after a minute. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../shared/schemas/dashboard.ts';
import { api } from '../../api/client.ts';

/** The dashboard's figures; a grid change reloads `all`. */
export const dashboardQueries = {
  all: (county: string) => ['dashboard', county] as const,
  figures: (county: string, scope: string) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(county), scope] as const,
      queryFn: () => api.get<typeof Dashboard>(`/api/counties/${county}/dashboard`, { scope }),
      // Drilling down keeps the previous figures on screen (dimmed) instead of a blank skeleton.
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
};

export function useDashboard(county: string, scope: string) {
  return useQuery(dashboardQueries.figures(county, scope));
}
