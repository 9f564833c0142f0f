/**
 * `allowedActions` on every record response (household, member, grid, party group, pairing, commitment): the
 * write permissions the caller holds at the record's unit, among those the record's own write routes declare.
 * It is computed from the route table by the very rule that guards those routes (access.ts: the route's
 * `permission` must apply at the unit its `scope: { record }` resolves to), so a page that shows a button only
 * for a listed permission never offers a write the server refuses with 404, and the two cannot drift: a new
 * write route on a record adds its permission here by declaring it. Problems keep their own step-by-step
 * `allowedActions` (domain/escalation.ts); a service may still refuse a listed write for its own rule (a member
 * writes only their own commitments; a group leader acts only in the grids they lead).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../domain/access/roles.ts';
import { recordUnit } from './access.ts';

/** Record kinds whose responses carry `allowedActions` (problems have their own). */
export const ACTION_RECORDS = ['household', 'member', 'grid', 'party_group', 'pairing', 'commitment'] as const;
type ActionRecord = (typeof ACTION_RECORDS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A create route answering with the new record of this kind: its unit is the route's scope unit, or, for a
     * route whose service checks the unit itself (a commitment names a member), the new record's own unit.
     */
    creates?: ActionRecord;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Record kind → the permissions its write routes declare, sorted; from the registered routes. */
export function writePermissionsByRecord(app: FastifyInstance): Map<string, Permission[]> {
  const byKind = new Map<string, Set<Permission>>();
  for (const route of app.routeTable) {
    if (!UNSAFE.has(route.method) || !route.scope || !('record' in route.scope)) continue;
    const set = byKind.get(route.scope.record) ?? new Set();
    set.add(route.permission);
    byKind.set(route.scope.record, set);
  }
  return new Map([...byKind].map(([kind, set]) => [kind, [...set].sort()]));
}

/**
 * The record kind whose record this response is: a route with a record scope answering with the record it
 * names (its `id` is the path's record id — the record itself, or the whole record after a change to one of
 * its parts, which the page stores as the record), or the new record a create route answers with (the page
 * shows it at once, so it needs the same actions as a read), if one with actions.
 */
function recordOf(request: FastifyRequest, payload: object): ActionRecord | null {
  const { creates } = request.routeOptions.config;
  if (creates) return typeof (payload as { id?: unknown }).id === 'number' ? creates : null;
  const scope = request.routeOptions.config.scope;
  if (!scope || !('record' in scope)) return null;
  if (!(ACTION_RECORDS as readonly string[]).includes(scope.record)) return null;
  const id = Number((request.params as Record<string, string | undefined>)[scope.param]);
  return (payload as { id?: unknown }).id === id ? (scope.record as ActionRecord) : null;
}

async function recordActionsPlugin(app: FastifyInstance): Promise<void> {
  let writes: Map<string, Permission[]> | null = null; // the route table is complete once the app is ready
  app.addHook('preSerialization', async (request: FastifyRequest, reply, payload: unknown) => {
    if (!request.access || reply.statusCode >= 300 || !payload || typeof payload !== 'object') return payload;
    const kind = recordOf(request, payload);
    if (!kind) return payload;
    const county = (request.params as { county?: string }).county;
    const unit =
      request.access.unit ??
      (county && request.routeOptions.config.creates
        ? await recordUnit(app, kind, county, (payload as { id: number }).id)
        : null);
    if (!unit) return payload;
    writes ??= writePermissionsByRecord(app);
    const allowed = (writes.get(kind) ?? []).filter((permission) => request.access.can(permission, unit));
    return { ...payload, allowedActions: allowed };
  });
}

export default fp(recordActionsPlugin, { name: 'record-actions', dependencies: ['access'] });
