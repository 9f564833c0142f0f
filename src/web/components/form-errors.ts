/**
 * Field errors come from the server: the API validates with the shared TypeBox schemas (400) and the registry
 * rules (422), and lists every problem with its field path. Showing those under the fields keeps one set of
 * rules and one wording; the client never keeps a second copy that could drift.
 */
import type { FormInstance } from 'antd';
import { ApiError, type ApiFieldProblem } from '../api/client.ts';

type NamePath = (string | number)[];

function toNamePath(dotted: string): NamePath {
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The form field a server path belongs to: the longest registered prefix ('expertise.0' → expertise,
 * 'persons.1.idNumber' → persons[1].idNumber), after renaming by `aliases` (API field → form field).
 */
function fieldFor(path: string, registered: Set<string>, aliases: Record<string, string>): string | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    const name = aliases[prefix] ?? prefix;
    if (registered.has(name)) return name;
  }
  return null;
}

/**
 * Puts the problems of an ApiError under their fields. Returns the problems that belong to no field (and every
 * problem of a non-field error is none), for an alert above the form.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  aliases: Record<string, string> = {},
): ApiFieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  const unplaced: ApiFieldProblem[] = [];
  for (const problem of error.details) {
    const field = fieldFor(problem.path, registered, aliases);
    if (field === null) unplaced.push(problem);
    else byField.set(field, [...(byField.get(field) ?? []), problem.message]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: toNamePath(field), errors })));
  const first = byField.keys().next();
  if (!first.done) form.scrollToField(toNamePath(first.value), { block: 'center' });
  return unplaced;
}

/** Only the fields whose value differs from the record's, so a patch never resends masked or untouched data. */
export function changedFields<T extends Record<string, unknown>>(values: T, initial: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (JSON.stringify(values[key] ?? null) !== JSON.stringify(initial[key] ?? null)) out[key] = values[key];
  }
  return out;
}
