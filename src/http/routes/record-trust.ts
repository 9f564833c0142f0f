/**
 * /api/counties/:county/record-flags — the inspector's queue of flagged help records (核查) and decisions on them;
 * …/help-records/:id/confirm-code (the helper's one-time code for the household) and …/village-confirmation.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicOrigin } from '../../services/plaques/qr.ts';
import { issueConfirmCode, villageConfirm } from '../../services/record-trust/confirm-records.ts';
import { decideFlagOf, listFlagQueue } from '../../services/record-trust/review-flags.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import { HelpParams, HelpRecordDetail } from '../../shared/schemas/help-record.ts';
import {
  ConfirmCode,
  ConfirmCodeRequest,
  FlagDecision,
  FlagItem,
  FlagListQuery,
  FlagParams,
  VillageConfirmBody,
} from '../../shared/schemas/record-trust.ts';
import { languageOf } from '../plugins/errors.ts';

const tags = ['record-trust'];
const help = { record: 'help_record' as const, param: 'id' };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/record-flags',
    {
      config: { permission: 'trust.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'Flagged help records under a scope (open unless a status is asked), by kind; paged and sortable',
        params: CountyParams,
        querystring: FlagListQuery,
        response: { 200: PageOf(FlagItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listFlagQueue(app.db, req.params.county, req.query, languageOf(req)),
  );
  app.post(
    '/record-flags/:id/decision',
    {
      config: { permission: 'trust.review', scope: { record: 'record_flag', param: 'id' } },
      schema: {
        tags,
        summary: 'Clear a flag with a reason, or uphold it: the record is returned and counts for nothing',
        params: FlagParams,
        body: FlagDecision,
        response: { 200: FlagItem, ...ERROR_RESPONSES },
      },
    },
    async (req) => decideFlagOf(app.db, req.params.county, req.params.id, req.access.actor, req.body, languageOf(req)),
  );
  app.post(
    '/help-records/:id/confirm-code',
    {
      config: { permission: 'help.write', scope: help },
      schema: {
        tags,
        summary: "A one-time code (and its QR code) for the household to confirm the record on its plaque's page",
        params: HelpParams,
        body: ConfirmCodeRequest,
        response: { 201: ConfirmCode, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await issueConfirmCode(app.db, req.params.county, req.params.id, req.access.actor, {
          origin: publicOrigin(req),
          hours: req.body.validHours,
        }),
      ),
  );
  app.post(
    '/help-records/:id/village-confirmation',
    {
      config: { permission: 'trust.review', scope: help },
      schema: {
        tags,
        summary: 'The village confirms (or disputes) a record for a household without a phone, marked as such',
        params: HelpParams,
        body: VillageConfirmBody,
        response: { 200: HelpRecordDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => villageConfirm(app.db, req.params.county, req.params.id, req.body),
  );
};

export default routes;
