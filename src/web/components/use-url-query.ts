/**
 * List state (search, filters, sort, page) kept in the URL query, so a reload, a bookmark or a shared link shows
 * the same list. Changing anything but the page goes back to page 1.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type UrlValue = string | number | boolean | null | undefined;

export function useUrlQuery<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const joined = keys.join(',');
  const values = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const key of joined.split(',') as K[]) out[key] = params.get(key) ?? undefined;
    return out;
  }, [params, joined]);

  const update = useCallback(
    (patch: Partial<Record<K | 'page' | 'pageSize', UrlValue>>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch) as [string, UrlValue][]) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  return { values, update };
}

/** A positive integer from the URL, or the fallback. */
export function intParam(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
