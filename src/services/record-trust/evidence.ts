/** A flag's evidence column as an object. */

/** The evidence of a flag: numbers and ids by name. */
export type Evidence = Record<string, string | number>;

/** The evidence column as an object (jsonb arrives parsed, a string on some drivers). */
export function evidenceOf(value: unknown): Evidence {
  return (typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Evidence;
}
