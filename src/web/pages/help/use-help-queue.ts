/**
 * The waiting help records as React state, and the sender's schedule: a round when the page opens, when the
 * browser comes back online, after each save, and after a failure with growing pauses.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { backoffMs, flushQueue } from './offline-sender.ts';
import { listQueued, putQueued, type QueuedRecord, removeQueued } from './offline-store.ts';

/**
 * Where a saved record is after the attempt to send it: on the server, refused by it (with its reason; the
 * record stays on the device to be fixed or discarded), or waiting on the device (no signal, server busy).
 */
export type SaveOutcome = { kind: 'stored' } | { kind: 'refused'; reason: string } | { kind: 'queued' };

/** The outcome for a record from what the device's queue holds after a send attempt (pure, unit-tested). */
export function outcomeOf(after: QueuedRecord | undefined): SaveOutcome {
  if (after === undefined || after.recordId !== undefined) return { kind: 'stored' };
  if (after.error !== undefined) return { kind: 'refused', reason: after.error };
  return { kind: 'queued' };
}

export interface HelpQueue {
  items: QueuedRecord[];
  sending: boolean;
  /** Saves a record on the device, tries to send it when online, and says where it is now. */
  save(record: QueuedRecord): Promise<SaveOutcome>;
  /** Forgets a record the server refused (the user chose not to fix it). */
  discard(clientId: string): Promise<void>;
  /** Tries to send now. */
  flush(): void;
}

export function useHelpQueue(onSent?: () => void): HelpQueue {
  const [items, setItems] = useState<QueuedRecord[]>([]);
  const [sending, setSending] = useState(false);
  const failures = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The round under way, if any: a save waits for it and then sends its own record. */
  const busy = useRef<Promise<void> | undefined>(undefined);
  const sentRef = useRef(onSent);
  sentRef.current = onSent;

  const refresh = useCallback(async () => setItems(await listQueued()), []);

  const flush = useCallback(async () => {
    if (busy.current) return busy.current;
    let done = () => {};
    busy.current = new Promise<void>((resolve) => (done = resolve));
    setSending(true);
    clearTimeout(timer.current);
    try {
      const result = await flushQueue();
      if (result.sent > 0) sentRef.current?.();
      failures.current = result.retry ? failures.current + 1 : 0;
      if (result.retry) timer.current = setTimeout(() => void flush(), backoffMs(failures.current));
    } finally {
      busy.current = undefined;
      done();
      setSending(false);
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    void refresh().then(() => flush());
    const online = () => {
      failures.current = 0;
      void flush();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
    };
  }, [refresh, flush]);

  const save = useCallback(
    async (record: QueuedRecord): Promise<SaveOutcome> => {
      await putQueued(record);
      await refresh();
      if (!navigator.onLine) return { kind: 'queued' };
      // A round already under way may have read the queue before this record was in it: then one more round.
      const roundUnderWay = busy.current !== undefined;
      await flush();
      if (roundUnderWay) await flush();
      const after = (await listQueued()).find((r) => r.clientId === record.clientId);
      return outcomeOf(after);
    },
    [refresh, flush],
  );

  const discard = useCallback(
    async (clientId: string) => {
      await removeQueued(clientId);
      await refresh();
    },
    [refresh],
  );

  return { items, sending, save, discard, flush: () => void flush() };
}
