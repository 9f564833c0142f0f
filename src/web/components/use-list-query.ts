/**
 * The URL state every scoped, paged list starts from: the county and scope, the page's own keys, and the page and
 * page size, so the pages only map their filters into the API query.
 */
import { useScope } from '../scope/scope.tsx';
import { intParam, type UrlValue, useUrlQuery } from './use-url-query.ts';

/** The page size the server uses when none is asked for; kept out of the URL. */
export const DEFAULT_PAGE_SIZE = 20;

/** What a paged list needs to show its page and sort and to change them. */
export interface ListPaging {
  page: number;
  pageSize: number;
  sort: string | undefined;
  update: (patch: { sort?: UrlValue; page?: UrlValue; pageSize?: UrlValue }) => void;
}

/**
 * Reads `keys` (plus `page` and `pageSize`) from the URL query. `base` is the part of the API query every list
 * shares (scope, search text, sort and paging; unset when the page has no such key, and unset values are not
 * sent); `paging` goes to `PagedList` / `ListPage` as it is.
 */
export function useListQuery<K extends string>(keys: readonly K[]) {
  const { county, scope } = useScope();
  const { values, update } = useUrlQuery([...keys, 'page', 'pageSize']);
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, DEFAULT_PAGE_SIZE);
  // not every list searches or sorts (feedback does neither); those that do name `q` and `sort` in `keys`
  const { q, sort } = values as Record<string, string | undefined>;
  // the list asks to sort only by a column with `sorter`, and only pages with a `sort` key have such columns
  const paging: ListPaging = { page, pageSize, sort, update: update as ListPaging['update'] };
  return { county, scope, values, update, base: { within: scope, q, sort, page, pageSize }, paging };
}
