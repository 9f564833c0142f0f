/** Figures of the scope: they change with every registry write, so they are refetched after a minute. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Dashboard } from '../../../shared/schemas/dashboard.ts';
import { api } from '../../api/client.ts';

export function useDashboard(county: string, scope: string) {
  return useQuery({
    queryKey: ['dashboard', county, scope],
    queryFn: () => api.get(`/api/counties/${county}/dashboard`, Dashboard, { scope }),
    // Drilling down keeps the previous figures on screen (dimmed) instead of a blank skeleton.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
