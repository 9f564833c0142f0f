/**
 * The masking crawl: every GET route of the OpenAPI document, with its path filled from seeded records, as each
 * role that may not unmask (and the auditor), granted on the township of the records. Fails on any sensitive value
 * in clear anywhere in the JSON: ID numbers (18 digits, valid check digit), mobiles (1[3-9] + 9 digits), bank
 * account numbers (16–19 digits), the seeded identifiers themselves, and health facts — `health` fields, the
 * raw health codes and texts the factories wrote (need details, leader and warning reasons) — for a role without
 * the owner's `*.sensitive` permission. The reveal routes are the one audited exception (tested at the end).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Permission, ROLE_PERMISSIONS, ROLES, type Role } from '../src/domain/access/roles.ts';
import { checkDigit } from '../src/domain/ids.ts';
import type { ScopeRule } from '../src/http/plugins/access.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { COUNTY, createWorlds, INSIDE_TOWNSHIP, type World } from './factories.ts';

let t: TestApp;
let world: World;
/** Every clear identifier of the seeded records (from the reveal routes, as the county admin). */
const identifiers = new Set<string>();

/** Texts the factories wrote that carry health facts, by whose `*.sensitive` may read them. */
const HEALTH_TEXTS: Record<'household' | 'member', string[]> = {
  household: ['慢性病用药', '患大病或残疾', 'serious illness or disability'],
  member: ['患有大病', 'has a serious illness', '身体健康', '有慢性病'],
};
const RAW_HEALTH = ['healthy', 'chronic', 'serious', 'disabled'];

beforeAll(async () => {
  t = await createTestApp();
  world = (await createWorlds(t, { monitored: true })).inside;
  const api = `/api/counties/${COUNTY}`;
  // A member with a serious illness (a leader suggestion says why they cannot lead) and a newly ill person in the
  // household (an illness warning): health facts in free texts.
  const member = await t.inject({
    method: 'PATCH',
    url: `${api}/members/${world.memberId}`,
    payload: { health: 'serious' },
  });
  expect(member.statusCode).toBe(200);
  const person = await t.inject({
    method: 'PATCH',
    url: `${api}/households/${world.householdId}/persons/${world.personId}`,
    payload: { health: 'serious' },
  });
  expect(person.statusCode).toBe(200);
  const household = (await t.inject({ url: `${api}/households/${world.householdId}/sensitive` })).json();
  for (const value of [household.phone, household.bankAccount, ...household.persons.map((p: Json) => p.idNumber)]) {
    identifiers.add(value);
  }
  const card = (await t.inject({ url: `${api}/members/${world.memberId}/sensitive` })).json();
  identifiers.add(card.idNumber);
  identifiers.add(card.phone);
}, 120_000);
afterAll(() => t?.close());

type Json = Record<string, unknown>;
type Route = { method: string; url: string; permission: Permission; scope?: ScopeRule };

function idFor(url: string, w: World): number {
  const areas: [string, number][] = [
    ['/help-records/', w.helpRecordId],
    ['/commitments/', w.commitmentId],
    ['/problems/', w.problemId],
    ['/households/', w.householdId],
    ['/members/', w.memberId],
    ['/users/', w.userId],
    ['/grids/', w.gridId],
    ['/grid-plans/', w.planId],
    ['/party-groups/', w.groupId],
    ['/pairings/', w.pairingId],
    ['/feedback/', w.feedbackId],
    ['/party-activities/', w.activityId],
    ['/monitoring-cases/', w.monitoringCaseId],
  ];
  const found = areas.find(([area]) => url.includes(area));
  if (!found) throw new Error(`crawl: no fixture for :id in ${url}`);
  return found[1];
}

const PARAMS: Record<string, (w: World, url: string) => string> = {
  county: (w) => w.county,
  id: (w, url) => String(idFor(url, w)),
  personId: (w) => String(w.personId),
  needId: (w) => String(w.needId),
  memberId: (w) => String(w.memberId),
  householdId: (w) => String(w.householdId),
  exitId: (w) => String(w.exitId),
  objectionId: (w) => String(w.objectionId),
  photoId: (w) => String(w.photoId),
  activityPhotoId: (w) => String(w.activityPhotoId),
  itemId: (w) => String(w.commitmentItemId),
  year: () => '2020',
  level: () => 'village',
  code: (w, url) => (url.startsWith('/api/public/plaques/') ? w.plaqueCode : w.village),
};

/** A GET route's URL with its path filled from the world, and its list scope as a query. */
function urlOf(route: Route, w: World): string {
  const url = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const fill = PARAMS[name];
    if (!fill) throw new Error(`crawl: no fixture for :${name} in ${route.url}`);
    return fill(w, route.url);
  });
  return route.scope && 'query' in route.scope ? `${url}?${route.scope.query}=${w.village}` : url;
}

/** The GET routes of the OpenAPI document, with their access declaration from the route table. */
function getRoutes(): Route[] {
  const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const bare = (url: string) => url.replace(/\/$/, '');
  const table = new Map(t.app.routeTable.map((r) => [`${r.method} ${bare(r.url)}`, r]));
  return Object.entries(document.paths)
    .filter(([path, methods]) => path.startsWith('/api') && 'get' in methods)
    .map(([path]) => {
      const url = path.replace(/\{([A-Za-z]+)\}/g, ':$1');
      const route = table.get(`GET ${bare(url)}`);
      if (!route) throw new Error(`crawl: ${url} is documented but not in the route table`);
      return route;
    });
}

