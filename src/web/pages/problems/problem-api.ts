/** Problem requests (问题上报与逐级办理) and the notification inbox as TanStack Query hooks; types from the shared schemas. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  InboxPage,
  OverdueBoard,
  ProblemActionBody,
  ProblemDetail as ProblemDetailSchema,
  ProblemItem as ProblemItemSchema,
  ProblemListQuery,
  ProblemRaise,
} from '../../../shared/schemas/problem.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions } from '../../api/paged-list.ts';

export type ProblemItem = Static<typeof ProblemItemSchema>;
export type ProblemDetail = Static<typeof ProblemDetailSchema>;
export type ProblemQuery = Omit<Static<typeof ProblemListQuery>, 'sort'> & { sort?: string };
export type ProblemLevel = ProblemItem['level'];
export type ProblemStatus = ProblemItem['status'];
export type ActionBody = Static<typeof ProblemActionBody>;
export type Inbox = Static<typeof InboxPage>;

const base = (county: string) => `/api/counties/${county}/problems`;

/**
 * The problem area's queries: every key starts with `all(county)`; the lists (an inbox of a level, a household's
 * problems, the overdue board) share `lists(county)`, so a step reloads them without touching the problem it
 * answered with.
 */
export const problemQueries = {
  all: (county: string) => ['problems', county] as const,
  lists: (county: string) => [...problemQueries.all(county), 'lists'] as const,
  list: (county: string, query: ProblemQuery) =>
    pagedListOptions<typeof ProblemItemSchema>([...problemQueries.lists(county), 'list', query], base(county), query),
  overdue: (county: string, query: ProblemQuery) =>
    queryOptions({
      queryKey: [...problemQueries.lists(county), 'overdue', query] as const,
      queryFn: () => api.get<typeof OverdueBoard>(`${base(county)}/overdue`, query),
      placeholderData: keepPreviousData,
    }),
  detail: (county: string, id: number) =>
    queryOptions({
      queryKey: [...problemQueries.all(county), 'detail', id] as const,
      queryFn: () => api.get<typeof ProblemDetailSchema>(`${base(county)}/${id}`),
    }),
};

/** The caller's notifications (内部通知) of a county. */
export const inboxQueries = {
  all: (county: string) => ['inbox', county] as const,
  page: (county: string, unread: boolean) =>
    queryOptions({
      queryKey: [...inboxQueries.all(county), unread] as const,
      queryFn: () => api.get<typeof InboxPage>(`/api/counties/${county}/inbox`, { unread, pageSize: 10 }),
    }),
};

/** One page of problems (an inbox of a level, a household's problems). */
export function useProblemList(county: string, query: ProblemQuery, enabled = true) {
  return useQuery({ ...problemQueries.list(county, query), enabled });
}

/** The overdue board of a scope. */
export function useOverdueBoard(county: string, query: ProblemQuery) {
  return useQuery(problemQueries.overdue(county, query));
}

/** One problem with its trail and the caller's actions. */
export function useProblem(county: string, id: number) {
  return useQuery({ ...problemQueries.detail(county, id), enabled: Number.isInteger(id) && id > 0 });
}

/** Raises a problem; lists reload. */
export function useRaiseProblem(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Static<typeof ProblemRaise>) => api.post<typeof ProblemDetailSchema>(base(county), body),
    onSuccess: () => client.invalidateQueries({ queryKey: problemQueries.all(county) }),
  });
}

/** Takes a step on problem `id`; the answer replaces the cached problem, lists and the inbox reload. */
export function useProblemAction(county: string, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBody) => api.post<typeof ProblemDetailSchema>(`${base(county)}/${id}/actions`, body),
    onSuccess: (saved) => {
      client.setQueryData(problemQueries.detail(county, id).queryKey, saved);
      return Promise.all([
        client.invalidateQueries({ queryKey: problemQueries.lists(county) }),
        client.invalidateQueries({ queryKey: inboxQueries.all(county) }),
      ]);
    },
  });
}

/** My notifications in the county with the unread count (polled each minute while a problem page is open). */
export function useInbox(county: string, unread = false) {
  return useQuery({ ...inboxQueries.page(county, unread), refetchInterval: 60_000 });
}

/** Marks notifications read (the listed ids, or all). */
export function useReadInbox(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) => api.post(`/api/counties/${county}/inbox/read`, ids ? { ids } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxQueries.all(county) }),
  });
}
