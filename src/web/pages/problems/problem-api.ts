/** Problem requests (问题上报与逐级办理) and the notification inbox as TanStack Query hooks; types from the shared schemas. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { PageOf } from '../../../shared/schemas/common.ts';
import {
  InboxPage,
  OverdueBoard,
  type ProblemActionBody,
  ProblemDetail as ProblemDetailSchema,
  ProblemItem as ProblemItemSchema,
  type ProblemListQuery,
  type ProblemRaise,
} from '../../../shared/schemas/problem.ts';
import { api } from '../../api/client.ts';

export type ProblemItem = Static<typeof ProblemItemSchema>;
export type ProblemDetail = Static<typeof ProblemDetailSchema>;
export type ProblemQuery = Omit<Static<typeof ProblemListQuery>, 'sort'> & { sort?: string };
export type ProblemLevel = ProblemItem['level'];
export type ProblemStatus = ProblemItem['status'];
export type ActionBody = Static<typeof ProblemActionBody>;
export type Inbox = Static<typeof InboxPage>;

const base = (county: string) => `/api/counties/${county}/problems`;

/** One page of problems (an inbox of a level, a household's problems). */
export function useProblemList(county: string, query: ProblemQuery, enabled = true) {
  return useQuery({
    queryKey: ['problems', county, 'list', query],
    queryFn: () => api.get(base(county), PageOf(ProblemItemSchema), query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The overdue board of a scope. */
export function useOverdueBoard(county: string, query: ProblemQuery) {
  return useQuery({
    queryKey: ['problems', county, 'overdue', query],
    queryFn: () => api.get(`${base(county)}/overdue`, OverdueBoard, query),
    placeholderData: keepPreviousData,
  });
}

/** One problem with its trail and the caller's actions. */
export function useProblem(county: string, id: number) {
  return useQuery({
    queryKey: ['problems', county, 'detail', id],
    queryFn: () => api.get(`${base(county)}/${id}`, ProblemDetailSchema),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Raises a problem; lists reload. */
export function useRaiseProblem(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Static<typeof ProblemRaise>) => api.post(base(county), body, ProblemDetailSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['problems', county] }),
  });
}

/** Takes a step on problem `id`; the answer replaces the cached problem, lists and the inbox reload. */
export function useProblemAction(county: string, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBody) => api.post(`${base(county)}/${id}/actions`, body, ProblemDetailSchema),
    onSuccess: (saved) => {
      client.setQueryData(['problems', county, 'detail', id], saved);
      return Promise.all([
        client.invalidateQueries({ queryKey: ['problems', county], predicate: (q) => q.queryKey[2] !== 'detail' }),
        client.invalidateQueries({ queryKey: ['inbox', county] }),
      ]);
    },
  });
}

/** My notifications in the county with the unread count (polled each minute while a problem page is open). */
export function useInbox(county: string, unread = false) {
  return useQuery({
    queryKey: ['inbox', county, unread],
    queryFn: () => api.get(`/api/counties/${county}/inbox`, InboxPage, { unread, pageSize: 10 }),
    refetchInterval: 60_000,
  });
}

/** Marks notifications read (the listed ids, or all). */
export function useReadInbox(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) => api.post(`/api/counties/${county}/inbox/read`, ids ? { ids } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox', county] }),
  });
}
