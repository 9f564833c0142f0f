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

let language: 'zh' | 'en' = 'zh';

/** Set by the language provider so every request asks for messages in the UI's language. */
export function setApiLanguage(lang: 'zh' | 'en'): void {
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

/** The CSRF token the server set at login (readable cookie), echoed on every write (double submit). */
function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)lianxin_csrf=([^;]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Where a 401 sends the browser: the login page, coming back here afterwards. */
function toLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language === 'en' ? 'en' : 'zh-CN' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = method === 'GET' ? undefined : csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(withQuery(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (res.status === 401 && path !== '/api/auth/login') toLogin();
  if (!res.ok) throw new ApiError(res.status, json ?? {});
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};
