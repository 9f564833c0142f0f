/**
 * /api/counties/:county — things done (办实事) of a scope, the early-warning list (防返贫监测预警) and putting a
 * flagged household under monitoring (纳入监测).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getThingsDone } from '../../services/things-done/get-things-done.ts';
import { listWarnings } from '../../services/warnings/list-warnings.ts';
import { startMonitoring } from '../../services/warnings/start-monitoring.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';
import {
  MonitoringBody,
  MonitoringResult,
  ThingsDone,
  ThingsDoneQuery,
  WarningPage,
  WarningQuery,
} from '../../shared/schemas/warnings.ts';
import { languageOf } from '../plugins/errors.ts';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/things-done',
    {
      config: { permission: 'dashboard.read', scope: { query: 'within' } },
      schema: {
        tags: ['dashboard'],
        summary: 'Things done (verified help that solved a need + problems resolved) by month and child unit',
        params: CountyParams,
        querystring: ThingsDoneQuery,
        response: { 200: ThingsDone, ...ERROR_RESPONSES },
      },
    },
    async (req) => getThingsDone(app.db, req.params.county, req.query),
  );
  app.get(
    '/warnings',
    {
      config: { permission: 'household.read', scope: { query: 'within' } },
      schema: {
        tags: ['warnings'],
        summary: 'Households not monitored that early warning flags, with reasons; filter by kind, paged',
        params: CountyParams,
        querystring: WarningQuery,
        response: { 200: WarningPage, ...ERROR_RESPONSES },
      },
    },
    async (req) => listWarnings(app.db, req.params.county, req.query, languageOf(req)),
  );
  app.post(
    '/households/:id/monitoring',
    {
      config: { permission: 'household.write', scope: { record: 'household', param: 'id' } },
      schema: {
        tags: ['warnings'],
        summary: 'Put a household under monitoring: a new monitoring case found by early warning, opened today',
        params: CountyIdParams,
        body: MonitoringBody,
        response: { 200: MonitoringResult, ...ERROR_RESPONSES },
      },
    },
    async (req) => startMonitoring(app.db, req.params.county, req.params.id, req.body, req.access.actor),
  );
};

export default routes;
