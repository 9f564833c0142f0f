/**
 * The selected scope: an org unit (county, township, village or natural village) whose data every page shows.
 * It lives in the URL (`?scope=340822100`) so a view can be bookmarked and shared; the county is the scope's
 * first six digits.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { scopeFromParam } from './scope-code.ts';

export { DEFAULT_COUNTY } from './scope-code.ts';

export interface Scope {
  /** 6-digit county code (tenant). */
  county: string;
  /** The selected org unit's code (6, 9, 12 or 15 digits). */
  scope: string;
  setScope(code: string): void;
}

export function useScope(): Scope {
  const [params, setParams] = useSearchParams();
  const scope = scopeFromParam(params.get('scope'));
  const setScope = useCallback(
    (code: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('scope', code);
          next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return { county: scope.slice(0, 6), scope, setScope };
}
