/** The one shape of a server-paged list request, shared by every area's list options and hooks. */
import { keepPreviousData, type QueryKey, queryOptions, useQuery } from '@tanstack/react-query';
import type { Static, TSchema } from 'typebox';
import type { PageOfSchema } from '../../shared/schemas/common.ts';
import { api } from './client.ts';

/** One page of a list as every list endpoint answers it (`PageOf` in the shared schemas). */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

type ListQuery = Parameters<typeof api.get>[1];

/** The options every paged list shares, for rows of type `T`. */
function listOptions<T>(queryKey: QueryKey, queryFn: () => Promise<Page<T>>) {
  return queryOptions({ queryKey, queryFn, placeholderData: keepPreviousData });
}

export type PagedListOptions<T> = ReturnType<typeof listOptions<T>>;

/**
 * The query options of one page of the list at `path` whose rows the route declares as schema `S`, fetched with
 * `query` as the URL query, under `queryKey` (from the area's query factory). The previous page stays on screen
 * while the next loads, so paging, sorting and filtering do not flash an empty table.
 */
export function pagedListOptions<S extends TSchema>(
  queryKey: QueryKey,
  path: string,
  query: ListQuery,
): PagedListOptions<Static<S>> {
  return listOptions(queryKey, (): Promise<Page<Static<S>>> => api.get<PageOfSchema<S>>(path, query));
}

/** One page of a list from its area's `pagedListOptions`; `enabled` false waits (e.g. for a choice). */
export function usePagedList<T>(options: PagedListOptions<T>, enabled = true) {
  return useQuery({ ...options, enabled });
}
