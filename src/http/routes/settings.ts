/**
 * /api/counties/:county/settings — the county's early-warning thresholds and problem deadlines (系统设置). Read by
 * whoever sees problems and warnings; changed only with settings.write over the whole county (a county admin).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getDeadlineSettings, setDeadlines } from '../../services/settings/deadline-settings.ts';
import {
  getWarningSettings,
  resetWarningSettings,
  setWarningSettings,
} from '../../services/settings/warning-settings.ts';
import { CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';
import {
  DeadlineChangesBody,
  DeadlineSettings,
  WarningSettings,
  WarningSettingsBody,
} from '../../shared/schemas/settings.ts';
import { languageOf } from '../plugins/errors.ts';

const read = { permission: 'household.read' } as const;
// The county in the path is the unit: a grant below the county (a township) may not change the county's settings.
const write = { permission: 'settings.write', scope: { param: 'county' } } as const;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['settings'];
  app.get(
    '/warnings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Early-warning thresholds in force, whether they are the defaults, the defaults and ranges',
        params: CountyParams,
        response: { 200: WarningSettings, ...ERROR_RESPONSES },
      },
    },
    async (req) => getWarningSettings(app.db, req.params.county),
  );
  app.put(
    '/warnings',
    {
      config: write,
      schema: {
        tags,
        summary: "Set the county's early-warning thresholds (all three; 422 outside the ranges)",
        params: CountyParams,
        body: WarningSettingsBody,
        response: { 200: WarningSettings, ...ERROR_RESPONSES },
      },
    },
    async (req) => setWarningSettings(app.db, req.params.county, req.body),
  );
  app.delete(
    '/warnings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Reset the early-warning thresholds to the defaults',
        params: CountyParams,
        response: { 200: WarningSettings, ...ERROR_RESPONSES },
      },
    },
    async (req) => resetWarningSettings(app.db, req.params.county),
  );
  app.get(
    '/problem-deadlines',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every category × urgency × level: hours in force, the default, and whether it is the county’s own',
        params: CountyParams,
        response: { 200: DeadlineSettings, ...ERROR_RESPONSES },
      },
    },
    async (req) => getDeadlineSettings(app.db, req.params.county, languageOf(req)),
  );
  app.put(
    '/problem-deadlines',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set cells of the deadlines (hours), or reset them to the default (hours: null); 422 on broken rules',
        params: CountyParams,
        body: DeadlineChangesBody,
        response: { 200: DeadlineSettings, ...ERROR_RESPONSES },
      },
    },
    async (req) => setDeadlines(app.db, req.params.county, req.body.cells, languageOf(req)),
  );
};

export default routes;
