/**
 * Sends the waiting help records, oldest first. A record leaves the device only after the server answered
 * 200/201 for it and for each of its photos; the record's client uuid makes resending safe (the server returns
 * the stored record instead of storing it again). Network failures and 5xx stop the round and are retried with
 * backoff; a refusal (4xx) is kept with the server's message for the user to see.
 */
import { listQueued, putQueued, type QueuedRecord, removeQueued } from './offline-store.ts';

/** The result of one round. */
export interface FlushResult {
  sent: number;
  /** Whether a network or server failure stopped the round (retry later). */
  retry: boolean;
}

function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)lianxin_csrf=([^;]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
}

/** A failure worth retrying: no answer, a server error, a timeout or rate limit. */
const transient = (status: number) => status >= 500 || status === 408 || status === 429 || status === 401;

/** Sends one record and its photos; true when the server has all of it, false on a transient failure. */
async function sendOne(record: QueuedRecord): Promise<boolean> {
  const base = `/api/counties/${record.county}/help-records`;
  if (record.recordId === undefined) {
    const res = await postJson(base, { clientId: record.clientId, ...record.body });
    if (res.status !== 200 && res.status !== 201) {
      if (transient(res.status)) return false;
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      await putQueued({ ...record, attempts: record.attempts + 1, error: body.message ?? `HTTP ${res.status}` });
      return true;
    }
    record.recordId = ((await res.json()) as { id: number }).id;
    await putQueued(record);
  }
  while (record.photos.length > 0) {
    const res = await postJson(`${base}/${record.recordId}/photos`, record.photos[0]);
    if (res.status !== 201 && transient(res.status)) return false;
    // A refused photo (wrong type, too large) is dropped: the record itself is stored.
    record.photos = record.photos.slice(1);
    await putQueued(record);
  }
  await removeQueued(record.clientId);
  return true;
}

/** One round over the queue; refused records stay (with their error) and are not resent automatically. */
export async function flushQueue(): Promise<FlushResult> {
  let sent = 0;
  for (const record of await listQueued()) {
    if (record.error) continue;
    try {
      if (!(await sendOne(record))) return { sent, retry: true };
      sent += 1;
    } catch {
      return { sent, retry: true }; // offline: fetch rejects
    }
  }
  return { sent, retry: false };
}

/** The wait before retry `attempt` (1, 2, 4 … seconds, at most a minute). */
export function backoffMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6));
}
