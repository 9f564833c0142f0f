/**
 * Links that keep the selected scope: the scope lives in `?scope=`, so a plain `<Link to="/members">` would
 * silently reset every page to the whole county.
 */
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';

/** A function turning an app path into the same path with the current `?scope=` (when one is chosen). */
export function useScopedHref(): (path: string) => string {
  const [params] = useSearchParams();
  const scope = params.get('scope');
  return (path) => {
    if (!scope) return path;
    return `${path}${path.includes('?') ? '&' : '?'}scope=${encodeURIComponent(scope)}`;
  };
}

/** `<Link>` to an app path, carrying the current scope. */
export function ScopedLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const href = useScopedHref();
  return (
    <Link to={href(to)} className={className}>
      {children}
    </Link>
  );
}
