/**
 * Poor-household requests as TanStack Query hooks; types come from the shared schemas. The record and the exit
 * assessment carry messages in the request's language, so their cache keys include it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import {
  ExitAssessment as ExitAssessmentSchema,
  type HouseholdCreateBody,
  HouseholdDetail as HouseholdDetailSchema,
  HouseholdListItem as HouseholdListItemSchema,
  type HouseholdListQueryType,
  type HouseholdPatchBody,
  type IncomeInputBody,
  type NeedInputBody,
  type NeedPatchBody,
  type PersonInputBody,
  type PersonPatchBody,
  type StatusChange,
} from '../../../shared/schemas/household.ts';
import { api } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';
import { useLang } from '../../i18n/i18n.tsx';

export type HouseholdListItem = Static<typeof HouseholdListItemSchema>;
export type HouseholdDetail = Static<typeof HouseholdDetailSchema>;
export type ExitAssessment = Static<typeof ExitAssessmentSchema>;
export type Person = HouseholdDetail['persons'][number];
export type StatusChangeBody = Static<typeof StatusChange>;
export type PersonRemovalBody = { removedOn: string; reason: string };
export type { HouseholdCreateBody, HouseholdListQueryType, HouseholdPatchBody, PersonInputBody, PersonPatchBody };

const base = (county: string) => `/api/counties/${county}/households`;

/** One page of the household list; the previous page stays on screen while the next loads. */
export function useHouseholdList(county: string, query: HouseholdListQueryType) {
  return usePagedList(['households', county, 'list', query], base(county), HouseholdListItemSchema, query);
}

const recordKey = (county: string, id: number, lang: string) => ['households', county, 'record', id, lang];

export function useHousehold(county: string, id: number) {
  const { lang } = useLang();
  return useQuery({
    queryKey: recordKey(county, id, lang),
    queryFn: () => api.get(`${base(county)}/${id}`, HouseholdDetailSchema),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The exit test of the latest income year (skipped while the household has no income rows). */
export function useExitAssessment(county: string, id: number, enabled: boolean) {
  const { lang } = useLang();
  return useQuery({
    queryKey: ['households', county, 'exit', id, lang],
    queryFn: () => api.get(`${base(county)}/${id}/exit-assessment`, ExitAssessmentSchema),
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
      id
        ? api.patch(`${base(county)}/${id}`, body, HouseholdDetailSchema)
        : api.post(base(county), body, HouseholdDetailSchema),
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
        ? api.patch(`${url}/${personId}`, body, HouseholdDetailSchema)
        : api.post(url, body, HouseholdDetailSchema),
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
    api.put(`${base(county)}/${householdId}/income/${year}`, body, HouseholdDetailSchema),
  );
}

/** Records a need (no needId) or changes one (detail, status; closing dates it). */
export function useSaveNeed(county: string, householdId: number, needId: number | undefined) {
  const url = `${base(county)}/${householdId}/needs`;
  return useRecordMutation(county, (body: NeedInputBody | NeedPatchBody) =>
    needId ? api.patch(`${url}/${needId}`, body, HouseholdDetailSchema) : api.post(url, body, HouseholdDetailSchema),
  );
}

/** Records a decided status change; the server checks the transition and the exit test. */
export function useChangeStatus(county: string, householdId: number) {
  return useRecordMutation(county, (body: StatusChangeBody) =>
    api.post(`${base(county)}/${householdId}/status`, body, HouseholdDetailSchema),
  );
}

/** Removes a person (kept in the registry with the date and reason). */
export function useRemovePerson(county: string, householdId: number, personId: number) {
  return useRecordMutation(county, (body: PersonRemovalBody) =>
    api.delete(`${base(county)}/${householdId}/persons/${personId}`, body, HouseholdDetailSchema),
  );
}
