/**
 * The authorization matrix, generated from the registered route table: every /api route × every role (granted on
 * township 340822100) × a target inside and outside that township, plus the anonymous public. Expected: the
 * request passes the access gate (any status but 401/403/404) when the role holds the route's permission at the
 * target, else 404 — never 403; anonymous gets 401 on every non-public route. Requests carry an empty body, so
 * allowed writes stop at the schema (400) and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope, type Permission, ROLE_PERMISSIONS, ROLES, type Role } from '../src/domain/access/roles.ts';
import type { ScopeRule } from '../src/http/plugins/access.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { createWorlds, INSIDE_TOWNSHIP, type World } from './factories.ts';

let t: TestApp;
let worlds: { inside: World; outside: World };
const users = new Map<Role, Inject>();

beforeAll(async () => {
  t = await createTestApp();
  worlds = await createWorlds(t, { monitored: true });
  for (const role of ROLES) users.set(role, await t.signIn(role, INSIDE_TOWNSHIP));
});
afterAll(() => t.close());

type Route = { method: string; url: string; permission: Permission; scope?: ScopeRule };

/** The record id a path's `:id` means, by the area of the route. */
function idFor(url: string, w: World): number {
  if (url.includes('/record-flags/')) return w.flagId;
  if (url.includes('/help-records/')) return w.helpRecordId;
  if (url.includes('/commitments/')) return w.commitmentId;
  if (url.includes('/problems/')) return w.problemId;
  if (url.includes('/households/')) return w.householdId;
  if (url.includes('/members/')) return w.memberId;
  if (url.includes('/users/')) return w.userId;
  if (url.includes('/grids/')) return w.gridId;
  if (url.includes('/grid-plans/')) return w.planId;
  if (url.includes('/party-groups/')) return w.groupId;
  if (url.includes('/pairings/')) return w.pairingId;
  if (url.includes('/feedback/')) return w.feedbackId;
  if (url.includes('/party-activities/')) return w.activityId;
  if (url.includes('/monitoring-cases/')) return w.monitoringCaseId;
  throw new Error(`matrix: no fixture for :id in ${url} (add one in test/access-matrix.test.ts)`);
}

function fill(route: Route, w: World): string {
  return route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    switch (name) {
      case 'county':
        return w.county;
      case 'id':
        return String(idFor(route.url, w));
      case 'personId':
        return String(w.personId);
      case 'needId':
        return String(w.needId);
      case 'memberId':
        return String(w.memberId);
      case 'householdId':
        return String(w.householdId);
      case 'exitId':
        return String(w.exitId);
      case 'objectionId':
        return String(w.objectionId);
      case 'photoId':
        return String(w.photoId);
      case 'activityPhotoId':
        return String(w.activityPhotoId);
      case 'itemId':
        return String(w.commitmentItemId);
      case 'year':
        return '2020';
      case 'level':
        return 'village';
      case 'code':
        // A plaque's public page is addressed by its plaque code, an org unit by its code.
        return route.url.startsWith('/api/public/plaques/') ? w.plaqueCode : w.village;
      default:
        throw new Error(`matrix: no fixture for :${name} in ${route.url} (add one in test/access-matrix.test.ts)`);
    }
  });
}

/** The org unit the route acts on for this world, or null when it has none (permission anywhere suffices). */
function targetUnit(route: Route, w: World): string | null {
  const scope = route.scope;
  if (!scope) return null;
  if ('record' in scope) return ['household', 'member'].includes(scope.record) ? w.unit : w.village;
  if ('param' in scope) return scope.param === 'county' ? w.county : w.village;
  return 'query' in scope ? w.village : w.unit;
}

function request(route: Route, w: World) {
  const scope = route.scope;
  let url = fill(route, w);
  if (scope && 'query' in scope) url += `?${scope.query}=${w.village}`;
  const payload = scope && 'body' in scope ? { [scope.body]: scope.body === 'parentCode' ? w.village : w.unit } : {};
  return route.method === 'GET' ? { method: 'GET' as const, url } : { method: route.method as 'POST', url, payload };
}

function allowed(role: Role, route: Route, w: World): boolean {
  if (route.permission === 'public' || route.permission === 'authenticated') return true;
  if (!ROLE_PERMISSIONS[role].has(route.permission)) return false;
  const unit = targetUnit(route, w);
  return unit === null || inScope(unit, [INSIDE_TOWNSHIP]);
}

/** Routes that end the caller's session run with a user of their own. */
const SESSION_ENDING = new Set(['/api/auth/logout', '/api/auth/logout-all']);

describe('authorization matrix', () => {
  it('declares a permission on every /api route and enforces it for every role, inside and outside scope', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api'));
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    let cells = 0;
    let allowedCells = 0;
    for (const route of routes) {
      for (const [where, w] of Object.entries(worlds)) {
        const req = request(route, w);
        const anonymous = await t.app.inject(req);
        cells += 1;
        const publicRoute = route.permission === 'public';
        if (publicRoute ? anonymous.statusCode === 401 || anonymous.statusCode >= 500 : anonymous.statusCode !== 401) {
          failures.push(`anonymous ${route.method} ${req.url} → ${anonymous.statusCode}`);
        }
        for (const role of ROLES) {
          const inject = SESSION_ENDING.has(route.url) ? await t.signIn(role, INSIDE_TOWNSHIP) : users.get(role);
          const res = await (inject as Inject)(req);
          cells += 1;
          const expectAllowed = allowed(role, route, w);
          if (expectAllowed) allowedCells += 1;
          const passed = ![401, 403, 404].includes(res.statusCode);
          // A 5xx is a failure either way: an allowed request must end in a real answer (even a 400), not a crash.
          if (passed !== expectAllowed || (!expectAllowed && res.statusCode !== 404) || res.statusCode >= 500) {
            failures.push(
              `${role} ${where} ${route.method} ${req.url} → ${res.statusCode} (expected ${expectAllowed ? 'allowed' : '404'})`,
            );
          }
        }
      }
    }
    console.log(
      `authorization matrix: ${routes.length} routes × (${ROLES.length} roles + anonymous) × inside/outside = ${cells} requests (${allowedCells} allowed for a role, the rest 404 or 401)`,
    );
    expect(failures).toEqual([]);
  });

  it('lets county-wide writes (scope: the county in the path) through only for roles granted on the whole county', async () => {
    const routes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api') && r.scope && 'param' in r.scope && r.scope.param === 'county',
    );
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('PUT /api/counties/:county/settings/warnings');
    const failures: string[] = [];
    for (const role of ROLES) {
      const inject = await t.signIn(role, worlds.inside.county);
      for (const route of routes) {
        const req = request(route, worlds.inside);
        const res = await inject(req);
        const expectAllowed = ROLE_PERMISSIONS[role].has(route.permission);
        const passed = ![401, 403, 404].includes(res.statusCode);
        if (passed !== expectAllowed) failures.push(`${role}@county ${route.method} ${req.url} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
