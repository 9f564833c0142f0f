/**
 * Inputs for the generated fuzz test: a plausible body for any schema of the OpenAPI document (seeded records for
 * ids and codes, so writes reach the database), and the bad values tried on each field.
 */
import fc from 'fast-check';
import { makeResidentId } from '../src/domain/ids.ts';
import type { World } from './factories.ts';
import { branches, type JsonSchema } from './openapi-walk.ts';

const SEED = 20261207;

/** The value a field of this name takes in a plausible body, when its name says which record it means. */
function hinted(name: string, w: World): unknown {
  const ids: Record<string, number> = {
    memberId: w.memberId,
    successorMemberId: w.memberId,
    householdId: w.householdId,
    otherGridId: w.gridId,
    userId: w.userId,
    groupId: w.groupId,
  };
  if (name in ids) return ids[name];
  if (name === 'naturalVillageCode' || name === 'naturalVillages') return w.unit;
  if (['orgCode', 'parentCode', 'scope', 'village'].includes(name)) return w.village;
  if (name === 'idNumber') return makeResidentId('340822', '1990-01-01', 321);
  if (name === 'phone') return '13812340099';
  return undefined;
}

function plausibleString(schema: JsonSchema): string {
  if (schema.format === 'date') return '2020-06-01';
  if (schema.format === 'date-time') return '2020-06-01T08:00:00.000Z';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-0000000000f1';
  if (schema.pattern) {
    return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { seed: SEED, numRuns: 1 })[0] as string;
  }
  return '测试'.padEnd(Math.max(schema.minLength ?? 1, 2), '试').slice(0, schema.maxLength ?? 40);
}

/** A plausible value for the schema: every property present, numbers at their minimum, first enum member. */
export function plausible(schema: JsonSchema, w: World, name = ''): unknown {
  const hint = hinted(name, w);
  const branch = branches(schema).find((b) => b.type !== 'null') ?? schema;
  if (branch.const !== undefined) return branch.const;
  if (branch.enum) return branch.enum.find((v) => v !== null);
  if (branch.properties) {
    return Object.fromEntries(Object.entries(branch.properties).map(([k, s]) => [k, plausible(s, w, k)]));
  }
  const type = ([] as string[]).concat(branch.type ?? 'string').find((t) => t !== 'null');
  if (type === 'array')
    return Array.from({ length: Math.max(branch.minItems ?? 1, 1) }, () => plausible(branch.items ?? {}, w, name));
  if (hint !== undefined) return hint;
  if (type === 'boolean') return false;
  if (type === 'integer' || type === 'number') {
    if (name === 'year') return 2020;
    return branch.minimum ?? (branch.exclusiveMinimum === undefined ? 1 : branch.exclusiveMinimum + 1);
  }
  return plausibleString(branch);
}

/** A bad value for a field, named for the failure message. */
export interface BadValue {
  label: string;
  value: unknown;
}

const LONG = 'x'.repeat(100_000);

/** The bad values tried on a field of this schema: types, bounds, unicode, nulls, nesting. */
export function badValues(schema: JsonSchema): BadValue[] {
  const types = branches(schema).flatMap((b) => ([] as unknown[]).concat(b.type ?? (b.enum ? 'string' : [])));
  const max = Math.max(...branches(schema).map((b) => b.maximum ?? b.exclusiveMaximum ?? 1e6));
  const min = Math.min(...branches(schema).map((b) => b.minimum ?? b.exclusiveMinimum ?? -1e6));
  const maxLength = Math.max(...branches(schema).map((b) => b.maxLength ?? 1000));
  const values: BadValue[] = [
    { label: 'null', value: null },
    { label: 'object', value: { nested: { deeper: [1] } } },
    { label: 'array', value: [1, 'a', null] },
  ];
  if (!types.includes('string')) values.push({ label: 'string', value: '12' });
  if (!types.includes('boolean')) values.push({ label: 'boolean', value: true });
  if (types.includes('integer') || types.includes('number')) {
    values.push(
      { label: 'above maximum', value: max + 1 },
      { label: 'below minimum', value: min - 1 },
      { label: 'huge', value: 1e308 },
      { label: 'huge negative', value: -1e308 },
      { label: 'beyond int64', value: 2 ** 70 },
      { label: 'fraction', value: 1.5 },
      { label: 'column rounding edge', value: max - 0.0001 },
    );
  } else {
    values.push({ label: 'number', value: 12 });
  }
  if (types.includes('string') || types.length === 0) {
    values.push(
      { label: 'NUL', value: 'a\u0000b' },
      { label: 'lone high surrogate', value: 'a\ud800b' },
      { label: 'lone low surrogate', value: '\udc00' },
      { label: 'RTL override', value: '\u202Eabc\u202C' },
      { label: 'emoji', value: '👨‍👩‍👧'.repeat(5) },
      { label: 'too long', value: 'x'.repeat(maxLength + 1) },
      { label: 'very long', value: LONG },
      { label: 'empty', value: '' },
      { label: 'blank', value: ' \u200b ' },
    );
  }
  return values;
}

/** A copy of `body` with the value at a dotted path replaced (or removed when `value` is undefined). */
export function withValue(body: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') return copy;
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** The record a path's `:id` means, by the area of the route. */
function idFor(url: string, w: World): number {
  const areas: [string, number][] = [
    ['/record-flags/', w.flagId],
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
  if (!found) throw new Error(`fuzz: no fixture for :id in ${url} (add one in test/fuzz-inputs.ts)`);
  return found[1];
}

/** A route's path with every parameter naming a seeded record of the world. */
export function fill(url: string, w: World): string {
  const named: Record<string, string> = {
    county: w.county,
    personId: String(w.personId),
    needId: String(w.needId),
    memberId: String(w.memberId),
    householdId: String(w.householdId),
    exitId: String(w.exitId),
    objectionId: String(w.objectionId),
    photoId: String(w.photoId),
    activityPhotoId: String(w.activityPhotoId),
    itemId: String(w.commitmentItemId),
    year: '2020',
    level: 'village',
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (name === 'id') return String(idFor(url, w));
    if (name === 'code') return url.startsWith('/api/public/plaques/') ? w.plaqueCode : w.village;
    const value = named[name];
    if (value === undefined) throw new Error(`fuzz: no fixture for :${name} in ${url}`);
    return value;
  });
}
