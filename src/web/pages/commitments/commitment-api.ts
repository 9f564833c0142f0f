/** Commitment requests (公开承诺) as TanStack Query hooks; types come from the shared schemas. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CommitmentDetail as CommitmentDetailSchema,
  CommitmentEvaluate,
  CommitmentItemInput,
  CommitmentListItem as CommitmentListItemSchema,
  CommitmentListQuery,
  CommitmentPropose,
  CommitmentReview,
  ItemFulfil,
  PairedHouseholds as PairedHouseholdsSchema,
} from '../../../shared/schemas/commitment.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions, usePagedList } from '../../api/paged-list.ts';

export type CommitmentListItem = Static<typeof CommitmentListItemSchema>;
export type CommitmentDetail = Static<typeof CommitmentDetailSchema>;
export type CommitmentQuery = Omit<Static<typeof CommitmentListQuery>, 'sort'> & { sort?: string };
export type PairedHouseholds = Static<typeof PairedHouseholdsSchema>;
export type ItemInput = Static<typeof CommitmentItemInput>;
export type ProposeBody = Static<typeof CommitmentPropose>;
export type CommitmentStatus = CommitmentDetail['status'];
export type Grade = NonNullable<CommitmentDetail['evaluationGrade']>;

const base = (county: string) => `/api/counties/${county}/commitments`;
/** The commitment area's queries; a change replaces its `detail` and reloads the `lists`. */
export const commitmentQueries = {
  all: (county: string) => ['commitments', county] as const,
  lists: (county: string) => [...commitmentQueries.all(county), 'list'] as const,
  list: (county: string, query: CommitmentQuery) =>
    pagedListOptions<typeof CommitmentListItemSchema>([...commitmentQueries.lists(county), query], base(county), query),
  detail: (county: string, id: number) =>
    queryOptions({
      queryKey: [...commitmentQueries.all(county), 'detail', id] as const,
      queryFn: () => api.get<typeof CommitmentDetailSchema>(`${base(county)}/${id}`),
    }),
  paired: (county: string, memberId: number | undefined) =>
    queryOptions({
      queryKey: [...commitmentQueries.all(county), 'paired', memberId] as const,
      queryFn: () => api.get<typeof PairedHouseholdsSchema>(`${base(county)}/members/${memberId}/households`),
    }),
};

/** One page of the commitment list; the previous page stays on screen while the next loads. */
export function useCommitmentList(county: string, query: CommitmentQuery, enabled = true) {
  return usePagedList(commitmentQueries.list(county, query), enabled);
}

/** One commitment with its items. */
export function useCommitment(county: string, id: number) {
  return useQuery({ ...commitmentQueries.detail(county, id), enabled: Number.isInteger(id) && id > 0 });
}

/** The member's current paired households (the choices of an item's household). */
export function usePairedHouseholds(county: string, memberId: number | undefined) {
  return useQuery({ ...commitmentQueries.paired(county, memberId), enabled: memberId !== undefined && memberId > 0 });
}

export type CommitmentChange =
  | { kind: 'propose'; body: ProposeBody }
  | { kind: 'edit'; items: ItemInput[] }
  | { kind: 'review'; body: Static<typeof CommitmentReview> }
  | { kind: 'publish' }
  | { kind: 'fulfil'; itemId: number; body: Static<typeof ItemFulfil> }
  | { kind: 'evaluate'; body: Static<typeof CommitmentEvaluate> };

function send(county: string, id: number | undefined, change: CommitmentChange): Promise<CommitmentDetail> {
  const url = `${base(county)}/${id}`;
  switch (change.kind) {
    case 'propose':
      return api.post<typeof CommitmentDetailSchema>(base(county), change.body);
    case 'edit':
      return api.put<typeof CommitmentDetailSchema>(url, { items: change.items });
    case 'review':
      return api.post<typeof CommitmentDetailSchema>(`${url}/review`, change.body);
    case 'publish':
      return api.post<typeof CommitmentDetailSchema>(`${url}/publish`, undefined);
    case 'fulfil':
      return api.post<typeof CommitmentDetailSchema>(`${url}/items/${change.itemId}/fulfil`, change.body);
    case 'evaluate':
      return api.post<typeof CommitmentDetailSchema>(`${url}/evaluate`, change.body);
  }
}

/** Saves a change of commitment `id` (or proposes one); the answer replaces the cached commitment, lists reload. */
export function useChangeCommitment(county: string, id?: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: CommitmentChange) => send(county, id, change),
    onSuccess: (saved) => {
      client.setQueryData(commitmentQueries.detail(county, saved.id).queryKey, saved);
      return client.invalidateQueries({ queryKey: commitmentQueries.lists(county) });
    },
  });
}
