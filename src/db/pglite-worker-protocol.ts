/** Messages between the HTTP thread (pglite-worker-client.ts) and the database thread (pglite-worker.ts). */
export type WorkerRequest =
  | { op: 'query'; id: number; sql: string; params: unknown[]; txId?: number }
  | { op: 'begin'; id: number; txId: number }
  | { op: 'end'; id: number; txId: number; commit: boolean }
  | { op: 'close'; id: number };

/** A database error carried across the thread boundary with the fields we map to API errors. */
export interface SerializedDbError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** Reply to request `id`; id 0 announces readiness, a negative id closes transaction -id. */
export interface WorkerReply {
  id: number;
  result?: { rows: unknown[]; affectedRows?: number };
  error?: SerializedDbError;
}
