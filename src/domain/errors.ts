/**
 * The one application error: a stable string code, a message in Chinese and English, and optional
 * field-level details. The HTTP layer maps codes to statuses in one table (src/http/plugins/errors.ts).
 */
import type { Localized } from '../shared/lang.ts';

export type { Localized };

export type AppErrorCode =
  | 'validation_failed' // the request does not match its schema
  | 'rule_violation' // the request breaks a registry rule (domain check)
  | 'not_found'
  | 'conflict' // duplicates and other database constraint refusals
  | 'payload_too_large'
  | 'unauthenticated' // no valid session (or bad credentials at login)
  | 'csrf_failed' // a cookie-authenticated write without the matching x-csrf-token header
  | 'rate_limited' // too many attempts, or an account temporarily locked
  | 'database_unavailable' // the database cannot be reached right now (503, retry later)
  | 'internal';

/** One problem with one field; `path` uses dots for nesting ('persons.2.idNumber'). */
export interface FieldProblem {
  path: string;
  code: string;
  message: Localized;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly localized: Localized;
  readonly details: FieldProblem[];

  constructor(code: AppErrorCode, message: Localized, details: FieldProblem[] = []) {
    super(message.en);
    this.name = 'AppError';
    this.code = code;
    this.localized = message;
    this.details = details;
  }

  static notFound(what: Localized): AppError {
    return new AppError('not_found', { zh: `未找到${what.zh}`, en: `${what.en} not found` });
  }

  static rules(details: FieldProblem[]): AppError {
    const zh = `有 ${details.length} 项不符合登记规则`;
    const en = `${details.length} registry rule${details.length === 1 ? ' is' : 's are'} broken`;
    return new AppError('rule_violation', { zh, en }, details);
  }
}
