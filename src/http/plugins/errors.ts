/**
 * One error shape for every failure: `{ code, message, requestId, details? }`, message in the caller's
 * language (Accept-Language: en… → English, otherwise Chinese). Schema errors list every field problem,
 * database refusals become 409 with the constraint named, and nothing internal (stack, SQL) leaves the server.
 */

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable } from '../../db/availability.ts';
import { AppError, type AppErrorCode, type FieldProblem, type Localized } from '../../domain/errors.ts';
import type { Lang } from '../../shared/lang.ts';
import { describeConstraint } from './constraint-messages.ts';
import { describeSchemaError, type SchemaError } from './schema-messages.ts';

const STATUS: Record<AppErrorCode, number> = {
  validation_failed: 400,
  rule_violation: 422,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unauthenticated: 401,
  csrf_failed: 403,
  rate_limited: 429,
  database_unavailable: 503,
  internal: 500,
};

const DATABASE_UNAVAILABLE = new AppError('database_unavailable', {
  zh: '数据库暂时无法连接，请稍后重试',
  en: 'The database is unavailable right now, please retry later',
});

/** 'en' when the caller prefers English, else 'zh' (the product is Chinese first). */
export function languageOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(header.trim()) ? 'en' : 'zh';
}

/**
 * Turns any thrown value into an AppError; unknown errors become 'internal' with no detail. `body` (the request's)
 * lets a constraint refusal name the field it concerns.
 */
export function toAppError(error: unknown, body?: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: SchemaError[]; code?: string; constraint?: string; detail?: string };
  if (e?.validation) {
    const details: FieldProblem[] = e.validation.map((v) => describeSchemaError(v, e.validationContext));
    return new AppError(
      'validation_failed',
      { zh: `请求有 ${details.length} 处不符合要求`, en: `The request has ${details.length} invalid field(s)` },
      details,
    );
  }
  if (typeof e?.code === 'string' && /^23\d{3}$/.test(e.code)) {
    return describeConstraint(e.code, e.constraint, { detail: e.detail, body });
  }
  if (e?.statusCode === 429)
    return new AppError('rate_limited', { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, retry later' });
  if (e?.statusCode === 413)
    return new AppError('payload_too_large', { zh: '请求内容过大', en: 'Request body too large' });
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('validation_failed', { zh: `请求无效：${e.message}`, en: `Invalid request: ${e.message}` });
  }
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
  return new AppError('internal', {
    zh: '服务器内部错误，请稍后重试',
    en: 'Internal server error, please retry later',
  });
}

function localize(message: Localized, lang: Lang): string {
  return message[lang];
}

/** The HTTP status and the body (without requestId) a thrown value answers with, in the caller's language. */
export function errorReply(error: unknown, lang: Lang, requestBody?: unknown) {
  const appError = toAppError(error, requestBody);
  const body: { code: string; message: string; details?: { path: string; code: string; message: string }[] } = {
    code: appError.code,
    message: localize(appError.localized, lang),
  };
  if (appError.details.length > 0) {
    body.details = appError.details.map((d) => ({ path: d.path, code: d.code, message: localize(d.message, lang) }));
  }
  return { status: STATUS[appError.code], body };
}

async function errorsPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error, request, reply: FastifyReply) => {
    const { status, body } = errorReply(error, languageOf(request), request.body);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send({ ...body, requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) => {
    const lang = languageOf(request);
    const message = { zh: `没有这个地址：${request.url}`, en: `No such route: ${request.url}` };
    return reply.status(404).send({ code: 'not_found', message: message[lang], requestId: request.id });
  });
}

export default fp(errorsPlugin, { name: 'errors' });
