/** /api/counties/:county/inbox — the signed-in user's notifications (problems arriving, overdue, resolved). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listInbox, readInbox } from '../../services/problems/inbox.ts';
import { CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';
import { InboxPage, InboxQuery, InboxRead, InboxReadResult } from '../../shared/schemas/problem.ts';

const tags = ['inbox'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      // Own notifications only: the query is by the signed-in user, so any login may ask.
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'My notifications in the county, newest first, with the unread count',
        params: CountyParams,
        querystring: InboxQuery,
        response: { 200: InboxPage, ...ERROR_RESPONSES },
      },
    },
    async (req) => listInbox(app.db, req.params.county, req.access.actor.userId ?? 0, req.query),
  );
  app.post(
    '/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark my notifications read (the listed ids, or all)',
        params: CountyParams,
        body: InboxRead,
        response: { 200: InboxReadResult, ...ERROR_RESPONSES },
      },
    },
    async (req) => readInbox(app.db, req.params.county, req.access.actor.userId ?? 0, req.body.ids),
  );
};

export default routes;
