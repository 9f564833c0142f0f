/** /api/counties/:county/users — accounts and role grants, for admins within their scope. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Role, scopeRoots } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { checkGrantable, createUser, listUsers, replaceGrants, resetPassword } from '../../services/access/users.ts';
import { GrantsReplace, PasswordReset, UserCreate, UserView } from '../../shared/schemas/access.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';

const tags = ['users'];
const Ok = Type.Object({ ok: Type.Boolean() });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  /** Grants must lie in the path's county and be grantable by the admin (no escalation). */
  function checkGrants(
    grants: Array<{ role: string; orgCode: string; memberId?: number | undefined }>,
    county: string,
    adminGrants: Parameters<typeof checkGrantable>[0],
  ) {
    for (const g of grants) {
      if (!g.orgCode.startsWith(county)) throw AppError.notFound({ zh: '区划', en: 'org unit' });
      checkGrantable(adminGrants, county, g.role as Role, g.orgCode);
    }
    return grants as Array<{ role: Role; orgCode: string; memberId?: number | undefined }>;
  }

  app.get(
    '/',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Users with a grant in my scope',
        params: CountyParams,
        response: { 200: Type.Array(UserView), ...ERROR_RESPONSES },
      },
    },
    async (req) => listUsers(app.db, req.params.county, req.access.roots('user.admin', req.params.county)),
  );
  app.post(
    '/',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Create an account with grants',
        params: CountyParams,
        body: UserCreate,
        response: { 201: Type.Object({ id: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const grants = checkGrants(req.body.grants, req.params.county, req.access.user?.grants ?? []);
      const id = await createUser(app.db, { ...req.body, grants });
      return reply.status(201).send({ id });
    },
  );
  app.put(
    '/:id/grants',
    {
      config: { permission: 'user.admin', scope: { record: 'user', param: 'id' } },
      schema: {
        tags,
        summary: "Replace the user's grants within my scope",
        params: CountyIdParams,
        body: GrantsReplace,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      const grants = checkGrants(req.body.grants, county, req.access.user?.grants ?? []);
      const roots = scopeRoots(req.access.user?.grants ?? [], 'user.admin', county);
      await replaceGrants(app.db, county, id, roots, grants);
      return { ok: true };
    },
  );
  app.post(
    '/:id/password',
    {
      config: { permission: 'user.admin', scope: { record: 'user', param: 'id' } },
      schema: {
        tags,
        summary: 'Reset a password (the user is signed out everywhere)',
        params: CountyIdParams,
        body: PasswordReset,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      await resetPassword(app.db, req.params.county, req.params.id, req.body.password);
      return { ok: true };
    },
  );
};

export default routes;
