/**
 * Whether this phone can reopen the form without signal: a service worker controls the page (src/web/sw/). On the
 * very first visit the form's reads ran before the worker existed, so none was kept; when the worker takes over,
 * they are asked again (through it, which keeps them) before the form says it is ready for offline use.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ME_KEY } from '../../auth/session.tsx';

const controlled = () => 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;

export function useOfflineReady(county: string): boolean {
  const client = useQueryClient();
  const [ready, setReady] = useState(controlled);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const takenOver = async () => {
      // The choices of every household fetched so far too (a member's are prefetched, not on screen).
      const again = [
        { queryKey: ME_KEY, type: 'active' as const },
        { queryKey: ['dictionaries'], type: 'active' as const },
        { queryKey: ['help', county], type: 'active' as const },
        { queryKey: ['help', county, 'choices'], type: 'all' as const },
      ];
      await Promise.all(again.map((filters) => client.refetchQueries(filters).catch(() => undefined)));
      setReady(controlled());
    };
    let live = true;
    const listener = () => void (live && takenOver());
    navigator.serviceWorker.addEventListener('controllerchange', listener);
    // A worker that took over between the first render and this effect fired its event unheard: check once.
    void navigator.serviceWorker.ready.then(() => {
      if (live && controlled() && !ready) listener();
    });
    return () => {
      live = false;
      navigator.serviceWorker.removeEventListener('controllerchange', listener);
    };
  }, [client, county, ready]);
  return ready;
}
