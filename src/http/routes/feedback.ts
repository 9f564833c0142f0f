/** /api/counties/:county/feedback — moderation of the public's feedback from plaque pages. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listFeedback } from '../../services/feedback/list-feedback.ts';
import { moderateFeedback } from '../../services/feedback/moderate-feedback.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import { FeedbackItem, FeedbackListQuery, FeedbackModerated, ModerateBody } from '../../shared/schemas/plaque.ts';

const tags = ['feedback'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'pairing.write', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'List public feedback under a scope, newest first (filter by status)',
        params: CountyParams,
        querystring: FeedbackListQuery,
        response: { 200: PageOf(FeedbackItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listFeedback(app.db, req.params.county, req.query),
  );
  app.post(
    '/:id/moderate',
    {
      config: { permission: 'pairing.write', scope: { record: 'feedback', param: 'id' } },
      schema: {
        tags,
        summary: 'Approve or reject one feedback entry (audited); approved ones appear on the public page',
        params: CountyIdParams,
        body: ModerateBody,
        response: { 200: FeedbackModerated, ...ERROR_RESPONSES },
      },
    },
    async (req) =>
      moderateFeedback(
        app.db,
        req.params.county,
        req.params.id,
        req.body.decision,
        req.access.unit ?? req.params.county,
      ),
  );
};

export default routes;
