/** Party group requests (党小组) as TanStack Query hooks; types come from the shared schemas. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ActivityCentreSet,
  InstructorAssign,
  LeaderSuggestions as LeaderSuggestionsSchema,
  PartyGroupDetail as PartyGroupDetailSchema,
} from '../../../shared/schemas/party-group.ts';
import { api } from '../../api/client.ts';
import { gridQueries } from '../grids/grid-api.ts';

export type PartyGroupDetail = Static<typeof PartyGroupDetailSchema>;
export type LeaderSuggestions = Static<typeof LeaderSuggestionsSchema>;
export type InstructorBody = Static<typeof InstructorAssign>;
export type ActivityCentreBody = Static<typeof ActivityCentreSet>;
export type InstructorLevel = 'township' | 'village';

const base = (county: string, id: number) => `/api/counties/${county}/party-groups/${id}`;
/** The party-group area's queries; a grid change reloads `all`. */
export const partyGroupQueries = {
  all: (county: string) => ['party-groups', county] as const,
  detail: (county: string, id: number) =>
    queryOptions({
      queryKey: [...partyGroupQueries.all(county), 'detail', id] as const,
      queryFn: () => api.get<typeof PartyGroupDetailSchema>(base(county, id)),
    }),
  /** Every group's leader suggestions: a change to any group can change them. */
  leaderSuggestionsAll: (county: string) => [...partyGroupQueries.all(county), 'leader-suggestions'] as const,
  leaderSuggestions: (county: string, id: number) =>
    queryOptions({
      queryKey: [...partyGroupQueries.leaderSuggestionsAll(county), id] as const,
      queryFn: () => api.get<typeof LeaderSuggestionsSchema>(`${base(county, id)}/leader-suggestions`),
    }),
};

/** One group with members, leader, instructors, activity centre and history. */
export function usePartyGroup(county: string, id: number) {
  return useQuery({ ...partyGroupQueries.detail(county, id), enabled: Number.isInteger(id) && id > 0 });
}

/** The group's members ranked as leader, with reasons (and why the others may not lead). */
export function useLeaderSuggestions(county: string, id: number, enabled: boolean) {
  return useQuery({ ...partyGroupQueries.leaderSuggestions(county, id), enabled });
}

export type GroupChange =
  | { kind: 'leader'; memberId: number }
  | { kind: 'instructor'; level: InstructorLevel; body: InstructorBody }
  | { kind: 'activityCentre'; body: ActivityCentreBody };

function send(county: string, id: number, change: GroupChange): Promise<PartyGroupDetail> {
  switch (change.kind) {
    case 'leader':
      return api.put<typeof PartyGroupDetailSchema>(`${base(county, id)}/leader`, { memberId: change.memberId });
    case 'instructor':
      return api.put<typeof PartyGroupDetailSchema>(`${base(county, id)}/instructors/${change.level}`, change.body);
    case 'activityCentre':
      return api.put<typeof PartyGroupDetailSchema>(`${base(county, id)}/activity-centre`, change.body);
  }
}

/** Saves a change; the answer replaces the cached group, and lists, grids and coverage read again. */
export function useChangeGroup(county: string, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: GroupChange) => send(county, id, change),
    onSuccess: (group) => {
      client.setQueryData(partyGroupQueries.detail(county, id).queryKey, group);
      return Promise.all([
        client.invalidateQueries({ queryKey: partyGroupQueries.leaderSuggestionsAll(county) }),
        client.invalidateQueries({ queryKey: gridQueries.all(county) }),
      ]);
    },
  });
}
