/** Whether the screen is phone-sized (≤ 768 px), kept in sync with the window through matchMedia. */
import { useSyncExternalStore } from 'react';

const PHONE_QUERY = '(max-width: 768px)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(PHONE_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** True on phones: lists become cards, the side menu becomes a drawer. */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
