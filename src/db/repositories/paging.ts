/** Paging and sorting helpers shared by the list queries. */

export interface PageRequest {
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Limit and offset for a 1-based page (defaults: page 1, 20 rows). */
export function pageWindow(request: PageRequest): { page: number; pageSize: number; offset: number } {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Splits `-name` into ['name', 'desc'] and `name` into ['name', 'asc']. */
export function parseSort<F extends string>(sort: string | undefined, fallback: F): [F, 'asc' | 'desc'] {
  if (!sort) return [fallback, 'asc'];
  return sort.startsWith('-') ? [sort.slice(1) as F, 'desc'] : [sort as F, 'asc'];
}

/** Escapes LIKE wildcards in user input so a search for '50%' means the text '50%'. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
