/**
 * How the service worker answers a request (pure, unit-tested). Only what the help form needs to open without
 * signal is cached; everything else goes to the network untouched, so no other API answer (ID numbers, phones,
 * incomes, health) ever lands in the device's cache, and writes (POST/PUT/PATCH/DELETE) are never intercepted:
 * the form's own IndexedDB queue sends them, retry-safe by the record's client id.
 */

export type Strategy =
  /** A page load: the network, else the cached index.html (the app routes itself). */
  | 'navigation'
  /** A hashed build file: the cache, else the network (the name changes whenever the content does). */
  | 'asset'
  /** A form-rendering API read: the network (then stored), else the stored answer. */
  | 'api'
  /** Not handled: the browser's own request. */
  | 'bypass';

/**
 * The API reads the help form renders from, and nothing else: the session (who, grants, CSRF token), the
 * dictionaries (measures, needs), a member's paired households (id and head's name) and the form's choices for one
 * household (head's name, open needs, current helpers). Never a household record, list or anything sensitive.
 */
export const OFFLINE_API: readonly RegExp[] = [
  /^\/api\/auth\/me$/,
  /^\/api\/dictionaries$/,
  /^\/api\/counties\/\d{6}\/commitments\/members\/\d+\/households$/,
  /^\/api\/counties\/\d{6}\/households\/\d+\/help-choices$/,
];

export interface RequestFacts {
  method: string;
  url: string;
  /** Request.mode: 'navigate' for a page load. */
  mode: string;
}

/** The strategy for a request seen by the worker of `origin`. */
export function strategyFor(request: RequestFacts, origin: string): Strategy {
  if (request.method !== 'GET') return 'bypass';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'bypass';
  // The path decides; the query string stays part of the cache key.
  if (OFFLINE_API.some((pattern) => pattern.test(url.pathname))) return 'api';
  // The server's own paths (/api, /docs) are never answered with the app, even when opened as a page.
  if (/^\/(api|docs|openapi\.json)(\/|$)/.test(url.pathname)) return 'bypass';
  if (request.mode === 'navigate') return 'navigation';
  if (url.pathname.startsWith('/assets/')) return 'asset';
  return 'bypass';
}

/** The API cache's name: not versioned by build, so a deploy does not empty a phone's offline data. */
export const API_CACHE = 'lianxin-api';
/** Prefix of the build's cache ('lianxin-shell-<build hash>'); older ones are deleted on activate. */
export const SHELL_CACHE_PREFIX = 'lianxin-shell-';
