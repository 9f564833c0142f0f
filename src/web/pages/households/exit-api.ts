/**
 * Exit workflow requests as TanStack Query hooks: a household's exits, the step actions (each answers the exit;
 * completing also changes the household, so its record is refreshed) and the 公示 board of a scope.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExitListItem as ExitListItemSchema,
  ExitListItemType,
  ExitListQueryType,
  HouseholdExit as HouseholdExitSchema,
  HouseholdExits,
  HouseholdExitType,
} from '../../../shared/schemas/exit.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions, usePagedList } from '../../api/paged-list.ts';
import { useLang } from '../../i18n/i18n.tsx';
import { householdQueries } from './household-api.ts';

export type HouseholdExit = HouseholdExitType;
export type ExitListItem = ExitListItemType;
export type ExitAction = 'start' | 'verify' | 'sign' | 'notice' | 'objection' | 'resolve' | 'complete' | 'withdraw';

const root = (county: string) => `/api/counties/${county}`;

/** The exit area's queries; every step reloads `all` (a household's exits and the boards). */
export const exitQueries = {
  all: (county: string) => ['exits', county] as const,
  /** A household's exits carry labels in the request's language: the key holds it. */
  household: (county: string, householdId: number, lang: string) =>
    queryOptions({
      queryKey: [...exitQueries.all(county), 'household', householdId, lang] as const,
      queryFn: () => api.get<typeof HouseholdExits>(`${root(county)}/households/${householdId}/exits`),
    }),
  list: (county: string, query: ExitListQueryType) =>
    pagedListOptions<typeof ExitListItemSchema>(
      [...exitQueries.all(county), 'list', query],
      `${root(county)}/exits`,
      query,
    ),
};

export function useHouseholdExits(county: string, householdId: number) {
  const { lang } = useLang();
  return useQuery(exitQueries.household(county, householdId, lang));
}

/** Where an action posts to. */
function actionUrl(county: string, householdId: number, action: ExitAction, exitId?: number, objectionId?: number) {
  if (action === 'start') return `${root(county)}/households/${householdId}/exits`;
  const exit = `${root(county)}/exits/${exitId}`;
  if (action === 'objection') return `${exit}/objections`;
  if (action === 'resolve') return `${exit}/objections/${objectionId}/resolve`;
  return `${exit}/${action}`;
}

/** One step of the workflow; afterwards the household's exits, its record and the boards are read again. */
export function useExitAction(
  county: string,
  householdId: number,
  action: ExitAction,
  exitId?: number,
  objectionId?: number,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<typeof HouseholdExitSchema>(actionUrl(county, householdId, action, exitId, objectionId), body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: exitQueries.all(county) });
      if (action === 'complete') void client.invalidateQueries({ queryKey: householdQueries.all(county) });
    },
  });
}

/** One page of the county's exits (the notice board); the previous page stays on screen while the next loads. */
export function useExitList(county: string, query: ExitListQueryType) {
  return usePagedList(exitQueries.list(county, query));
}
