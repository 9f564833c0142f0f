/** The one shape of a server-paged list request, shared by every area's list hook. */
import { keepPreviousData, type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Static, TSchema } from 'typebox';
import { PageOf } from '../../shared/schemas/common.ts';
import { api } from './client.ts';

/** One page of a list as every list endpoint answers it (`PageOf` in the shared schemas). */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

type ListQuery = Parameters<typeof api.get>[2];

/**
 * One page of the list at `path` whose rows the route declares as `item`, fetched with `query` as the URL query.
 * The previous page stays on screen while the next loads, so paging, sorting and filtering do not flash an empty
 * table.
 */
export function usePagedList<S extends TSchema>(
  queryKey: QueryKey,
  path: string,
  item: S,
  query: ListQuery,
  enabled = true,
): UseQueryResult<Page<Static<S>>> {
  return useQuery({
    queryKey,
    queryFn: (): Promise<Page<Static<S>>> => api.get(path, PageOf(item), query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
