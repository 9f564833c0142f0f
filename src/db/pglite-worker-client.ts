/**
 * Main-thread stand-in for a PGlite instance whose database lives in a worker thread (pglite-worker.ts).
 * It implements the part of PGlite's interface that Kysely's PGliteDialect uses (query, transaction,
 * ready, close), so the server gets Kysely's own PGlite driver while the WASM engine runs off the HTTP thread.
 */
import { Worker } from 'node:worker_threads';
import type { Results, Transaction } from '@electric-sql/pglite';
import type { SerializedDbError, WorkerReply, WorkerRequest } from './pglite-worker-protocol.ts';

/**
 * The worker's entry is TypeScript: register the tsx loader inside the worker first (Node 20 does not pass
 * a programmatic register() or `--import` on to worker threads), then load it.
 */
const WORKER_URL = new URL('./pglite-worker.ts', import.meta.url).href;
// Resolved here, not in the worker: an eval'd worker resolves bare names from the current directory.
const TSX_API = import.meta.resolve('tsx/esm/api');
const WORKER_BOOT = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })`;

type Pending = { resolve: (value: WorkerReply['result']) => void; reject: (error: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** Error raised on the main thread for a database error in the worker, keeping PostgreSQL's fields. */
export class WorkerDatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
  constructor(e: SerializedDbError) {
    super(e.message);
    Object.assign(this, e);
  }
}

export class PGliteWorkerClient {
  readonly waitReady: Promise<void>;
  ready = false;
  closed = false;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #nextTxId = 1;
  #exited = false;

  constructor(dataDir: string | undefined) {
    this.#worker = new Worker(WORKER_BOOT, { eval: true, workerData: { dataDir } });
    this.#worker.on('message', (reply: WorkerReply) => this.#settle(reply));
    this.#worker.on('error', (error) => this.#failAll(error));
    // A worker that died (PGlite aborted, out of memory) answers nothing more: fail what waits and what comes.
    this.#worker.on('exit', (code) => {
      this.#exited = true;
      this.#failAll(new Error(`the database worker exited (code ${code})`));
    });
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#pending.set(0, { resolve: () => resolve(), reject });
    }).then(() => {
      this.ready = true;
    });
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<Results<T>> {
    return this.#queryIn(undefined, sql, params);
  }

  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const txId = this.#nextTxId++;
    await this.#send({ op: 'begin', txId });
    const closed = this.#expect(-txId);
    const tx = {
      query: (sql: string, params: unknown[] = []) => this.#queryIn(txId, sql, params),
      rollback: async () => {
        throw new Error('rollback() is not supported through the worker; throw from the callback instead');
      },
      closed: false,
    } as unknown as Transaction;
    try {
      const result = await callback(tx);
      this.#post({ op: 'end', txId, commit: true });
      await closed;
      return result;
    } catch (error) {
      this.#post({ op: 'end', txId, commit: false });
      await closed.catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.#exited) await this.#send({ op: 'close' });
    await this.#worker.terminate();
  }

  async #queryIn<T>(txId: number | undefined, sql: string, params: unknown[]): Promise<Results<T>> {
    const result = await this.#send({ op: 'query', sql, params, txId });
    return { rows: (result?.rows ?? []) as T[], affectedRows: result?.affectedRows, fields: [] };
  }

  #send(request: Request): Promise<WorkerReply['result']> {
    if (this.#exited) return Promise.reject(new Error('the database worker is not running'));
    const id = this.#nextId++;
    const reply = this.#expect(id);
    this.#worker.postMessage({ ...request, id });
    return reply;
  }

  #post(request: Request): void {
    this.#worker.postMessage({ ...request, id: this.#nextId++ });
  }

  #expect(id: number): Promise<WorkerReply['result']> {
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  }

  #settle(reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.error) pending.reject(new WorkerDatabaseError(reply.error));
    else pending.resolve(reply.result);
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
