/**
 * Sends the waiting help records, oldest first: the records themselves in sync requests of up to 50 (one round
 * trip for a day's visits on a weak signal), then each record's photos. A record leaves the device only after
 * the server answered 200/201 for it and for each of its photos; the record's client uuid makes resending safe
 * (the server returns the stored record instead of storing it again). Network failures and 5xx stop the round
 * and are retried with backoff; a refusal (4xx) is kept with the server's message for the user to see.
 */
import { acceptLanguage, storedLang } from '../../i18n/stored-lang.ts';
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
    // The UI's language: a refusal's reason is kept and shown as the server worded it.
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': csrfToken(),
      'accept-language': acceptLanguage(storedLang()),
    },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
}

/** A failure worth retrying: no answer, a server error, a timeout or rate limit. */
const transient = (status: number) => status >= 500 || status === 408 || status === 429 || status === 401;

/** How many records one sync request carries (the server's limit). */
const SYNC_SLICE = 50;

/** The server's error body as the API sends it (message and the field problems, in the request's language). */
export interface ServerError {
  message?: string;
  details?: ReadonlyArray<{ path?: string; message?: string }>;
}

interface SyncAnswer {
  status: number;
  id?: number;
  error?: ServerError;
}

/**
 * Why the server refused a record, as the user reads it: its message and each field's problem (the message alone
 * is often the generic "提交的数据有误"; the field's says what to fix, e.g. the visit date lies after today).
 */
export function refusalReason(error: ServerError | undefined, status: number): string {
  const parts = [error?.message, ...(error?.details ?? []).map((d) => d.message)].filter(
    (text): text is string => typeof text === 'string' && text.trim() !== '',
  );
  const unique = [...new Set(parts)];
  return unique.length > 0 ? unique.join('；') : `HTTP ${status}`;
}

/**
 * Sends one county's records in one request; each stored one gets its recordId, each refused one its error.
 * When the request as a whole is refused (a record the server's schema rejects), each record is sent alone so
 * only the bad one carries the error. False on a transient failure (the rest waits for the next round).
 */
async function syncSlice(county: string, slice: QueuedRecord[]): Promise<boolean> {
  const res = await postJson(`/api/counties/${county}/help-records/batch`, {
    records: slice.map((r) => ({ clientId: r.clientId, ...r.body })),
  });
  if (res.status !== 200 && transient(res.status)) return false;
  if (res.status !== 200 && slice.length > 1) {
    for (const record of slice) if (!(await syncSlice(county, [record]))) return false;
    return true;
  }
  const body = (await res.json().catch(() => ({}))) as { results?: SyncAnswer[] } & ServerError;
  for (const [k, record] of slice.entries()) {
    const answer: SyncAnswer = body.results?.[k] ?? { status: res.status, error: body };
    if (answer.status === 200 || answer.status === 201) record.recordId = answer.id as number;
    else if (transient(answer.status)) continue;
    else record.error = refusalReason(answer.error, answer.status);
    record.attempts += 1;
    await putQueued(record);
  }
  return true;
}

/** Sends the records the server does not have yet, by county, up to SYNC_SLICE per request. */
async function syncRecords(records: QueuedRecord[]): Promise<boolean> {
  const byCounty = new Map<string, QueuedRecord[]>();
  for (const r of records) byCounty.set(r.county, [...(byCounty.get(r.county) ?? []), r]);
  for (const [county, group] of byCounty) {
    for (let i = 0; i < group.length; i += SYNC_SLICE) {
      if (!(await syncSlice(county, group.slice(i, i + SYNC_SLICE)))) return false;
    }
  }
  return true;
}

/** Sends a stored record's photos, then forgets it; true when the server has all of it. */
async function sendPhotos(record: QueuedRecord): Promise<boolean> {
  const base = `/api/counties/${record.county}/help-records`;
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
  try {
    const waiting = (await listQueued()).filter((r) => !r.error);
    const synced = await syncRecords(waiting.filter((r) => r.recordId === undefined));
    for (const record of waiting) {
      if (record.recordId === undefined) continue;
      if (!(await sendPhotos(record))) return { sent, retry: true };
      sent += 1;
    }
    return { sent, retry: !synced };
  } catch {
    return { sent, retry: true }; // offline: fetch rejects
  }
}

/** The wait before retry `attempt` (1, 2, 4 … seconds, at most a minute). */
export function backoffMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6));
}
