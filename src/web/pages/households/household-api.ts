/**
 * Poor-household requests as TanStack Query hooks; types come from the shared schemas. The record and the exit
 * assessment carry messages in the request's language, so their cache keys include it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ExitAssessment as ExitAssessmentSchema,
  HouseholdCreateBody,
  HouseholdDetail as HouseholdDetailSchema,
  HouseholdListItem as HouseholdListItemSchema,
  HouseholdListQueryType,
  HouseholdPatchBody,
  PersonInputBody,
  PersonPatchBody,
} from '../../../shared/schemas/household.ts';
import { api } from '../../api/client.ts';
import { useLang } from '../../i18n/i18n.tsx';

export type HouseholdListItem = Static<typeof HouseholdListItemSchema>;
export type HouseholdDetail = Static<typeof HouseholdDetailSchema>;
export type ExitAssessment = Static<typeof ExitAssessmentSchema>;
export type Person = HouseholdDetail['persons'][number];
export type { HouseholdCreateBody, HouseholdListQueryType, HouseholdPatchBody, PersonInputBody, PersonPatchBody };

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const base = (county: string) => `/api/counties/${county}/households`;

export function useHouseholdList(county: string, query: HouseholdListQueryType) {
  return useQuery({
    queryKey: ['households', county, 'list', query],
    queryFn: () => api.get<Page<HouseholdListItem>>(base(county), query),
    placeholderData: keepPreviousData,
  });
}

const recordKey = (county: string, id: number, lang: string) => ['households', county, 'record', id, lang];

export function useHousehold(county: string, id: number) {
  const { lang } = useLang();
  return useQuery({
    queryKey: recordKey(county, id, lang),
    queryFn: () => api.get<HouseholdDetail>(`${base(county)}/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The exit test of the latest income year (skipped while the household has no income rows). */
export function useExitAssessment(county: string, id: number, enabled: boolean) {
  const { lang } = useLang();
  return useQuery({
    queryKey: ['households', county, 'exit', id, lang],
    queryFn: () => api.get<ExitAssessment>(`${base(county)}/${id}/exit-assessment`),
    enabled,
  });
}

/** After any change the answer is the full record: store it and refresh what depends on it. */
function useRecordUpdate(county: string) {
  const client = useQueryClient();
  const { lang } = useLang();
  return (record: HouseholdDetail) => {
    client.setQueryData(recordKey(county, record.id, lang), record);
    void client.invalidateQueries({ queryKey: ['households', county, 'exit', record.id] });
    void client.invalidateQueries({ queryKey: ['households', county, 'list'] });
  };
}

/** Registers (no id) or patches (id) a household. */
export function useSaveHousehold(county: string, id: number | undefined) {
  const onSuccess = useRecordUpdate(county);
  return useMutation({
    mutationFn: (body: HouseholdCreateBody | HouseholdPatchBody) =>
      id ? api.patch<HouseholdDetail>(`${base(county)}/${id}`, body) : api.post<HouseholdDetail>(base(county), body),
    onSuccess,
  });
}

/** Adds a person (no personId) or corrects one. */
export function useSavePerson(county: string, householdId: number, personId: number | undefined) {
  const onSuccess = useRecordUpdate(county);
  const url = `${base(county)}/${householdId}/persons`;
  return useMutation({
    mutationFn: (body: PersonInputBody | PersonPatchBody) =>
      personId ? api.patch<HouseholdDetail>(`${url}/${personId}`, body) : api.post<HouseholdDetail>(url, body),
    onSuccess,
  });
}
