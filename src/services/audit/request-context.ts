/**
 * Who is acting, from where, in which request: set by the HTTP access plugin for each request (AsyncLocalStorage
 * entered in onRequest), read by `audit()` inside the services' transactions, so the services need no extra
 * parameter. Outside a request (CLI, seed) the actor is the system.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  actorId: number | null;
  actor: string;
  ip: string | null;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a fresh context (mutable: the access plugin fills in the actor once the session is known). */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current context, or the system actor outside any request. */
export function currentContext(): RequestContext {
  return storage.getStore() ?? { actorId: null, actor: 'system', ip: null, requestId: null };
}
