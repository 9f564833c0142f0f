/** /api/counties/:county/problems — problems raised for households and carried up grid → village → township → county. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actOnProblem } from '../../services/problems/act-on-problem.ts';
import { getProblem } from '../../services/problems/get-problem.ts';
import { listOverdue, listProblems } from '../../services/problems/list-problems.ts';
import { raiseProblem } from '../../services/problems/raise-problem.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  OverdueBoard,
  ProblemActionBody,
  ProblemDetail,
  ProblemItem,
  ProblemListQuery,
  ProblemParams,
  ProblemRaise,
} from '../../shared/schemas/problem.ts';

const tags = ['problems'];
const one = { 200: ProblemDetail, ...ERROR_RESPONSES };
const record = { record: 'problem' as const, param: 'id' };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'household.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'Problems of a scope (inbox of a level): filters level, status, category, overdue; soonest due first',
        params: CountyParams,
        querystring: ProblemListQuery,
        response: { 200: PageOf(ProblemItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listProblems(app.db, req.params.county, req.query),
  );
  app.get(
    '/overdue',
    {
      config: { permission: 'household.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'The overdue board: late problems by level (how many, how late) and a page of them with their holders',
        params: CountyParams,
        querystring: ProblemListQuery,
        response: { 200: OverdueBoard, ...ERROR_RESPONSES },
      },
    },
    async (req) => listOverdue(app.db, req.params.county, req.query),
  );
  app.get(
    '/:id',
    {
      config: { permission: 'household.read', scope: record },
      schema: {
        tags,
        summary: 'One problem with its trail and the actions the caller may take',
        params: ProblemParams,
        response: one,
      },
    },
    async (req) => getProblem(app.db, req.params.county, req.params.id, req.access.actor),
  );
  app.post(
    '/',
    {
      // The household's unit is checked by the service (the body names a household, not a unit).
      config: { permission: 'problem.raise' },
      schema: {
        tags,
        summary: 'Raise a problem for a household (a member for a household they help, or a handler of its unit)',
        params: CountyParams,
        body: ProblemRaise,
        response: { 201: ProblemDetail, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await raiseProblem(app.db, req.params.county, req.access.actor, req.body)),
  );
  app.post(
    '/:id/actions',
    {
      // problem.raise: helpers confirm and reopen; which level's role may accept, resolve or escalate is the domain's.
      config: { permission: 'problem.raise', scope: record },
      schema: {
        tags,
        summary:
          'Take a step: accept, hand_to_department {department}, resolve {resolution}, escalate {reason}, confirm, reopen {reason}',
        params: ProblemParams,
        body: ProblemActionBody,
        response: one,
      },
    },
    async (req) => actOnProblem(app.db, req.params.county, req.params.id, req.access.actor, req.body),
  );
};

export default routes;
