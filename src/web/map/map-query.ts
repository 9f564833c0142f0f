/**
 * The GeoJSON of a scope's units as a TanStack query, without ECharts: the dashboard page starts it together with
 * the figures, and the map (use-scope-map.ts) reads the same cache entry. Boundaries change only when someone
 * imports or regenerates them, so they are kept for the session (the server's ETag makes a reload cheap).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MapFeatures } from '../../shared/schemas/dashboard.ts';
import { api } from '../api/client.ts';

export const mapQueries = {
  features: (county: string, scope: string) =>
    queryOptions({
      queryKey: ['dashboard-map', county, scope] as const,
      queryFn: () => api.get<typeof MapFeatures>(`/api/counties/${county}/dashboard/map`, { scope }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

export function useMapQuery(county: string, scope: string) {
  return useQuery(mapQueries.features(county, scope));
}
