/**
 * The one owner of an embedded PGlite database, run in a worker thread so the HTTP thread never blocks on it
 * (PGlite executes on the calling thread and does not yield; DESIGN.md §7). Messages in, results out; see
 * pglite-worker-client.ts for the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pgliteOptions } from './pglite-options.ts';
import type { WorkerReply, WorkerRequest } from './pglite-worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts must run in a worker thread');

const pg = await PGlite.create(pgliteOptions(workerData.dataDir as string | undefined));
/** Open transactions by id: each holds PGlite's transaction lock until the client commits or rolls back. */
const transactions = new Map<number, { tx: Transaction; finish: (commit: boolean) => void }>();

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

function serializeError(error: unknown): WorkerReply['error'] {
  const e = error as Record<string, unknown>;
  const fields = ['code', 'detail', 'constraint', 'table', 'column', 'schema', 'hint'] as const;
  const out: Record<string, unknown> = { message: String(e?.message ?? error) };
  for (const f of fields) if (e?.[f] !== undefined) out[f] = e[f];
  return out as unknown as WorkerReply['error'];
}

function beginTransaction(id: number, txId: number): void {
  let finish: (commit: boolean) => void = () => {};
  const done = new Promise<boolean>((resolve) => {
    finish = resolve;
  });
  pg.transaction(async (tx) => {
    transactions.set(txId, { tx, finish });
    reply({ id, result: { rows: [] } });
    if (!(await done)) await tx.rollback();
  })
    .then(() => reply({ id: -txId, result: { rows: [] } }))
    .catch((error) => reply({ id: -txId, error: serializeError(error) }));
}

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.op) {
    case 'query': {
      const target = req.txId ? transactions.get(req.txId)?.tx : pg;
      if (!target) throw new Error(`transaction ${req.txId} is not open`);
      const res = await target.query(req.sql, req.params, { rowMode: 'object' });
      reply({ id: req.id, result: { rows: res.rows as unknown[], affectedRows: res.affectedRows } });
      return;
    }
    case 'begin':
      beginTransaction(req.id, req.txId);
      return;
    case 'end': {
      const open = transactions.get(req.txId);
      transactions.delete(req.txId);
      open?.finish(req.commit);
      return; // the transaction's own promise replies with id -txId
    }
    case 'close':
      await pg.close();
      reply({ id: req.id, result: { rows: [] } });
      return;
  }
}

port.on('message', (req: WorkerRequest) => {
  handle(req).catch((error) => reply({ id: req.id, error: serializeError(error) }));
});
reply({ id: 0, result: { rows: [] } }); // ready
