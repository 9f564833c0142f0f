/**
 * Whether this phone can reopen the form without signal: a service worker controls the page (src/web/sw/) AND has
 * kept every read the form renders from. Control alone is not enough: reads made before the worker took over
 * never passed through it. On the natural path (sign in → menu → 记录帮扶) the session and the dictionaries were
 * read on the first screen, before the worker existed, and are not asked again on the form (the session is fresh
 * for a minute, the dictionaries for the page's life), so a reload without signal found no session and the shell
 * waited for ever. So the form checks the worker's cache and asks again (through the worker, which keeps them)
 * whatever is missing — on opening, and when a worker takes over — before it says it is ready for offline use.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ME_KEY } from '../../auth/session.tsx';
import { API_CACHE } from '../../sw/strategy.ts';

const controlled = () => 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;

/** The queries the form renders from, as react-query filters. */
const formReads = (county: string) => [
  { queryKey: ME_KEY },
  { queryKey: ['dictionaries'] },
  { queryKey: ['help', county, 'paired'] },
  { queryKey: ['help', county, 'choices'] },
];

/** The API paths the form needs kept: the session, the dictionaries and each household read it holds now. */
export function neededPaths(county: string, queryKeys: readonly (readonly unknown[])[]): string[] {
  const paths = ['/api/auth/me', '/api/dictionaries'];
  for (const key of queryKeys) {
    if (key[0] !== 'help' || key[1] !== county || key[3] === undefined || key[3] === null) continue;
    if (key[2] === 'paired') paths.push(`/api/counties/${county}/commitments/members/${key[3]}/households`);
    if (key[2] === 'choices') paths.push(`/api/counties/${county}/households/${key[3]}/help-choices`);
  }
  return paths;
}

/** Whether the worker's cache holds every read the form needs. */
async function allKept(client: QueryClient, county: string): Promise<boolean> {
  if (typeof caches === 'undefined' || !(await caches.has(API_CACHE))) return false;
  const cache = await caches.open(API_CACHE);
  const keys = client
    .getQueryCache()
    .findAll({ queryKey: ['help', county] })
    .filter((q) => q.state.data !== undefined)
    .map((q) => q.queryKey);
  const found = await Promise.all(neededPaths(county, keys).map((path) => cache.match(path)));
  return found.every((response) => response !== undefined);
}

export function useOfflineReady(county: string): boolean {
  const client = useQueryClient();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let live = true;
    const keep = async (askAgain: boolean) => {
      if (!controlled()) return;
      if (askAgain || !(await allKept(client, county))) {
        const again = formReads(county).map((filters) => client.refetchQueries(filters).catch(() => undefined));
        await Promise.all(again);
      }
      const kept = controlled() && (await allKept(client, county));
      if (live) setReady(kept);
    };
    // A worker taking over now: everything read so far went past it.
    const takenOver = () => void keep(true);
    navigator.serviceWorker.addEventListener('controllerchange', takenOver);
    void keep(false);
    // A worker that took over between the first render and this effect fired its event unheard: check once.
    void navigator.serviceWorker.ready.then(() => {
      if (live) void keep(false);
    });
    return () => {
      live = false;
      navigator.serviceWorker.removeEventListener('controllerchange', takenOver);
    };
  }, [client, county]);
  return ready;
}
