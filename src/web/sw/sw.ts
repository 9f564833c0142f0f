/**
 * The service worker (/sw.js): lets a phone (re)open the help form with no signal. Built by the
 * `lianxin-service-worker` plugin in vite.config.ts, which replaces __PRECACHE__ (index.html and the hashed files
 * the shell and the help form need, taken from the bundle) and __BUILD__ (a hash of the build) at build time.
 * What is answered how: ./strategy.ts. Writes never pass through here: the form's IndexedDB queue sends them.
 */
import { API_CACHE, SHELL_CACHE_PREFIX, strategyFor } from './strategy.ts';

declare const __PRECACHE__: string[];
declare const __BUILD__: string;

// The DOM library has no worker types and cannot be mixed with the WebWorker one: the little used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${__BUILD__}`;

worker.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the HTTP cache so index.html is this build's, not a stale copy.
  const precache = async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll(__PRECACHE__.map((url) => new Request(url, { cache: 'reload' })));
  };
  // skipWaiting: a new build takes over at once instead of after every tab is closed (phones keep tabs for weeks),
  // so the next navigation or reload gets the new index.html and chunks. A page still running the old build loads
  // its not-yet-loaded lazy chunks from the HTTP cache or the server, as it did before there was a worker (a
  // deploy that removed them fails that load exactly as before; the page's error boundary offers the reload).
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  const cleanUp = async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
    }
    // Control the pages already open (the first visit too), so they work offline without a reload.
    await worker.clients.claim();
  };
  event.waitUntil(cleanUp());
});

async function navigation(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const page = await caches.match('/index.html', { cacheName: SHELL_CACHE });
    return page ?? Response.error();
  }
}

async function asset(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function apiRead(request: Request): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    return (await cache.match(request)) ?? Response.error();
  }
  // Signed out or the session expired: nothing of the last user may stay on the device.
  if (response.status === 401) await caches.delete(API_CACHE);
  else if (response.ok) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const strategy = strategyFor(request, worker.location.origin);
  if (strategy === 'navigation') event.respondWith(navigation(request));
  else if (strategy === 'asset') event.respondWith(asset(request));
  else if (strategy === 'api') event.respondWith(apiRead(request));
});
