/** Party group requests (党小组) as TanStack Query hooks; types come from the shared schemas. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import {
  type ActivityCentreSet,
  type InstructorAssign,
  LeaderSuggestions as LeaderSuggestionsSchema,
  PartyGroupDetail as PartyGroupDetailSchema,
} from '../../../shared/schemas/party-group.ts';
import { api } from '../../api/client.ts';

export type PartyGroupDetail = Static<typeof PartyGroupDetailSchema>;
export type LeaderSuggestions = Static<typeof LeaderSuggestionsSchema>;
export type InstructorBody = Static<typeof InstructorAssign>;
export type ActivityCentreBody = Static<typeof ActivityCentreSet>;
export type InstructorLevel = 'township' | 'village';

const base = (county: string, id: number) => `/api/counties/${county}/party-groups/${id}`;
const detailKey = (county: string, id: number) => ['party-groups', county, 'detail', id];

/** One group with members, leader, instructors, activity centre and history. */
export function usePartyGroup(county: string, id: number) {
  return useQuery({
    queryKey: detailKey(county, id),
    queryFn: () => api.get(base(county, id), PartyGroupDetailSchema),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The group's members ranked as leader, with reasons (and why the others may not lead). */
export function useLeaderSuggestions(county: string, id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['party-groups', county, 'leader-suggestions', id],
    queryFn: () => api.get(`${base(county, id)}/leader-suggestions`, LeaderSuggestionsSchema),
    enabled,
  });
}

export type GroupChange =
  | { kind: 'leader'; memberId: number }
  | { kind: 'instructor'; level: InstructorLevel; body: InstructorBody }
  | { kind: 'activityCentre'; body: ActivityCentreBody };

function send(county: string, id: number, change: GroupChange): Promise<PartyGroupDetail> {
  switch (change.kind) {
    case 'leader':
      return api.put(`${base(county, id)}/leader`, { memberId: change.memberId }, PartyGroupDetailSchema);
    case 'instructor':
      return api.put(`${base(county, id)}/instructors/${change.level}`, change.body, PartyGroupDetailSchema);
    case 'activityCentre':
      return api.put(`${base(county, id)}/activity-centre`, change.body, PartyGroupDetailSchema);
  }
}

/** Saves a change; the answer replaces the cached group, and lists, grids and coverage read again. */
export function useChangeGroup(county: string, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: GroupChange) => send(county, id, change),
    onSuccess: (group) => {
      client.setQueryData(detailKey(county, id), group);
      return Promise.all([
        client.invalidateQueries({ queryKey: ['party-groups', county], predicate: (q) => q.queryKey[2] !== 'detail' }),
        client.invalidateQueries({ queryKey: ['grids', county] }),
      ]);
    },
  });
}
