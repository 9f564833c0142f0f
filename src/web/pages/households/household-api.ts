/**
 * Poor-household requests as TanStack Query hooks; types come from the shared schemas. The record and the exit
 * assessment carry messages in the request's language, so their cache keys include it.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ExitAssessment as ExitAssessmentSchema,
  HouseholdCreateBody,
  HouseholdDetail as HouseholdDetailSchema,
  HouseholdListItem as HouseholdListItemSchema,
  HouseholdListQueryType,
  HouseholdPatchBody,
  IncomeInputBody,
  NeedInputBody,
  NeedPatchBody,
  PersonInputBody,
  PersonPatchBody,
  StatusChange,
} from '../../../shared/schemas/household.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions, usePagedList } from '../../api/paged-list.ts';
import { useLang } from '../../i18n/i18n.tsx';

export type HouseholdListItem = Static<typeof HouseholdListItemSchema>;
export type HouseholdDetail = Static<typeof HouseholdDetailSchema>;
export type ExitAssessment = Static<typeof ExitAssessmentSchema>;
export type Person = HouseholdDetail['persons'][number];
export type StatusChangeBody = Static<typeof StatusChange>;
export type PersonRemovalBody = { removedOn: string; reason: string };
export type { HouseholdCreateBody, HouseholdListQueryType, HouseholdPatchBody, PersonInputBody, PersonPatchBody };

const base = (county: string) => `/api/counties/${county}/households`;

/**
 * The household area's queries. A record and its exit test carry labels in the request's language: their keys hold
 * it, and `exitTestAll` reloads a household's test in every language.
 */
export const householdQueries = {
  all: (county: string) => ['households', county] as const,
  lists: (county: string) => [...householdQueries.all(county), 'list'] as const,
  list: (county: string, query: HouseholdListQueryType) =>
    pagedListOptions<typeof HouseholdListItemSchema>([...householdQueries.lists(county), query], base(county), query),
  record: (county: string, id: number, lang: string) =>
    queryOptions({
      queryKey: [...householdQueries.all(county), 'record', id, lang] as const,
      queryFn: () => api.get<typeof HouseholdDetailSchema>(`${base(county)}/${id}`),
    }),
  exitTestAll: (county: string, id: number) => [...householdQueries.all(county), 'exit', id] as const,
  exitTest: (county: string, id: number, lang: string) =>
    queryOptions({
      queryKey: [...householdQueries.exitTestAll(county, id), lang] as const,
      queryFn: () => api.get<typeof ExitAssessmentSchema>(`${base(county)}/${id}/exit-assessment`),
    }),
};

/** One page of the household list; the previous page stays on screen while the next loads. */
export function useHouseholdList(county: string, query: HouseholdListQueryType) {
  return usePagedList(householdQueries.list(county, query));
}

export function useHousehold(county: string, id: number) {
  const { lang } = useLang();
  return useQuery({ ...householdQueries.record(county, id, lang), enabled: Number.isInteger(id) && id > 0 });
}

/** The exit test of the latest income year (skipped while the household has no income rows). */
export function useExitAssessment(county: string, id: number, enabled: boolean) {
  const { lang } = useLang();
  return useQuery({ ...householdQueries.exitTest(county, id, lang), enabled });
}

/** After any change the answer is the full record: store it and refresh what depends on it. */
function useRecordUpdate(county: string) {
  const client = useQueryClient();
  const { lang } = useLang();
  return (record: HouseholdDetail) => {
    client.setQueryData(householdQueries.record(county, record.id, lang).queryKey, record);
    void client.invalidateQueries({ queryKey: householdQueries.exitTestAll(county, record.id) });
    void client.invalidateQueries({ queryKey: householdQueries.lists(county) });
  };
}

/** Registers (no id) or patches (id) a household. */
export function useSaveHousehold(county: string, id: number | undefined) {
  const onSuccess = useRecordUpdate(county);
  return useMutation({
    mutationFn: (body: HouseholdCreateBody | HouseholdPatchBody) =>
      id
        ? api.patch<typeof HouseholdDetailSchema>(`${base(county)}/${id}`, body)
        : api.post<typeof HouseholdDetailSchema>(base(county), body),
    onSuccess,
  });
}

/** Adds a person (no personId) or corrects one. */
export function useSavePerson(county: string, householdId: number, personId: number | undefined) {
  const onSuccess = useRecordUpdate(county);
  const url = `${base(county)}/${householdId}/persons`;
  return useMutation({
    mutationFn: (body: PersonInputBody | PersonPatchBody) =>
      personId
        ? api.patch<typeof HouseholdDetailSchema>(`${url}/${personId}`, body)
        : api.post<typeof HouseholdDetailSchema>(url, body),
    onSuccess,
  });
}

/** A mutation of one part of the record whose answer is the full record (income, needs, status, removal). */
function useRecordMutation<B>(county: string, send: (body: B) => Promise<HouseholdDetail>) {
  const onSuccess = useRecordUpdate(county);
  return useMutation({ mutationFn: send, onSuccess });
}

/** Enters or corrects one year's income (PUT: the year's items are replaced). */
export function useSaveIncome(county: string, householdId: number) {
  return useRecordMutation(county, ({ year, ...body }: IncomeInputBody & { year: number }) =>
    api.put<typeof HouseholdDetailSchema>(`${base(county)}/${householdId}/income/${year}`, body),
  );
}

/** Records a need (no needId) or changes one (detail, status; closing dates it). */
export function useSaveNeed(county: string, householdId: number, needId: number | undefined) {
  const url = `${base(county)}/${householdId}/needs`;
  return useRecordMutation(county, (body: NeedInputBody | NeedPatchBody) =>
    needId
      ? api.patch<typeof HouseholdDetailSchema>(`${url}/${needId}`, body)
      : api.post<typeof HouseholdDetailSchema>(url, body),
  );
}

/** Records a decided status change; the server checks the transition and the exit test. */
export function useChangeStatus(county: string, householdId: number) {
  return useRecordMutation(county, (body: StatusChangeBody) =>
    api.post<typeof HouseholdDetailSchema>(`${base(county)}/${householdId}/status`, body),
  );
}

/** Removes a person (kept in the registry with the date and reason). */
export function useRemovePerson(county: string, householdId: number, personId: number) {
  return useRecordMutation(county, (body: PersonRemovalBody) =>
    api.delete<typeof HouseholdDetailSchema>(`${base(county)}/${householdId}/persons/${personId}`, body),
  );
}
