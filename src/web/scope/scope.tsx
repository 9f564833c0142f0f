/**
 * The selected scope: an org unit (county, township, village or natural village) whose data every page shows.
 * It lives in the URL (`?scope=340822100`) so a view can be bookmarked and shared; the county is the scope's
 * first six digits.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { ME_KEY, type Me } from '../auth/session.tsx';
import { DEFAULT_COUNTY, scopeFromParam } from './scope-code.ts';

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
  // Without a scope in the URL: where the signed-in user's view begins (their first grant), else the demo county.
  const me = useQueryClient().getQueryData<Me>(ME_KEY);
  const home = me?.permissions['dashboard.read']?.[0] ?? me?.grants[0]?.orgCode ?? DEFAULT_COUNTY;
  const scope = scopeFromParam(params.get('scope'), home);
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
