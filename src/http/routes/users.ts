/**
 * /api/counties/:county/users — accounts and role grants. Every path that reads or changes one user applies the
 * one rule of domain/access/user-admin.ts (the caller could give every grant the user holds; else 404): the
 * access plugin checks it before the body is read, and the service again with the user locked.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { resetPassword, updateUser } from '../../services/access/user-admin.ts';
import { checkGrantable, replaceGrants } from '../../services/access/user-grants.ts';
import { getUser, listUsers } from '../../services/access/user-list.ts';
import { createUser } from '../../services/access/users.ts';
import {
  GrantsReplace,
  PasswordReset,
  UserCreate,
  UserUpdate,
  UserView,
  UserViews,
} from '../../shared/schemas/access.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';

const tags = ['users'];
const Ok = Type.Object({ ok: Type.Boolean() });
const one = { permission: 'user.admin', scope: { record: 'user', param: 'id' } } as const;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Users with a grant in the county that I may administer, with what I may do',
        params: CountyParams,
        response: { 200: UserViews, ...ERROR_RESPONSES },
      },
    },
    async (req) => listUsers(app.db, req.access.actor, req.params.county),
  );
  app.post(
    '/',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Create an account with grants I could give',
        params: CountyParams,
        body: UserCreate,
        response: { 201: Type.Object({ id: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      checkGrantable(req.access.actor.grants, req.params.county, req.body.grants);
      const id = await createUser(app.db, req.body);
      return reply.status(201).send({ id });
    },
  );
  app.get(
    '/:id',
    {
      config: one,
      schema: { tags, summary: 'One user', params: CountyIdParams, response: { 200: UserView, ...ERROR_RESPONSES } },
    },
    async (req) => getUser(app.db, req.access.actor, req.params.county, req.params.id),
  );
  app.patch(
    '/:id',
    {
      config: one,
      schema: {
        tags,
        summary: 'Rename, change the phone, disable (signed out everywhere) or enable a user',
        params: CountyIdParams,
        body: UserUpdate,
        response: { 200: UserView, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      await updateUser(app.db, req.access.actor, county, id, req.body);
      return getUser(app.db, req.access.actor, county, id);
    },
  );
  app.put(
    '/:id/grants',
    {
      config: one,
      schema: {
        tags,
        summary: "Replace the user's grants in this county (each one I could give)",
        params: CountyIdParams,
        body: GrantsReplace,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      await replaceGrants(app.db, req.access.actor, req.params.county, req.params.id, req.body.grants);
      return { ok: true };
    },
  );
  app.post(
    '/:id/password',
    {
      config: one,
      schema: {
        tags,
        summary: 'Reset a password (the user is signed out everywhere)',
        params: CountyIdParams,
        body: PasswordReset,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      await resetPassword(app.db, req.access.actor, req.params.county, req.params.id, req.body.password);
      return { ok: true };
    },
  );
};

export default routes;
