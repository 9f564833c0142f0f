/** The one shape of a server-paged list request, shared by every area's list options and hooks. */
import { keepPreviousData, type QueryKey, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

/** One page of a list as every list endpoint answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type ListQuery = Parameters<typeof api.get>[1];

/**
 * The query options of one page of the list at `path`, fetched with `query` as the URL query, under `queryKey`
 * (from the area's query factory). The previous page stays on screen while the next loads, so paging, sorting and
 * filtering do not flash an empty table.
 */
export function pagedListOptions<T>(queryKey: QueryKey, path: string, query: ListQuery) {
  return queryOptions({
    queryKey,
    queryFn: () => api.get<Page<T>>(path, query),
    placeholderData: keepPreviousData,
  });
}

/** One page of a list from its area's `pagedListOptions`; `enabled` false waits (e.g. for a choice). */
export function usePagedList<T>(options: ReturnType<typeof pagedListOptions<T>>, enabled = true) {
  return useQuery({ ...options, enabled });
}
