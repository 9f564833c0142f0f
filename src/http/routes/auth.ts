/** /api/auth — login, logout, logout everywhere, who am I, change my password. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../domain/access/roles.ts';
import { businessNow } from '../../domain/clock.ts';
import { login } from '../../services/access/login.ts';
import { findSession, grantUnitNames, revokeSession, revokeUserSessions } from '../../services/access/sessions.ts';
import { changePassword } from '../../services/access/users.ts';
import { clockStatus } from '../../services/clock/business-clock.ts';
import { LoginBody, Me, PasswordChange } from '../../shared/schemas/access.ts';
import { ERROR_RESPONSES } from '../../shared/schemas/common.ts';
import { Access, CSRF_COOKIE, SESSION_COOKIE } from '../plugins/access.ts';

const tags = ['auth'];
const Ok = Type.Object({ ok: Type.Boolean() });

function secureCookies(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

function setCookies(request: FastifyRequest, reply: FastifyReply, token: string, csrf: string): void {
  const base = { path: '/', sameSite: 'lax' as const, secure: secureCookies(request) };
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  // Readable by the page, which echoes it in x-csrf-token (double submit, checked against the session).
  reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
}

function clearCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  async function me(request: FastifyRequest, csrfToken?: string) {
    const session = request.access.session;
    const user = session?.user;
    if (!user) throw new Error('no session');
    const codes = user.grants.map((g) => g.orgCode);
    const names = await grantUnitNames(app.db, codes);
    const permissions: Record<string, string[]> = {};
    for (const p of PERMISSIONS) {
      const roots = request.access.roots(p);
      if (roots.length > 0 && p !== 'public' && p !== 'authenticated') permissions[p] = roots;
    }
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      isDemo: user.isDemo,
      csrfToken: csrfToken ?? session.csrfToken,
      grants: user.grants.map((g) => ({ ...g, orgName: names.find((n) => n.code === g.orgCode)?.name ?? null })),
      permissions,
      // The business date, so the web's defaults and "not in the future" checks agree with the server's rules.
      ...clockStatus(),
      now: businessNow().toISOString(),
    };
  }

  app.post(
    '/login',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with username or phone and password',
        body: LoginBody,
        response: { 200: Me, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { token, csrfToken } = await login(app.db, req.body, req.ip);
      setCookies(req, reply, token, csrfToken);
      const session = await findSession(app.db, token);
      req.access = new Access(session);
      return me(req, csrfToken);
    },
  );
  app.get(
    '/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'The signed-in user, grants and scopes', response: { 200: Me } },
    },
    async (req) => me(req),
  );
  app.post(
    '/logout',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'End this session', response: { 200: Ok } } },
    async (req, reply) => {
      if (req.access.session) await revokeSession(app.db, req.access.session.tokenHash);
      clearCookies(reply);
      return { ok: true };
    },
  );
  app.post(
    '/logout-all',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'End every session of this user', response: { 200: Ok } },
    },
    async (req, reply) => {
      if (req.access.user) await revokeUserSessions(app.db, req.access.user.id);
      clearCookies(reply);
      return { ok: true };
    },
  );
  app.post(
    '/password',
    {
      config: { permission: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Change my password (other sessions end)',
        body: PasswordChange,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const session = req.access.session;
      if (!session) throw new Error('no session');
      await changePassword(app.db, session.user, req.body.current, req.body.next, session.tokenHash);
      return { ok: true };
    },
  );
};

export default routes;
