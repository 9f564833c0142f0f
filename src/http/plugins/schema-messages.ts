/**
 * Field-level messages for JSON-schema (ajv) errors, in Chinese and English, keyed by the ajv keyword.
 */
import type { FieldProblem } from '../../domain/errors.ts';

/** The part of an ajv error object we read. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  null: '空值',
};

type Describe = (p: Record<string, unknown>) => { zh: string; en: string };

const MESSAGES: Record<string, Describe> = {
  required: () => ({ zh: '必填', en: 'is required' }),
  additionalProperties: (p) => ({
    zh: `不认识的字段“${p.additionalProperty}”`,
    en: `unknown field "${p.additionalProperty}"`,
  }),
  type: (p) => ({ zh: `应为${TYPE_ZH[String(p.type)] ?? p.type}`, en: `must be ${p.type}` }),
  minLength: (p) => ({ zh: `至少 ${p.limit} 个字符`, en: `must have at least ${p.limit} characters` }),
  maxLength: (p) => ({ zh: `最多 ${p.limit} 个字符`, en: `must have at most ${p.limit} characters` }),
  pattern: () => ({ zh: '格式不正确', en: 'has the wrong format' }),
  format: (p) => ({ zh: `格式应为 ${p.format}`, en: `must be a valid ${p.format}` }),
  enum: (p) => ({
    zh: `应为以下之一：${(p.allowedValues as unknown[]).join('、')}`,
    en: `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`,
  }),
  const: (p) => ({ zh: `应为 ${p.allowedValue}`, en: `must be ${p.allowedValue}` }),
  minimum: (p) => ({ zh: `不能小于 ${p.limit}`, en: `must be ≥ ${p.limit}` }),
  maximum: (p) => ({ zh: `不能大于 ${p.limit}`, en: `must be ≤ ${p.limit}` }),
  exclusiveMinimum: (p) => ({ zh: `应大于 ${p.limit}`, en: `must be > ${p.limit}` }),
  exclusiveMaximum: (p) => ({ zh: `应小于 ${p.limit}`, en: `must be < ${p.limit}` }),
  minItems: (p) => ({ zh: `至少 ${p.limit} 项`, en: `must have at least ${p.limit} item(s)` }),
  maxItems: (p) => ({ zh: `最多 ${p.limit} 项`, en: `must have at most ${p.limit} item(s)` }),
  uniqueItems: () => ({ zh: '不能有重复项', en: 'must not repeat items' }),
  unsafeCharacter: () => ({
    zh: '含有不允许的字符（空字符或不成对的代理字符）',
    en: 'contains a character that is not allowed (NUL or an unpaired surrogate)',
  }),
};

/** Dotted path of the failing field ('persons.2.idNumber'), including a missing required property. */
function fieldPath(error: SchemaError, context: string | undefined): string {
  const parts = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  const path = parts.join('.');
  return context && context !== 'body' ? [context, path].filter(Boolean).join('.') : path;
}

/** One FieldProblem for one ajv error. */
export function describeSchemaError(error: SchemaError, context?: string): FieldProblem {
  const describe = MESSAGES[error.keyword];
  const message = describe
    ? describe(error.params)
    : { zh: `不符合要求（${error.keyword}）`, en: error.message ?? error.keyword };
  return { path: fieldPath(error, context), code: error.keyword, message };
}
