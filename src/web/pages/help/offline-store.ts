/**
 * A small IndexedDB wrapper (no package): one object store of help records waiting to be sent, keyed by their
 * client uuid. IndexedDB survives reloads and a closed browser, so a record saved without signal is not lost.
 */

const DB_NAME = 'lianxin-offline';
const STORE = 'help-queue';

/** A photo waiting to be sent: base64 of the file and of the thumbnail drawn on a canvas. */
export interface QueuedPhoto {
  data: string;
  thumbnail: string;
  width: number;
  height: number;
}

/** A help record saved on the device, until the server has it (and its photos). */
export interface QueuedRecord {
  clientId: string;
  county: string;
  body: {
    householdId: number;
    memberId?: number;
    visitedOn: string;
    measure: string;
    needId?: number;
    solvedNeed?: boolean;
    content: string;
    lat?: number;
    lng?: number;
  };
  /** What the waiting list shows. */
  headName: string;
  photos: QueuedPhoto[];
  /** Set once the server stored the record: only the photos are left to send. */
  recordId?: number;
  savedAt: string;
  attempts: number;
  /** The server refused the record (422 …): kept, shown, never dropped silently. */
  error?: string;
}

let opened: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

/** Runs one request in a transaction of the store and resolves with its result once the transaction commits. */
async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = act(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Every waiting record, oldest first. */
export async function listQueued(): Promise<QueuedRecord[]> {
  const all = await run('readonly', (store) => store.getAll() as IDBRequest<QueuedRecord[]>);
  return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Saves (or replaces) a waiting record. */
export async function putQueued(record: QueuedRecord): Promise<void> {
  await run('readwrite', (store) => store.put(record));
}

/** Removes a record the server has fully received. */
export async function removeQueued(clientId: string): Promise<void> {
  await run('readwrite', (store) => store.delete(clientId));
}
