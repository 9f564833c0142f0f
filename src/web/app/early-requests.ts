/**
 * Requests the first screen needs, started before React and antd have even run. The entry imports this module
 * first and Vite keeps it in a chunk of its own (vite.config.ts), so it runs as soon as the entry's scripts are
 * downloaded: on the dashboard ("/") it starts the figures and the map of the scope in the URL, and the chunks of
 * ECharts, the page and its sections, in parallel (otherwise each waits for the one before it to run). The API client takes a started response instead of asking again (once, and
 * only if it was asked in the same language); everything else about the page is unchanged.
 * It imports only modules without dependencies, which share its chunk.
 */
import { acceptLanguage, storedLang } from '../i18n/stored-lang.ts';
import { scopeFromParam } from '../scope/scope-code.ts';

/** A started response is offered for this long; a later read asks the server again (the data may have moved on). */
const FRESH_MS = 10_000;
const started = new Map<string, { request: Promise<Response>; at: number }>();

function start(path: string): void {
  const language = acceptLanguage(storedLang());
  const request = fetch(path, { headers: { 'accept-language': language }, credentials: 'same-origin' });
  request.catch(() => {}); // a failure is reported by the page when it asks again
  started.set(`${language} ${path}`, { request, at: performance.now() });
}

/** The response of a GET started early for this path and language, once; otherwise undefined. */
export function takeEarlyResponse(path: string, language: string): Promise<Response> | undefined {
  const key = `${language} ${path}`;
  const entry = started.get(key);
  started.delete(key);
  return entry && performance.now() - entry.at < FRESH_MS ? entry.request : undefined;
}

// Every page inside the shell waits for the session (GET /api/auth/me) before it renders: ask at once. The login
// page and a plaque's public page (/p/…, opened by anyone's phone) are outside the shell and never ask.
if (location.pathname !== '/login' && !location.pathname.startsWith('/p/')) start('/api/auth/me');

if (location.pathname === '/') {
  const scope = scopeFromParam(new URLSearchParams(location.search).get('scope'));
  const county = scope.slice(0, 6);
  start(`/api/counties/${county}/dashboard?scope=${scope}`);
  start(`/api/counties/${county}/dashboard/map?scope=${scope}`);
  // In order of need, as HTTP/1.1 gives a page 6 connections: ECharts (the biggest) first; the units' table later.
  void import('../charts/echarts-setup.ts');
  void import('../pages/dashboard/dashboard-page.tsx');
  void import('../pages/dashboard/dashboard-sections.tsx');
}
