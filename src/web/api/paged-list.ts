/** The one shape of a server-paged list request, shared by every area's list hook. */
import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
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
 * One page of the list at `path`, fetched with `query` as the URL query. The previous page stays on screen while
 * the next loads, so paging, sorting and filtering do not flash an empty table.
 */
export function usePagedList<T>(queryKey: QueryKey, path: string, query: ListQuery, enabled = true) {
  return useQuery({
    queryKey,
    queryFn: () => api.get<Page<T>>(path, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
