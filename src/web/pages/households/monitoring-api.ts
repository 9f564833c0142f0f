/**
 * Monitoring-case requests of the household page: open a case, set its resolved risks, read the clearance check
 * and clear. Each write reloads the household record (its `monitoringCases`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { ClearCheck, MonitoringCaseResult, OpenCaseBody } from '../../../shared/schemas/monitoring.ts';
import { api } from '../../api/client.ts';
import { useLang } from '../../i18n/i18n.tsx';
import { householdQueries } from './household-api.ts';

export type OpenCase = Static<typeof OpenCaseBody>;
export type ClearCheckBody = Static<typeof ClearCheck>;

const cases = (county: string) => `/api/counties/${county}/monitoring-cases`;

/** After a case write the record changes: reload it (every language) and the lists. */
function useReload(county: string, _householdId: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: householdQueries.all(county) });
    void client.invalidateQueries({ queryKey: ['monitoring-clearance', county] });
  };
}

export function useOpenCase(county: string, householdId: number) {
  const onSuccess = useReload(county, householdId);
  return useMutation({
    mutationFn: (body: OpenCase) =>
      api.post<typeof MonitoringCaseResult>(`/api/counties/${county}/households/${householdId}/monitoring-cases`, body),
    onSuccess,
  });
}

export function useResolveRisks(county: string, householdId: number, caseId: number) {
  const onSuccess = useReload(county, householdId);
  return useMutation({
    mutationFn: (resolved: string[]) =>
      api.put<typeof MonitoringCaseResult>(`${cases(county)}/${caseId}/resolved-risks`, { resolved }),
    onSuccess,
  });
}

export function useClearCase(county: string, householdId: number, caseId: number) {
  const onSuccess = useReload(county, householdId);
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<typeof MonitoringCaseResult>(`${cases(county)}/${caseId}/clear`, { reason }),
    onSuccess,
  });
}

/** The clearance criteria of an open case as they stand, in the UI language. */
export function useClearance(county: string, caseId: number, enabled: boolean) {
  const { lang } = useLang();
  return useQuery({
    queryKey: ['monitoring-clearance', county, caseId, lang],
    queryFn: () => api.get<typeof ClearCheck>(`${cases(county)}/${caseId}/clearance`),
    enabled,
  });
}
