/**
 * Registers the service worker (./sw.ts, served as /sw.js) in production builds only, once the page has loaded
 * and the browser is idle: the worker's own download and its precache then never compete with the first screen.
 * The dev server has no /sw.js (and a worker would cache Vite's modules).
 */
import { API_CACHE } from './strategy.ts';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No worker (private mode, old browser, plain http on a LAN address): the app works online as before.
    });
  };
  // At most 3 s of waiting: a page kept busy (a slow phone, a spinner) may never be idle.
  const whenIdle = () =>
    window.requestIdleCallback ? window.requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

/** Forgets the cached API reads (signing out, or a 401): the next user of the phone must not see them. */
export async function clearOfflineApiCache(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}
