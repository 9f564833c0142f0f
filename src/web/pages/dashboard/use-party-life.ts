/** The dashboard's Party life figures of a scope (activities and stars), refetched after a minute like the rest. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { PartyLifeFigures } from '../../../shared/schemas/dashboard-party-life.ts';
import { api } from '../../api/client.ts';

export type PartyLifeBody = Static<typeof PartyLifeFigures>;

export function usePartyLife(county: string, scope: string) {
  return useQuery({
    queryKey: ['dashboard-party-life', county, scope] as const,
    queryFn: () => api.get<typeof PartyLifeFigures>(`/api/counties/${county}/dashboard/party-life`, { scope }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
