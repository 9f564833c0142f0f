/** Party member requests as TanStack Query hooks; types come from the shared schemas. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  MemberCard as MemberCardSchema,
  MemberCreate,
  MemberListItem as MemberListItemSchema,
  MemberListQuery,
  MemberUpdate,
} from '../../../shared/schemas/member.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions, usePagedList } from '../../api/paged-list.ts';

export type MemberListItem = Static<typeof MemberListItemSchema>;
export type MemberCard = Static<typeof MemberCardSchema>;
export type MemberCreateBody = Static<typeof MemberCreate>;
export type MemberUpdateBody = Static<typeof MemberUpdate>;
export type MemberQuery = Static<typeof MemberListQuery>;

const base = (county: string) => `/api/counties/${county}/members`;

/**
 * The member area's queries; a saved card replaces its `card` and reloads the `lists` (the pickers' searches
 * of members are lists too).
 */
export const memberQueries = {
  all: (county: string) => ['members', county] as const,
  lists: (county: string) => [...memberQueries.all(county), 'list'] as const,
  list: (county: string, query: MemberQuery) =>
    pagedListOptions<typeof MemberListItemSchema>([...memberQueries.lists(county), query], base(county), query),
  card: (county: string, id: number) =>
    queryOptions({
      queryKey: [...memberQueries.all(county), 'card', id] as const,
      queryFn: () => api.get<typeof MemberCardSchema>(`${base(county)}/${id}`),
    }),
};

/** One page of the member list; the previous page stays on screen while the next loads. */
export function useMemberList(county: string, query: MemberQuery) {
  return usePagedList(memberQueries.list(county, query));
}

/** One member's information card. */
export function useMemberCard(county: string, id: number) {
  return useQuery({ ...memberQueries.card(county, id), enabled: Number.isInteger(id) && id > 0 });
}

/** Creates (no id) or patches (id) a card; lists and the card refresh afterwards. */
export function useSaveMember(county: string, id: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberCreateBody | MemberUpdateBody) =>
      id
        ? api.patch<typeof MemberCardSchema>(`${base(county)}/${id}`, body)
        : api.post<typeof MemberCardSchema>(base(county), body),
    onSuccess: (card) => {
      client.setQueryData(memberQueries.card(county, card.id).queryKey, card);
      return client.invalidateQueries({ queryKey: memberQueries.lists(county) });
    },
  });
}
