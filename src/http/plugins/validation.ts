/**
 * Two validators: query strings and path parameters arrive as text, so they are coerced ('7' → 7);
 * bodies are JSON and must already have the right types (no '12' for 12, no null turned into 0).
 * Both report every problem at once (allErrors) and apply schema defaults.
 */

import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { SchemaError } from './schema-messages.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, removeAdditional: false, strict: false, ...options });
  addFormats(ajv);
  return ajv;
}

const coercing = makeAjv({ coerceTypes: 'array' });
const strict = makeAjv({ coerceTypes: false });

/** Fastify validator compiler choosing the validator by the part of the request. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;

/** Characters no stored text may hold: NUL (PostgreSQL refuses it in text) and unpaired UTF-16 surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses
const UNSAFE_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where the first unsafe character sits in a parsed request part: a JSON pointer, or null when clean. */
export function findUnsafeText(value: unknown): string | null {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const pending: { value: unknown; pointer: string }[] = [{ value, pointer: '' }];
  while (pending.length > 0) {
    const { value: current, pointer } = pending.pop() as { value: unknown; pointer: string };
    if (typeof current === 'string') {
      if (UNSAFE_CHARACTER.test(current)) return pointer;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPointer = `${pointer}/${key}`;
        if (UNSAFE_CHARACTER.test(key)) return childPointer;
        pending.push({ value: child, pointer: childPointer });
      }
    }
  }
  return null;
}

const REQUEST_PARTS = [
  ['params', 'params'],
  ['query', 'querystring'],
  ['body', 'body'],
] as const;

/**
 * preValidation hook for every route, schema or not: a NUL or a lone surrogate anywhere in the path parameters,
 * the query string or the body is a 400 naming the field, before any handler, audit diff or SQL sees it.
 * (Headers cannot carry either: Node's parser refuses NUL and header values are Latin-1.)
 */
export async function refuseUnsafeText(request: FastifyRequest): Promise<void> {
  for (const [part, context] of REQUEST_PARTS) {
    const pointer = findUnsafeText(request[part]);
    if (pointer === null) continue;
    const error = new Error('unsafe character') as Error & { validation: SchemaError[]; validationContext: string };
    error.validation = [{ keyword: 'unsafeCharacter', instancePath: pointer, params: {} }];
    error.validationContext = context;
    throw error;
  }
}
