/** The help-record API as the web pages use it: household choices, helpers, the timeline. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { PairedHouseholds } from '../../../shared/schemas/commitment.ts';
import type { PageOfSchema } from '../../../shared/schemas/common.ts';
import type { HelpChoices, TimelinePage } from '../../../shared/schemas/help-record.ts';
import type { HouseholdListItem } from '../../../shared/schemas/household.ts';
import { api } from '../../api/client.ts';
import { businessToday } from '../../auth/business-clock.ts';
import type { Me } from '../../auth/session.tsx';

/** A household the form can record help for: the household list's id and head's name. */
export type HouseholdChoice = Pick<Static<typeof HouseholdListItem>, 'id' | 'headName'>;

/** The member a 'member'-only user is (their grants name it), or null for any other user. */
export function ownMemberId(me: Me | undefined): number | null {
  const grants = me?.grants ?? [];
  if (grants.length === 0 || grants.some((g) => g.role !== 'member')) return null;
  return grants.find((g) => g.memberId !== undefined)?.memberId ?? null;
}

/**
 * The help area's queries. The reads the offline form renders from (a member's households, a household's choices)
 * name in `meta.offlinePath` the API path the service worker keeps for them, so the form can check that each
 * one it holds is kept (use-offline-ready.ts).
 */
export const helpQueries = {
  all: (county: string) => ['help', county] as const,
  pairedAll: (county: string) => [...helpQueries.all(county), 'paired'] as const,
  paired: (county: string, memberId: number | null) => {
    const path = `/api/counties/${county}/commitments/members/${memberId}/households`;
    return queryOptions({
      queryKey: [...helpQueries.pairedAll(county), memberId] as const,
      queryFn: async () => {
        const body = await api.get<typeof PairedHouseholds>(path);
        return body.households.map((h): HouseholdChoice => ({ id: h.householdId, headName: h.headName }));
      },
      meta: { offlinePath: path },
    });
  },
  search: (county: string, scope: string, q: string) =>
    queryOptions({
      queryKey: [...helpQueries.all(county), 'search', scope, q] as const,
      queryFn: async () => {
        const body = await api.get<PageOfSchema<typeof HouseholdListItem>>(`/api/counties/${county}/households`, {
          within: scope,
          q: q || undefined,
          pageSize: 20,
        });
        return body.items.map((h) => ({ id: h.id, headName: h.headName }));
      },
    }),
  choicesAll: (county: string) => [...helpQueries.all(county), 'choices'] as const,
  /**
   * The form's choices for a household (head's name, open needs, current helpers) in one small read, which the
   * service worker keeps for offline use (src/web/sw/strategy.ts): the household record itself is never kept.
   */
  choices: (county: string, householdId: number) => {
    const path = `/api/counties/${county}/households/${householdId}/help-choices`;
    return queryOptions({
      queryKey: [...helpQueries.choicesAll(county), householdId] as const,
      queryFn: () => api.get<typeof HelpChoices>(path),
      meta: { offlinePath: path },
    });
  },
  timelineAll: (county: string) => [...helpQueries.all(county), 'timeline'] as const,
  /**
   * The household's newest `size` timeline entries (the card asks for 20 more at a time, up to the API's 100).
   * A plain query, not useInfiniteQuery: that would add its code to the shared query chunk of the first screen.
   */
  timeline: (county: string, householdId: number, size: number) =>
    queryOptions({
      queryKey: [...helpQueries.timelineAll(county), householdId, size] as const,
      queryFn: () =>
        api.get<typeof TimelinePage>(`/api/counties/${county}/households/${householdId}/timeline`, { pageSize: size }),
      placeholderData: (previous) => previous,
    }),
};

/** A member user's currently paired households: their only choices. */
export function usePairedHouseholds(county: string, memberId: number | null) {
  return useQuery({ ...helpQueries.paired(county, memberId), enabled: memberId !== null });
}

/** Households of the scope whose head's name contains `q` (any writer above a member). */
export function useHouseholdSearch(county: string, scope: string, q: string, enabled: boolean) {
  return useQuery({ ...helpQueries.search(county, scope, q), enabled });
}

/** The form's choices for a household, once one is picked. */
export function useHelpChoices(county: string, householdId: number | undefined) {
  return useQuery({
    ...helpQueries.choices(county, householdId ?? 0),
    enabled: householdId !== undefined && householdId > 0,
  });
}

/** The household's newest `size` timeline entries. */
export function useTimeline(county: string, householdId: number, size: number) {
  return useQuery(helpQueries.timeline(county, householdId, size));
}

/** A client uuid for a new record; crypto.randomUUID needs a secure context, which a LAN address over http is not. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Today as the server dates visits: its business date in China (the demo clock may set it years back). */
export function chinaToday(): string {
  return businessToday();
}
