/** Things done (办实事) and early warning (防返贫监测预警) requests as TanStack Query hooks; types from the shared schemas. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { MonitoringResult, ThingsDone, WarningPage, WarningQuery } from '../../../shared/schemas/warnings.ts';
import { api } from '../../api/client.ts';

export type ThingsDoneBody = Static<typeof ThingsDone>;
export type Warnings = Static<typeof WarningPage>;
export type WarningKind = Warnings['items'][number]['warnings'][number]['kind'];

const base = (county: string) => `/api/counties/${county}`;

/** Things done (办实事) and early-warning queries; a setting or a household put under monitoring reloads `all`. */
export const warningQueries = {
  all: (county: string) => ['warnings', county] as const,
  thingsDone: (county: string, within: string) =>
    queryOptions({
      queryKey: ['things-done', county, within] as const,
      queryFn: () => api.get<typeof ThingsDone>(`${base(county)}/things-done`, { within }),
      placeholderData: keepPreviousData,
    }),
  list: (county: string, query: Static<typeof WarningQuery>) =>
    queryOptions({
      queryKey: [...warningQueries.all(county), 'list', query] as const,
      queryFn: () => api.get<typeof WarningPage>(`${base(county)}/warnings`, query),
      placeholderData: keepPreviousData,
    }),
};

/** Things done of a scope (latest year by default), with problems by level and status. */
export function useThingsDone(county: string, within: string) {
  return useQuery(warningQueries.thingsDone(county, within));
}

/** One page of flagged households of a scope. */
export function useWarnings(county: string, query: Static<typeof WarningQuery>) {
  return useQuery(warningQueries.list(county, query));
}

/** Puts a household under monitoring; the warning lists reload. */
export function useStartMonitoring(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api.post<typeof MonitoringResult>(`${base(county)}/households/${id}/monitoring`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: warningQueries.all(county) }),
  });
}
