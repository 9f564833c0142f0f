/**
 * Whether this phone can reopen the form without signal: a service worker controls the page (src/web/sw/) AND has
 * kept every read the form renders from. Control alone is not enough: reads made before the worker took over
 * never passed through it. On the natural path (sign in → menu → 记录帮扶) the session and the dictionaries were
 * read on the first screen, before the worker existed, and are not asked again on the form (the session is fresh
 * for a minute, the dictionaries for the page's life), so a reload without signal found no session and the shell
 * waited for ever. So the form checks the worker's cache and asks again (through the worker, which keeps them)
 * whatever is missing — on opening, and when a worker takes over — before it says it is ready for offline use.
 */
import { matchQuery, type QueryClient, type QueryFilters, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { dictionaryQueries } from '../../api/dictionary.ts';
import { ME_KEY } from '../../auth/session.tsx';
import { API_CACHE } from '../../sw/strategy.ts';
import { helpQueries } from './help-api.ts';

const controlled = () => 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;

/** The queries the form renders from, as react-query filters. */
const formReads = (county: string): QueryFilters[] => [
  { queryKey: ME_KEY },
  { queryKey: dictionaryQueries.all().queryKey },
  { queryKey: helpQueries.pairedAll(county) },
  { queryKey: helpQueries.choicesAll(county) },
];

/**
 * The API paths the form needs kept: the session, the dictionaries and each household read it holds now (the
 * help queries with data name their path in `meta.offlinePath`).
 */
function neededPaths(client: QueryClient, county: string): string[] {
  const held = client
    .getQueryCache()
    .findAll({ queryKey: helpQueries.all(county) })
    .filter((q) => q.state.data !== undefined)
    .map((q) => q.meta?.offlinePath)
    .filter((path): path is string => typeof path === 'string');
  return ['/api/auth/me', '/api/dictionaries', ...held];
}

/** Whether the worker's cache holds every read the form needs. */
async function allKept(client: QueryClient, county: string): Promise<boolean> {
  if (typeof caches === 'undefined' || !(await caches.has(API_CACHE))) return false;
  const cache = await caches.open(API_CACHE);
  const found = await Promise.all(neededPaths(client, county).map((path) => cache.match(path)));
  return found.every((response) => response !== undefined);
}

/** Whether one of the form's reads is on its way (it may be passing the worker, or not yet held by the form). */
const fetching = (client: QueryClient, county: string) => formReads(county).some((f) => client.isFetching(f) > 0);

export function useOfflineReady(county: string): boolean {
  const client = useQueryClient();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let live = true;
    // Only the latest check may set the answer: an older one can finish later with what it saw before.
    let latest = 0;
    const keep = async (askAgain: boolean) => {
      if (!controlled()) return;
      const run = ++latest;
      // A read on its way answers soon and checks again then; asking again now would only cancel it.
      if (!askAgain && fetching(client, county)) {
        if (live) setReady(false);
        return;
      }
      if (askAgain || !(await allKept(client, county))) {
        const again = formReads(county).map((filters) => client.refetchQueries(filters).catch(() => undefined));
        await Promise.all(again);
      }
      // A read still on its way is not ready: it may have started before the worker took over (a first fetch that
      // has not answered yet is not refetched above), and its answer will check again (below).
      const kept = controlled() && !fetching(client, county) && (await allKept(client, county));
      if (live && run === latest) setReady(kept);
    };
    // A worker taking over now: everything read so far went past it.
    const takenOver = () => void keep(true);
    navigator.serviceWorker.addEventListener('controllerchange', takenOver);
    // A read of the form answered (e.g. a household's choices fetched when the member's households arrived, or
    // one that was on its way when the worker took over): check that it is kept, and ask again through the
    // worker if it is not.
    const reads = formReads(county);
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      // Answers only: a failed read (no signal) asked again would fail again, for ever.
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (reads.some((filters) => matchQuery(filters, event.query))) void keep(false);
    });
    void keep(false);
    // A worker that took over between the first render and this effect fired its event unheard: check once.
    void navigator.serviceWorker.ready.then(() => {
      if (live) void keep(false);
    });
    return () => {
      live = false;
      unsubscribe();
      navigator.serviceWorker.removeEventListener('controllerchange', takenOver);
    };
  }, [client, county]);
  return ready;
}
