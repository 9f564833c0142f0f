/**
 * Party group activity requests (组织生活) as TanStack Query hooks; types come from the shared schemas. Routes
 * on a group or an activity take the page's scope as `within` (the server narrows it to the caller's).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ActivityDetail as ActivityDetailSchema,
  ActivityItem,
  ActivityRules as ActivityRulesSchema,
  CompliancePage as CompliancePageSchema,
  GroupPlan as GroupPlanSchema,
  MyActivities as MyActivitiesSchema,
  SignInDone as SignInDoneSchema,
  SignInPreview as SignInPreviewSchema,
  SignInWindow as SignInWindowSchema,
} from '../../../shared/schemas/party-activity.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions } from '../../api/paged-list.ts';

export type ActivityDetail = Static<typeof ActivityDetailSchema>;
export type ActivityRow = Static<typeof ActivityItem>;
export type GroupPlan = Static<typeof GroupPlanSchema>;
export type ComplianceRow = Static<typeof CompliancePageSchema>['items'][number];
export type ActivityRules = Static<typeof ActivityRulesSchema>;
export type RuleItem = ActivityRules['rules'][number];
export type SignInWindow = Static<typeof SignInWindowSchema>;
export type MyActivities = Static<typeof MyActivitiesSchema>;
export type AttendanceMark = {
  memberId: number;
  status: 'present' | 'excused' | 'absent';
  reason?: string;
  remote?: boolean;
};

const base = (county: string) => `/api/counties/${county}/party-activities`;
const scoped = (path: string, within: string) => `${path}?within=${within}`;
type ListQuery = Parameters<typeof api.get>[1];

/** The area's queries: a write reloads `all`. */
export const activityQueries = {
  all: (county: string) => ['party-activities', county] as const,
  list: (county: string, query: ListQuery) =>
    pagedListOptions<typeof ActivityItem>([...activityQueries.all(county), 'list', query], base(county), query),
  compliance: (county: string, query: ListQuery) =>
    queryOptions({
      queryKey: [...activityQueries.all(county), 'compliance', query] as const,
      queryFn: () => api.get<typeof CompliancePageSchema>(`${base(county)}/compliance`, query),
    }),
  plan: (county: string, within: string, groupId: number, year: number) =>
    queryOptions({
      queryKey: [...activityQueries.all(county), 'plan', within, groupId, year] as const,
      queryFn: () => api.get<typeof GroupPlanSchema>(`${base(county)}/plan`, { within, groupId, year }),
    }),
  detail: (county: string, within: string, id: number) =>
    queryOptions({
      queryKey: [...activityQueries.all(county), 'detail', within, id] as const,
      queryFn: () => api.get<typeof ActivityDetailSchema>(`${base(county)}/${id}`, { within }),
    }),
  rules: (county: string) =>
    queryOptions({
      queryKey: [...activityQueries.all(county), 'rules'] as const,
      queryFn: () => api.get<typeof ActivityRulesSchema>(`${base(county)}/rules`),
    }),
  mine: (county: string) =>
    queryOptions({
      queryKey: [...activityQueries.all(county), 'mine'] as const,
      queryFn: () => api.get<typeof MyActivitiesSchema>(`${base(county)}/mine`),
    }),
  signIn: (county: string, id: number, token: string) =>
    queryOptions({
      queryKey: [...activityQueries.all(county), 'sign-in', id, token] as const,
      queryFn: () => api.get<typeof SignInPreviewSchema>(`${base(county)}/${id}/sign-in`, { token }),
      retry: false,
    }),
};

export const useGroupPlan = (county: string, within: string, groupId: number, year: number) =>
  useQuery({ ...activityQueries.plan(county, within, groupId, year), enabled: groupId > 0 });
export const useActivity = (county: string, within: string, id: number) =>
  useQuery({ ...activityQueries.detail(county, within, id), enabled: Number.isInteger(id) && id > 0 });
export const useCompliance = (county: string, query: ListQuery) => useQuery(activityQueries.compliance(county, query));
export const useActivityRules = (county: string) => useQuery(activityQueries.rules(county));
export const useMyActivities = (county: string) => useQuery(activityQueries.mine(county));

export type ActivityChange =
  | { kind: 'create'; body: Record<string, unknown> }
  | { kind: 'edit'; body: Record<string, unknown> }
  | { kind: 'hold'; body: { heldOn: string; topic: string; content?: string; place?: string } }
  | { kind: 'cancel'; body: { reason: string } }
  | { kind: 'attendance'; body: { marks: AttendanceMark[] } }
  | { kind: 'photo'; body: { data: string; thumbnail: string; width?: number; height?: number } };

function send(county: string, within: string, id: number, change: ActivityChange): Promise<ActivityDetail> {
  const one = `${base(county)}/${id}`;
  switch (change.kind) {
    case 'create':
      return api.post<typeof ActivityDetailSchema>(scoped(base(county), within), change.body);
    case 'edit':
      return api.put<typeof ActivityDetailSchema>(scoped(one, within), change.body);
    case 'hold':
      return api.post<typeof ActivityDetailSchema>(scoped(`${one}/hold`, within), change.body);
    case 'cancel':
      return api.post<typeof ActivityDetailSchema>(scoped(`${one}/cancel`, within), change.body);
    case 'attendance':
      return api.put<typeof ActivityDetailSchema>(scoped(`${one}/attendance`, within), change.body);
    case 'photo':
      return api.post<typeof ActivityDetailSchema>(scoped(`${one}/photos`, within), change.body);
  }
}

/** Saves a change of activity `id` (0 to create); the answer replaces the cached activity, lists read again. */
export function useChangeActivity(county: string, within: string, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ActivityChange) => send(county, within, id, change),
    onSuccess: (activity) => {
      client.setQueryData(activityQueries.detail(county, within, activity.id).queryKey, activity);
      return client.invalidateQueries({ queryKey: activityQueries.all(county), exact: false });
    },
  });
}

/** Opens (a new QR code) or closes the activity's QR sign-in. */
export function useSignInWindow(county: string, within: string, id: number) {
  return useMutation({
    mutationFn: (body: { open: boolean; minutes?: number }) =>
      api.put<typeof SignInWindowSchema>(scoped(`${base(county)}/${id}/sign-in-window`, within), body),
  });
}

/** A member signs in by the scanned token. */
export function useSignIn(county: string, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; remote?: boolean }) =>
      api.post<typeof SignInDoneSchema>(`${base(county)}/${id}/sign-in`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: activityQueries.all(county) }),
  });
}

/** Saves the county's rules. */
export function useSaveRules(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: RuleItem[]) => api.put<typeof ActivityRulesSchema>(`${base(county)}/rules`, { rules }),
    onSuccess: (rules) => client.setQueryData(activityQueries.rules(county).queryKey, rules),
  });
}

/** The photo (or thumbnail) address of an activity, for an <img>. */
export const photoSrc = (county: string, within: string, id: number, photoId: number, thumbnail: boolean) =>
  `${base(county)}/${id}/photos/${photoId}${thumbnail ? '/thumbnail' : ''}?within=${within}`;
