/**
 * Authentication and authorization for every route.
 *
 * Every /api route declares its permission in its options: `config: { permission: 'household.read' }` (and,
 * when it touches one record or a list, a `scope` rule saying where the org unit comes from). A route under /api
 * without a permission refuses to register, so the app does not start and every test fails. Other routes
 * (docs, web assets) are public.
 *
 * onRequest: the session cookie → `request.access` (user, grants); 401 for a non-public route without a
 * session; 403 `csrf_failed` for a cookie-authenticated write without the matching `x-csrf-token` header.
 * preValidation (after body parsing, before the schema): the permission must apply somewhere in the path's county
 * and at the record's unit, else 404 (never 403: no existence leaks); list filters are narrowed to the scope;
 * then the audit context (actor, ip, request id) is entered for the rest of the request.
 * Sensitive fields are masked at serialisation by the masking plugin (masking.ts), by the schemas' marks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { inRequestStartedAt } from '../../db/checkout-order.ts';
import { findRecordUnit, type RecordKind } from '../../db/repositories/record-units.ts';
import { rootsOf } from '../../domain/access/actor.ts';
import { inScope, narrowWithin, PERMISSIONS, type Permission } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { type Actor, actorOf } from '../../services/access/actor.ts';
import { findSession, type Session } from '../../services/access/sessions.ts';
import { userActions } from '../../services/access/user-admin.ts';
import { runWithContext } from '../../services/audit/request-context.ts';

export const SESSION_COOKIE = 'lianxin_session';
export const CSRF_COOKIE = 'lianxin_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Where a route's org unit comes from. */
export type ScopeRule =
  | { query: string } // a list: narrow this query field (within, scope) to the user's scope
  | { param: string; ancestors?: boolean } // an org code in the path (ancestors: also the units above the scope)
  | { body: string } // an org code in the body (creating under a unit)
  | { record: RecordKind | 'user'; param: string }; // a record id in the path

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route: what the caller must hold ('public' for anyone). */
    permission?: Permission;
    scope?: ScopeRule;
  }
  interface FastifyRequest {
    access: Access;
  }
  interface FastifyInstance {
    /** Every registered route with its declared permission (for the authorization matrix test). */
    routeTable: Array<{ method: string; url: string; permission: Permission; scope?: ScopeRule }>;
  }
}

/** What a handler may ask about the caller. */
export class Access {
  /** The unit the route's scope rule resolved to (a list's narrowed filter, a record's natural village). */
  unit: string | null = null;
  constructor(readonly session: Session | null) {}
  get user() {
    return this.session?.user ?? null;
  }
  /** The one acting, passed to the services (built once per request). */
  get actor(): Actor {
    this.#actor ??= actorOf(this.user);
    return this.#actor;
  }
  #actor: Actor | undefined;
  /** Roots of the subtrees where `permission` applies (in `county`). */
  roots(permission: Permission, county?: string): string[] {
    return rootsOf(this.actor, permission, county);
  }
  /** Whether `permission` applies at org unit `code`. */
  can(permission: Permission, code: string): boolean {
    return inScope(code, this.roots(permission, code.slice(0, 6)));
  }
}

const NOT_FOUND = () => AppError.notFound({ zh: '记录', en: 'record' });
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_INT = 2 ** 31 - 1;

function declare(app: FastifyInstance, route: RouteOptions): void {
  const url = route.url ?? '';
  const config = (route.config ?? {}) as { permission?: Permission; scope?: ScopeRule };
  if (!url.startsWith('/api')) {
    route.config = { ...config, permission: config.permission ?? 'public' } as typeof route.config;
    return;
  }
  if (!config.permission || !(PERMISSIONS as readonly string[]).includes(config.permission)) {
    throw new Error(`Route ${String(route.method)} ${url} declares no permission (config: { permission: … })`);
  }
  for (const method of [route.method].flat()) {
    if (method === 'HEAD') continue;
    app.routeTable.push({
      method,
      url,
      permission: config.permission,
      ...(config.scope ? { scope: config.scope } : {}),
    });
  }
}

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await findSession(app.db, token) : null;
  request.access = new Access(session);
  const permission = request.routeOptions.config.permission ?? 'public';
  if (permission === 'public') return;
  if (!session) {
    throw new AppError('unauthenticated', { zh: '请先登录', en: 'Please sign in' });
  }
  if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
    throw new AppError('csrf_failed', {
      zh: '请求缺少有效的防伪令牌，请刷新页面后重试',
      en: 'Missing or wrong CSRF token: reload the page and retry',
    });
  }
}

