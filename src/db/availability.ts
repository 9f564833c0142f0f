/**
 * Tells a database that cannot be reached apart from a query that failed: the first answers 503 (retry later),
 * the second stays a 500 or a constraint refusal. Both backends: pg's socket errors and PostgreSQL's
 * connection-class SQLSTATEs, and the PGlite worker gone.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** Runs `select 1`: resolves when the database answers, rejects with its error otherwise. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Socket errors pg raises when the server refuses, drops or never answers a connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE']);

/**
 * SQLSTATEs meaning "not now": class 08 (connection exception), 57P01–57P03 (shut down by an administrator,
 * crash shutdown, cannot connect now: starting up or in recovery) and 53300 (too many connections).
 */
const UNAVAILABLE_STATES = /^(08\d{3}|57P0[1-3]|53300)$/;

/** Messages pg and the pool use when a connection ends or cannot be made (they carry no code). */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|database worker (exited|is not running)/i;

/** Whether `error` means the database is unreachable right now, rather than that the query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; errors?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || UNAVAILABLE_STATES.test(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  // Node reports a refused dual-stack connect (localhost → ::1 and 127.0.0.1) as an AggregateError.
  return Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable);
}
