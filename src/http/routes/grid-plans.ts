/** /api/counties/:county/grid-plans — propose a partition for a scope, review it, apply it. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { applyPlan } from '../../services/grids/apply-plan.ts';
import { getPlan, proposePlan } from '../../services/grids/propose-plan.ts';
import { CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';
import { AppliedPlan, GridPlan, PlanParams, PlanQuery, ProposePlanBody } from '../../shared/schemas/grid.ts';

const tags = ['grids'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      config: { permission: 'grid.write', scope: { body: 'scope' } },
      schema: {
        tags,
        summary: 'Propose a partition of a village, township or the county, with its diff against the current grids',
        params: CountyParams,
        body: ProposePlanBody,
        response: { 201: GridPlan, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await proposePlan(app.db, req.params.county, req.body.scope, req.body.options ?? {})),
  );
  app.get(
    '/:id',
    {
      config: { permission: 'grid.read', scope: { record: 'grid_plan', param: 'id' } },
      schema: {
        tags,
        summary: 'A proposed or applied plan (optionally one village of it)',
        params: PlanParams,
        querystring: PlanQuery,
        response: { 200: GridPlan, ...ERROR_RESPONSES },
      },
    },
    async (req) => getPlan(app.db, req.params.county, req.params.id, req.query.village),
  );
  app.post(
    '/:id/apply',
    {
      config: { permission: 'grid.write', scope: { record: 'grid_plan', param: 'id' } },
      schema: {
        tags,
        summary: 'Apply a proposed plan in one transaction (409 when grids or members changed since)',
        params: PlanParams,
        response: { 200: AppliedPlan, ...ERROR_RESPONSES },
      },
    },
    async (req) => applyPlan(app.db, req.params.county, req.params.id),
  );
};

export default routes;
