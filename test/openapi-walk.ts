/**
 * The write routes of the OpenAPI document and the leaf fields of their JSON bodies, for the generated tests
 * (column limits, fuzz). Schemas are inline (TypeBox), so no $ref needs resolving.
 */
import type { FastifyInstance } from 'fastify';

/** A JSON schema as the OpenAPI document spells it (only what the walkers read). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify form: /api/counties/:county/households/:id */
  url: string;
  body: JsonSchema | null;
}

/** One leaf of a body: its dotted path ('persons.0.idNumber'), its property name and its schema. */
export interface BodyField {
  path: string;
  name: string;
  schema: JsonSchema;
}

/** Every POST/PUT/PATCH/DELETE operation of the app's /openapi.json. */
export async function writeRoutes(app: FastifyInstance): Promise<WriteRoute[]> {
  const doc = (await app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  };
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      routes.push({
        method: method.toUpperCase() as WriteRoute['method'],
        url: path.replace(/\{([A-Za-z]+)\}/g, ':$1'),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return routes;
}

/** The branches a value may take: the schema itself, or each of its anyOf/oneOf/allOf alternatives. */
export function branches(schema: JsonSchema): JsonSchema[] {
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return alternatives.length > 0 ? alternatives.flatMap(branches) : [schema];
}

/** Every scalar leaf of a body schema (through objects, arrays and unions), named by its nearest property. */
export function bodyFields(schema: JsonSchema | null, path = '', name = ''): BodyField[] {
  if (!schema) return [];
  const fields: BodyField[] = [];
  for (const branch of branches(schema)) {
    if (branch.properties) {
      for (const [key, child] of Object.entries(branch.properties)) {
        fields.push(...bodyFields(child, path ? `${path}.${key}` : key, key));
      }
    } else if (branch.items) {
      fields.push(...bodyFields(branch.items, `${path}.0`, name));
    } else if (branch.type !== 'null' && path) {
      fields.push({ path, name, schema: branch });
    }
  }
  return fields;
}
