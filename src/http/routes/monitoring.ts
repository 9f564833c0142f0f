/**
 * /api/counties/:county — prevent-return monitoring (防止返贫动态监测): opening a case on a household, marking its
 * risks resolved, the clearance check and clearing; the province's monitoring line by year and the county's
 * "stably" setting (county admin).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { clearCase, previewClearance } from '../../services/monitoring/clear-case.ts';
import { getMonitoringLines, setMonitoringLine, setStableYears } from '../../services/monitoring/monitoring-lines.ts';
import { openCase } from '../../services/monitoring/open-case.ts';
import { resolveRisks } from '../../services/monitoring/resolve-risks.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';
import {
  ClearCaseBody,
  ClearCheck,
  LineYearParams,
  MonitoringCaseResult,
  MonitoringLineBody,
  MonitoringLines,
  OpenCaseBody,
  ResolveRisksBody,
  StableYearsBody,
} from '../../shared/schemas/monitoring.ts';
import { languageOf } from '../plugins/errors.ts';

const tags = ['monitoring'];
const caseWrite = { permission: 'household.write', scope: { record: 'monitoring_case', param: 'id' } } as const;
// The line and the setting belong to the county (and its province): only a grant over the whole county changes them.
const countyWrite = { permission: 'settings.write', scope: { param: 'county' } } as const;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/households/:id/monitoring-cases',
    {
      config: { permission: 'household.write', scope: { record: 'household', param: 'id' } },
      schema: {
        tags,
        summary: 'Open a monitoring case on a household (category, risk types, how it was found); 422 if one is open',
        params: CountyIdParams,
        body: OpenCaseBody,
        response: { 201: MonitoringCaseResult, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const result = await openCase(app.db, req.params.county, req.params.id, req.body, req.access.actor);
      return reply.code(201).send(result);
    },
  );
  app.put(
    '/monitoring-cases/:id/resolved-risks',
    {
      config: caseWrite,
      schema: {
        tags,
        summary: 'Set which risk types of an open case are resolved (the whole list)',
        params: CountyIdParams,
        body: ResolveRisksBody,
        response: { 200: MonitoringCaseResult, ...ERROR_RESPONSES },
      },
    },
    async (req) => resolveRisks(app.db, req.params.county, req.params.id, req.body.resolved),
  );
  app.get(
    '/monitoring-cases/:id/clearance',
    {
      config: { permission: 'household.read', scope: { record: 'monitoring_case', param: 'id' } },
      schema: {
        tags,
        summary:
          'Every risk-clearance criterion as it stands today (income stably above the line, 两不愁三保障, risks)',
        params: CountyIdParams,
        response: { 200: ClearCheck, ...ERROR_RESPONSES },
      },
    },
    async (req) => previewClearance(app.db, req.params.county, req.params.id, languageOf(req)),
  );
  app.post(
    '/monitoring-cases/:id/clear',
    {
      config: caseWrite,
      schema: {
        tags,
        summary: 'Clear the risk (风险消除) when every criterion passes; ends the pairings; 422 lists what fails',
        params: CountyIdParams,
        body: ClearCaseBody,
        response: { 200: MonitoringCaseResult, ...ERROR_RESPONSES },
      },
    },
    async (req) =>
      clearCase(app.db, req.params.county, req.params.id, req.body.reason, req.access.actor, languageOf(req)),
  );
  app.get(
    '/monitoring-lines',
    {
      config: { permission: 'household.read' },
      schema: {
        tags,
        summary: "The province's monitoring line by year with its source, and the county's stable years",
        params: CountyParams,
        response: { 200: MonitoringLines, ...ERROR_RESPONSES },
      },
    },
    async (req) => getMonitoringLines(app.db, req.params.county),
  );
  app.put(
    '/monitoring-lines/:year',
    {
      config: countyWrite,
      schema: {
        tags,
        summary: "Set the province's monitoring line of a year (from 2021) with its source text",
        params: LineYearParams,
        body: MonitoringLineBody,
        response: { 200: MonitoringLines, ...ERROR_RESPONSES },
      },
    },
    async (req) => setMonitoringLine(app.db, req.params.county, req.params.year, req.body, req.access.actor),
  );
  app.put(
    '/monitoring-settings',
    {
      config: countyWrite,
      schema: {
        tags,
        summary: 'Set how many latest income years in a row must be above the line to clear a risk (1–5)',
        params: CountyParams,
        body: StableYearsBody,
        response: { 200: MonitoringLines, ...ERROR_RESPONSES },
      },
    },
    async (req) => setStableYears(app.db, req.params.county, req.body.stableYears, req.access.actor),
  );
};

export default routes;