const ID18 = /(?<![0-9])[0-9]{17}[0-9X](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/;
const BANK = /(?<![0-9])[0-9]{16,19}(?![0-9])/;
/** Values that are not personal although long digit runs may occur in them. */
const NOT_PERSONAL = (key: string, value: string) =>
  key === 'registryNo' || key === 'registry_no' || value.startsWith('data:') || /^[0-9a-f]{32,}$/.test(value);

type May = { household: boolean; member: boolean; codeList?: boolean };

/** What a caller without unmasking rights must not see in `value` (a string at `path`). */
function leaksIn(path: string, key: string, value: string, may: May): string[] {
  const found: string[] = [];
  if (!NOT_PERSONAL(key, value)) {
    for (const id of value.match(ID18) ?? []) if (checkDigit(id.slice(0, 17)) === id[17]) found.push(`ID ${id}`);
    if (MOBILE.test(value)) found.push('mobile');
    if (BANK.test(value)) found.push('bank account');
  }
  for (const clear of identifiers) if (value.includes(clear)) found.push(`seeded identifier ${clear}`);
  const owner =
    path.includes('.persons') || path.includes('.needs') || path.includes('.warnings') ? 'household' : 'member';
  if (/health/i.test(key) && value !== '***' && !may[owner]) found.push(`${owner} health field`);
  if (RAW_HEALTH.includes(value) && /health/i.test(key) && !may[owner]) found.push(`raw health ${value}`);
  for (const kind of ['household', 'member'] as const) {
    // The dictionaries are the code lists with their labels ('患有大病' is a label there, nobody's fact).
    if (may[kind] || may.codeList) continue;
    for (const text of HEALTH_TEXTS[kind]) if (value.includes(text)) found.push(`${kind} health text "${text}"`);
  }
  return found.map((what) => `${path}: ${what}`);
}

function leaks(value: unknown, may: May, path = '$', key = ''): string[] {
  if (typeof value === 'string') return leaksIn(path, key, value, may);
  if (Array.isArray(value)) return value.flatMap((item, i) => leaks(item, may, `${path}[${i}]`, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaks(v, may, `${path}.${k}`, k));
  }
  return [];
}

/** Roles that may not unmask something of the seeded records (every role but the two admins), and the auditor. */
const MASKED_ROLES = ROLES.filter(
  (role) => !ROLE_PERMISSIONS[role].has('household.sensitive') || !ROLE_PERMISSIONS[role].has('member.sensitive'),
);
const REVEAL = /\/sensitive$/;

describe('masking crawl', () => {
  it('finds no unmasked sensitive value in any GET answer, for every role that may not unmask', async () => {
    expect(MASKED_ROLES).toContain('auditor');
    const routes = getRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let answered = 0;
    for (const role of MASKED_ROLES) {
      const inject: Inject = await t.signIn(role as Role, INSIDE_TOWNSHIP);
      const may = {
        household: ROLE_PERMISSIONS[role].has('household.sensitive'),
        member: ROLE_PERMISSIONS[role].has('member.sensitive'),
      };
      for (const route of routes) {
        const url = urlOf(route, world);
        const res = await inject({ url });
        if (res.statusCode >= 500) failures.push(`${role} GET ${url} → ${res.statusCode}`);
        if (res.statusCode !== 200 || !res.headers['content-type']?.toString().includes('json')) continue;
        answered += 1;
        // A reveal route answers in clear by design: only to those who may (the access layer), audited (below).
        if (REVEAL.test(route.url)) continue;
        const codeList = route.url === '/api/dictionaries';
        for (const leak of leaks(res.json(), { ...may, codeList })) failures.push(`${role} GET ${url} ${leak}`);
      }
    }
    console.log(`masking crawl: ${routes.length} GET routes × ${MASKED_ROLES.length} roles, ${answered} answers read`);
    expect(failures).toEqual([]);
  }, 600_000);

  it('shows the same records in clear to a county admin where the masks apply (the crawl looks where it should)', async () => {
    const api = `/api/counties/${COUNTY}`;
    const group = (await t.inject({ url: `${api}/party-groups/${world.groupId}` })).json();
    expect(JSON.stringify(group)).toContain('"health":"serious"');
    const suggestions = (await t.inject({ url: `${api}/party-groups/${world.groupId}/leader-suggestions` })).body;
    expect(suggestions).toContain('患有大病');
    const warnings = (await t.inject({ url: `${api}/warnings?within=${world.village}` })).body;
    expect(warnings).toContain('患大病或残疾');
    const household = (await t.inject({ url: `${api}/households/${world.householdId}` })).body;
    expect(household).toContain('慢性病用药');
    // ID numbers, phones and bank accounts stay masked even for the admin outside the audited reveal.
    for (const clear of identifiers) expect(household).not.toContain(clear);
  });

  it('answers the reveal routes in clear only with an audit entry of that read', async () => {
    const api = `/api/counties/${COUNTY}`;
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', 'in', ['household.unmask', 'member.unmask'])
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const household = (await t.inject({ url: `${api}/households/${world.householdId}/sensitive` })).json();
    const member = (await t.inject({ url: `${api}/members/${world.memberId}/sensitive` })).json();
    expect(identifiers.has(household.phone)).toBe(true);
    expect(member.health).toBe('serious');
    expect(await count()).toBe(before + 2);
  });
});
