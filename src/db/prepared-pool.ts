/**
 * A pg pool whose clients run every parameterised query as a named prepared statement, so PostgreSQL parses it
 * once per connection and, after a few runs, reuses a generic plan. Planning a three-table join costs ~0.8 ms
 * on this class of machine against ~0.4 ms to execute it; Kysely sends unnamed statements, re-planned each time.
 * Statements without parameters (DDL, VACUUM) pass through unchanged.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { CheckoutQueue } from './checkout-order.ts';

const names = new Map<string, string>();
const MAX_NAMES = 5_000;

/** A stable statement name for a SQL text (pg keeps one prepared statement per name and connection). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `lx_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

/** The client with named statements, whose release (once) also gives its place in the checkout queue back. */
function preparing(client: pg.PoolClient, leave: () => void): pg.PoolClient {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let released = false;
  const release = (error?: Error | boolean) => {
    if (!released) {
      released = true;
      leave();
    }
    return client.release(error);
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'release') return release;
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return (text: unknown, values?: unknown[]) =>
        typeof text === 'string' && Array.isArray(values) && values.length > 0
          ? query({ name: statementName(text), text, values })
          : query(text, values);
    },
  });
}

/** Clients that already carry the checked-out error listener (one per connection, whatever its uses). */
const guarded = new WeakSet<pg.PoolClient>();

/**
 * A connection the server closes while it is checked out (restart, failover, pg_terminate_backend) emits
 * 'error'; pg's pool listens only while a client is idle, and an 'error' event nobody listens to ends the
 * process. The query in flight rejects anyway (the request answers 503), and the pool discards the broken
 * client on release (pg-pool checks `_queryable`), so the listener only has to report it.
 */
function guard(client: pg.PoolClient): pg.PoolClient {
  if (!guarded.has(client)) {
    guarded.add(client);
    client.on('error', (error) => process.emitWarning(`PostgreSQL closed a connection in use: ${error.message}`));
  }
  return client;
}

/**
 * The part of a pg Pool that Kysely's PostgresDialect uses, with preparing, error-guarded clients handed out
 * oldest request first (checkout-order.ts; `size` is the pool's size, so pg's own first-come queue stays empty;
 * `timeoutMs` bounds the wait for a place as pg's `connectionTimeoutMillis` bounds the wait for a connection).
 * `onCheckout` runs before a client is handed out (it sets the application role, app-role.ts); if it fails the
 * client is discarded.
 */
export function preparedPool(
  pool: pg.Pool,
  onCheckout: (client: pg.PoolClient) => Promise<void> = async () => {},
  size = 10,
  timeoutMs = 0,
) {
  const queue = new CheckoutQueue(size, timeoutMs);
  // From the moment a new client has connected: pg-pool drops its own listener as it hands the client out, in the
  // same parse of the server's bytes, so a termination arriving right behind the connection's ReadyForQuery was
  // emitted before `connect()` below had returned the client (seen: 1 server exit in 6 runs of the fault test).
  pool.on('connect', (client) => guard(client));
  return {
    connect: async () => {
      await queue.enter();
      let client: pg.PoolClient;
      try {
        client = guard(await pool.connect());
      } catch (error) {
        queue.leave();
        throw error;
      }
      try {
        await onCheckout(client);
      } catch (error) {
        client.release(error as Error);
        queue.leave();
        throw error;
      }
      return preparing(client, () => queue.leave());
    },
    end: () => pool.end(),
  } as unknown as pg.Pool;
}
