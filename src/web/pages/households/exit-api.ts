/**
 * Exit workflow requests as TanStack Query hooks: a household's exits, the step actions (each answers the exit;
 * completing also changes the household, so its record is refreshed) and the 公示 board of a scope.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ExitListItem as ExitListItemSchema,
  type ExitListItemType,
  type ExitListQueryType,
  HouseholdExit as HouseholdExitSchema,
  HouseholdExits,
  type HouseholdExitType,
} from '../../../shared/schemas/exit.ts';
import { api } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';
import { useLang } from '../../i18n/i18n.tsx';

export type HouseholdExit = HouseholdExitType;
export type ExitListItem = ExitListItemType;
export type ExitAction = 'start' | 'verify' | 'sign' | 'notice' | 'objection' | 'resolve' | 'complete' | 'withdraw';

const root = (county: string) => `/api/counties/${county}`;

export function useHouseholdExits(county: string, householdId: number) {
  const { lang } = useLang();
  return useQuery({
    queryKey: ['exits', county, 'household', householdId, lang],
    queryFn: () => api.get(`${root(county)}/households/${householdId}/exits`, HouseholdExits),
  });
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
      api.post(actionUrl(county, householdId, action, exitId, objectionId), body, HouseholdExitSchema),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['exits', county] });
      if (action === 'complete') void client.invalidateQueries({ queryKey: ['households', county] });
    },
  });
}

/** One page of the county's exits (the notice board); the previous page stays on screen while the next loads. */
export function useExitList(county: string, query: ExitListQueryType) {
  return usePagedList(['exits', county, 'list', query], `${root(county)}/exits`, ExitListItemSchema, query);
}
