/**
 * What a form can read from a shared TypeBox schema without re-stating the rules: which fields are required
 * (the asterisk) and their maximum lengths (the counter). The checking itself stays on the server.
 */
interface JsonSchemaLike {
  required?: readonly string[];
  properties?: object;
}

export interface SchemaHints {
  required(field: string): boolean;
  maxLength(field: string): number | undefined;
}

export function schemaHints(schema: JsonSchemaLike): SchemaHints {
  const required = new Set(schema.required ?? []);
  return {
    required: (field) => required.has(field),
    maxLength: (field) => (schema.properties as Record<string, { maxLength?: number }> | undefined)?.[field]?.maxLength,
  };
}
