/**
 * The web app's one way to the API: JSON in and out, the caller's language sent as Accept-Language, and
 * failures thrown as ApiError carrying the server's `{ code, message, requestId, details }`. Writes carry the
 * CSRF header; a 401 (no or expired session) goes to the login page.
 */

/** One field problem as the server reports it (message already in the request's language). */
export interface ApiFieldProblem {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: ApiFieldProblem[];

  constructor(
    status: number,
    body: { code?: string; message?: string; requestId?: string; details?: ApiFieldProblem[] },
  ) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? 'http_error';
    this.requestId = body.requestId;
    this.details = body.details ?? [];
  }
}

import type { Static, TSchema, TUnknown } from 'typebox';
import { takeEarlyResponse } from '../app/early-requests.ts';
import { acceptLanguage, type Lang } from '../i18n/stored-lang.ts';
import { clearOfflineApiCache } from '../sw/register.ts';

let language: Lang = 'zh';

/** Set by the language provider so every request asks for messages in the UI's language. */
export function setApiLanguage(lang: Lang): void {
  language = lang;
}

type Query = Record<string, string | number | boolean | null | undefined | Array<string | number>>;

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A GET the first screen started before the app ran (app/early-requests.ts), if it did not fail. */
async function earlyResponse(url: string, accept: string): Promise<Response | undefined> {
  try {
    return await takeEarlyResponse(url, accept);
  } catch {
    return undefined; // network failure: ask again below
  }
}

/** The CSRF token the server set at login (readable cookie), echoed on every write (double submit). */
function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)lianxin_csrf=([^;]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Where a 401 sends the browser: the login page, coming back here afterwards; the offline reads are forgotten. */
function toLogin(): void {
  void clearOfflineApiCache();
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const url = withQuery(path, query);
  const headers: Record<string, string> = { 'accept-language': acceptLanguage(language) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = method === 'GET' ? undefined : csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const early = method === 'GET' ? await earlyResponse(url, headers['accept-language'] as string) : undefined;
  const res =
    early ??
    (await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    }));
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (res.status === 401 && path !== '/api/auth/login') toLogin();
  if (!res.ok) throw new ApiError(res.status, json ?? {});
  return json as T;
}

/**
 * Every call names the route's answer by its response schema from src/shared/schemas as a type argument
 * (`api.get<typeof HouseholdDetail>(url)`), and its type is read from that schema, so the web cannot assume a shape
 * the server does not declare. Only the type travels: the schemas stay out of the pages' bundles (a registry page's
 * first screen has a byte budget, test/e2e/shell.test.ts). A write whose answer the caller does not read names none
 * and gets `unknown`.
 */
export const api = {
  get: <S extends TSchema>(path: string, query?: Query) => request<Static<S>>('GET', path, undefined, query),
  post: <S extends TSchema = TUnknown>(path: string, body: unknown) => request<Static<S>>('POST', path, body),
  put: <S extends TSchema = TUnknown>(path: string, body: unknown) => request<Static<S>>('PUT', path, body),
  patch: <S extends TSchema = TUnknown>(path: string, body: unknown) => request<Static<S>>('PATCH', path, body),
  delete: <S extends TSchema = TUnknown>(path: string, body?: unknown) => request<Static<S>>('DELETE', path, body),
};
