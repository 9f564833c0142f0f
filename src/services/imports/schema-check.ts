/**
 * A row checked against the API's own request schema (TypeBox, from src/shared/schemas), with the same validator
 * settings as request bodies: no type coercion, every problem at once. A problem carries the field path
 * ('persons.2.idNumber') so the kind can place it at its cell.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from 'typebox';
import type { FieldProblem, Localized } from '../../domain/errors.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const ajv = new Ajv({
  allErrors: true,
  useDefaults: false,
  removeAdditional: false,
  strict: false,
  coerceTypes: false,
});
addFormats(ajv);

function messageOf(error: ErrorObject): Localized {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'maxLength':
      return { zh: `最多 ${p.limit} 个字`, en: `at most ${p.limit} characters` };
    case 'minLength':
      return { zh: '不能为空', en: 'must not be empty' };
    case 'maximum':
      return { zh: `不能大于 ${p.limit}`, en: `must be at most ${p.limit}` };
    case 'minimum':
      return { zh: `不能小于 ${p.limit}`, en: `must be at least ${p.limit}` };
    case 'maxItems':
      return { zh: `最多 ${p.limit} 项`, en: `at most ${p.limit} items` };
    case 'minItems':
      return { zh: `至少 ${p.limit} 项`, en: `at least ${p.limit} items` };
    case 'pattern':
    case 'format':
      return { zh: '格式不对', en: 'has the wrong format' };
    case 'enum':
      return { zh: '不是可选的值', en: 'is not one of the allowed values' };
    case 'required':
      return { zh: `缺少 ${p.missingProperty}`, en: `${p.missingProperty} is missing` };
    default:
      return { zh: `不符合要求（${error.keyword}）`, en: error.message ?? error.keyword };
  }
}

const compiled = new WeakMap<TSchema, ReturnType<Ajv['compile']>>();

/** Problems of `value` against `schema`, each with its dotted field path. */
export function schemaProblems(schema: TSchema, value: unknown): FieldProblem[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema as object);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => {
    const base = error.instancePath.split('/').filter(Boolean).join('.');
    const missing =
      error.keyword === 'required' ? String((error.params as { missingProperty: string }).missingProperty) : '';
    return {
      path: [base, missing].filter(Boolean).join('.'),
      code: `schema_${error.keyword}`,
      message: messageOf(error),
    };
  });
}
