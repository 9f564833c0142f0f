/**
 * Finds the request field a refused database constraint concerns, so a duplicate is reported at
 * `persons.2.idNumber` like any other rule. PostgreSQL names the clashing key in the error's detail
 * (`Key (county_code, id_number)=(340822, 34082219…) already exists.`); the field is the entry of the body whose
 * name the constraint compares and whose value is that key's value.
 */
import { idKey } from '../../domain/person-facts.ts';

/** The body field a constraint compares. */
export interface ConstraintField {
  /** Field names as the API spells them (the last segment of the path). */
  names: string[];
  /** The table column in the error's detail whose value identifies the entry. */
  column?: string;
  /** A fixed value that identifies the entry when the detail cannot (a second 'head'). */
  value?: string;
  /** Compare as ID numbers (15 or 18 digits, lower-case x). */
  idNumber?: boolean;
}

/** Column → value of the key the detail reports, or an empty map when it reports none. */
export function keyOfDetail(detail: string | undefined): Map<string, string> {
  const match = /Key \((.+?)\)=\((.*)\)/.exec(detail ?? '');
  if (!match) return new Map();
  const columns = (match[1] ?? '').split(', ');
  const values = (match[2] ?? '').split(', ');
  // A value holding ", " would shift the split; then only the columns before it are trusted.
  return new Map(columns.map((column, i) => [column, values[i] ?? '']));
}

/** Every [path, value] of the body whose last segment is one of `names` (array items as `name.i`). */
function entries(body: unknown, names: readonly string[], prefix = ''): [string, unknown][] {
  if (body === null || typeof body !== 'object') return [];
  const found: [string, unknown][] = [];
  for (const [key, value] of Object.entries(body)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const named = names.includes(key) || (Array.isArray(body) && names.includes(prefix.split('.').at(-1) ?? ''));
    if (named && (value === null || typeof value !== 'object')) found.push([path, value]);
    found.push(...entries(value, names, path));
  }
  return found;
}

/**
 * The path of the body field `field` describes: the one holding the reported value, else the only candidate,
 * else the first; the bare field name when the body has none (the value came from the stored record).
 */
export function fieldPathOf(field: ConstraintField, body: unknown, detail: string | undefined): string {
  const candidates = entries(body, field.names);
  const wanted = field.value ?? (field.column ? keyOfDetail(detail).get(field.column) : undefined);
  const same = (value: unknown) => {
    if (wanted === undefined || (typeof value !== 'string' && typeof value !== 'number')) return false;
    const text = String(value).trim();
    return field.idNumber ? idKey(text) === idKey(wanted) : text === wanted.trim();
  };
  const hit = candidates.find(([, value]) => same(value)) ?? candidates[0];
  return hit?.[0] ?? field.names[0] ?? '';
}
