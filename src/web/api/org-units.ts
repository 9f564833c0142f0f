/**
 * The org tree as the web reads it: one unit by code, and the children of a unit (every page of them, since a
 * township can have more villages than one API page holds).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { PageOfSchema } from '../../shared/schemas/common.ts';
import type { OrgUnit as OrgUnitSchema } from '../../shared/schemas/org-unit.ts';
import { api } from './client.ts';

export type OrgUnit = Static<typeof OrgUnitSchema>;
export type OrgLevel = OrgUnit['level'];

type OrgUnitPage = PageOfSchema<typeof OrgUnitSchema>;

const PAGE_SIZE = 100; // the API's maximum

/** All direct children of `parent`, in code order. */
export async function fetchOrgChildren(county: string, parent: string): Promise<OrgUnit[]> {
  const units: OrgUnit[] = [];
  for (let page = 1; ; page++) {
    const result = await api.get<OrgUnitPage>(`/api/counties/${county}/org-units`, {
      parent,
      sort: 'code',
      page,
      pageSize: PAGE_SIZE,
    });
    units.push(...result.items);
    if (units.length >= result.total || result.items.length === 0) return units;
  }
}

/** The org tree's queries: a unit's children are shared by every tree, so each level is fetched once. */
export const orgUnitQueries = {
  all: (county: string) => ['org-units', county] as const,
  children: (county: string, parent: string) =>
    queryOptions({
      queryKey: [...orgUnitQueries.all(county), 'children', parent] as const,
      queryFn: () => fetchOrgChildren(county, parent),
    }),
  unit: (county: string, code: string | undefined) =>
    queryOptions({
      queryKey: [...orgUnitQueries.all(county), 'unit', code] as const,
      queryFn: () => api.get<typeof OrgUnitSchema>(`/api/counties/${county}/org-units/${code}`),
      staleTime: 5 * 60_000,
    }),
};

/** One org unit (name, level, path) by code; disabled while `code` is empty. */
export function useOrgUnit(county: string, code: string | undefined) {
  return useQuery({ ...orgUnitQueries.unit(county, code), enabled: Boolean(code) });
}

/** Codes of the units above a unit, county first, from its dotted `path`. */
export function ancestorCodes(path: string): string[] {
  return path.split('.').slice(0, -1);
}

/** Units of the whole county whose name contains `q` (the server searches every level, loaded or not). */
export async function searchOrgUnits(county: string, q: string, limit = 20): Promise<OrgUnit[]> {
  const result = await api.get<OrgUnitPage>(`/api/counties/${county}/org-units`, {
    q,
    sort: 'code',
    pageSize: limit,
  });
  return result.items;
}