/** The org unit of one record (a grid's or group's village, a plan's scope), or null when it is not in the county. */
export async function recordUnit(
  app: FastifyInstance,
  kind: RecordKind,
  county: string,
  id: number,
): Promise<string | null> {
  return findRecordUnit(app.db, kind, county, id);
}

async function authorize(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const { permission, scope } = request.routeOptions.config;
  if (!permission || permission === 'public' || permission === 'authenticated') return;
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const county = params.county;
  const roots = request.access.roots(permission, county);
  if (roots.length === 0) throw NOT_FOUND();
  if (!scope) return;
  if ('query' in scope) {
    const query = request.query as Record<string, string | undefined>;
    const requested: unknown = query[scope.query];
    if (requested !== undefined && typeof requested !== 'string') throw NOT_FOUND(); // repeated: never unfiltered
    // A malformed code is left to the schema (always 400); a well-formed one is narrowed to the scope.
    if (requested !== undefined && !/^[0-9]{6}([0-9]{3}){0,3}$/.test(requested)) return;
    const within = narrowWithin(requested as string | undefined, roots);
    if (within === null) throw NOT_FOUND();
    // The county itself needs no filter: the route's SQL is then the bare route's SQL.
    if (within !== county || requested !== undefined) query[scope.query] = within;
    request.access.unit = within;
    return;
  }
  if ('param' in scope && !('record' in scope)) {
    const code = params[scope.param];
    const above = 'ancestors' in scope && scope.ancestors && roots.some((root) => code && root.startsWith(code));
    if (code !== undefined && !inScope(code, roots) && !above) throw NOT_FOUND();
    request.access.unit = code ?? null;
    return;
  }
  if ('body' in scope) {
    const code = (request.body as Record<string, unknown> | undefined)?.[scope.body];
    if (typeof code === 'string' && !inScope(code, roots)) throw NOT_FOUND();
    request.access.unit = typeof code === 'string' ? code : null;
    return;
  }
  // Read the id as the schema's coercion will ('1.0' is 1), so no spelling of an id slips past the check;
  // what cannot become an id is left to the schema (400), ids beyond the column's range exist nowhere (404).
  const id = Number(params[scope.param] ?? Number.NaN);
  if (!Number.isInteger(id) || id < 1 || !county) return;
  if (id > MAX_INT) throw NOT_FOUND();
  if (scope.record === 'user') {
    // The rule of domain/access/user-admin.ts: the caller could give every grant the user holds (any county).
    if ((await userActions(app.db, request.access.actor, county, id)).length === 0) throw NOT_FOUND();
    return;
  }
  const unit = await recordUnit(app, scope.record, county, id);
  if (unit === null || !inScope(unit, roots)) throw NOT_FOUND();
  // Moving a record to another unit needs the permission there too.
  const moved = (request.body as { naturalVillageCode?: unknown } | undefined)?.naturalVillageCode;
  if (typeof moved === 'string' && !inScope(moved, roots)) throw NOT_FOUND();
  request.access.unit = unit;
}

async function accessPlugin(app: FastifyInstance): Promise<void> {
  app.decorate('routeTable', []);
  app.decorateRequest('access', null as unknown as Access);
  app.addHook('onRoute', (route) => declare(app, route));
  // Everything the request runs counts from its start when it waits for a database connection (oldest first);
  // entered again after the body is parsed, whose stream events run outside the hook's async context.
  const startedAt = new WeakMap<FastifyRequest, number>();
  app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const at = performance.now();
    startedAt.set(request, at);
    inRequestStartedAt(at, () => {
      authenticate(app, request).then(() => done(), done);
    });
  });
  app.addHook('preValidation', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const user = request.access.user;
    const context = {
      actorId: user?.id ?? null,
      actor: user?.username ?? 'anonymous',
      ip: request.ip,
      requestId: request.id,
    };
    inRequestStartedAt(startedAt.get(request) ?? performance.now(), () =>
      runWithContext(context, () => {
        authorize(app, request).then(() => done(), done);
      }),
    );
  });
}

export default fp(accessPlugin, { name: 'access', dependencies: ['database'] });
