/**
 * The signed-in user (GET /api/auth/me) for every page: who, their grants and where each permission applies.
 * Pages ask `can('household.write')` to show or hide actions; the server enforces the same rules regardless.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { Me as MeSchema } from '../../shared/schemas/access.ts';
import { api } from '../api/client.ts';
import { clearOfflineApiCache } from '../sw/register.ts';
import { syncBusinessClock } from './business-clock.ts';

/** The signed-in user as GET /api/auth/me answers it. */
export type Me = Static<typeof MeSchema>;

export const ME_KEY = ['auth', 'me'];

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      const me = await api.get<typeof MeSchema>('/api/auth/me');
      syncBusinessClock(me.now);
      return me;
    },
    staleTime: 60_000,
    // Nothing inside the shell renders without the session. A failed read (no signal and nothing kept, the server
    // down) is asked again every few seconds, so the page recovers by itself when the signal returns — a phone
    // that lost signal without going "offline" never fires the browser's online event.
    refetchInterval: (query) => (query.state.status === 'error' ? 5_000 : false),
  });
}

/** Whether the user holds `permission` anywhere (or at/under `code` when given). */
export function useCan(): (permission: string, code?: string) => boolean {
  const me = useMe().data;
  return (permission, code) => {
    const roots = me?.permissions[permission] ?? [];
    return code === undefined ? roots.length > 0 : roots.some((r) => code.startsWith(r) || r.startsWith(code));
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return async (everywhere = false) => {
    await api.post(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', {});
    client.clear();
    await clearOfflineApiCache(); // the next user of this phone must not find this one's reads offline
    window.location.assign('/login');
  };
}
