/**
 * /api/counties/:county/{households/:id/exits, exits} — the household exit workflow: start with an assessment,
 * verify, sign, public notice with objections, complete or withdraw; a household's exits and the 公示 board.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { completeExit } from '../../services/exits/complete-exit.ts';
import { listHouseholdExits } from '../../services/exits/exit-view.ts';
import { listExits } from '../../services/exits/list-exits.ts';
import { raiseObjection } from '../../services/exits/raise-objection.ts';
import { resolveObjection } from '../../services/exits/resolve-objection.ts';
import { signExit } from '../../services/exits/sign-exit.ts';
import { startExit } from '../../services/exits/start-exit.ts';
import { startNotice } from '../../services/exits/start-notice.ts';
import { verifyExit } from '../../services/exits/verify-exit.ts';
import { withdrawExit } from '../../services/exits/withdraw-exit.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  ExitComplete,
  ExitListItem,
  ExitListQuery,
  ExitNotice,
  ExitParams,
  ExitSign,
  ExitStart,
  ExitVerify,
  ExitWithdraw,
  HouseholdExit,
  HouseholdExits,
  ObjectionParams,
  ObjectionRaise,
  ObjectionResolve,
} from '../../shared/schemas/exit.ts';
import { languageOf } from '../plugins/errors.ts';

const tags = ['exits'];
const write = { permission: 'exit.write', scope: { record: 'exit', param: 'exitId' } } as const;
const Answer = { 200: HouseholdExit, ...ERROR_RESPONSES };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exits',
    {
      config: { permission: 'household.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary:
          'List exits in a scope (status=notice: the 公示 board with notice end dates; search by head or registry no)',
        params: CountyParams,
        querystring: ExitListQuery,
        response: { 200: PageOf(ExitListItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listExits(app.db, req.params.county, req.query),
  );
  app.get(
    '/households/:id/exits',
    {
      config: { permission: 'household.read', scope: { record: 'household', param: 'id' } },
      schema: {
        tags,
        summary: "A household's exits, newest first, with every step dated and their objections",
        params: CountyIdParams,
        response: { 200: HouseholdExits, ...ERROR_RESPONSES },
      },
    },
    async (req) => listHouseholdExits(app.db, req.params.county, req.params.id, languageOf(req)),
  );
  app.post(
    '/households/:id/exits',
    {
      config: { permission: 'exit.write', scope: { record: 'household', param: 'id' } },
      schema: {
        tags,
        summary:
          'Start an exit: the exit test of the year must pass (422 lists each failed check); stores the assessment',
        params: CountyIdParams,
        body: ExitStart,
        response: { 201: HouseholdExit, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await startExit(app.db, req.params.county, req.params.id, req.body, languageOf(req))),
  );
  app.post(
    '/exits/:exitId/verify',
    {
      config: write,
      schema: { tags, summary: 'Village verification', params: ExitParams, body: ExitVerify, response: Answer },
    },
    async (req) => verifyExit(app.db, req.params.county, req.params.exitId, req.body, languageOf(req)),
  );
  app.post(
    '/exits/:exitId/sign',
    {
      config: write,
      schema: {
        tags,
        summary: "The household head's signature recorded",
        params: ExitParams,
        body: ExitSign,
        response: Answer,
      },
    },
    async (req) => signExit(app.db, req.params.county, req.params.exitId, req.body, languageOf(req)),
  );
  app.post(
    '/exits/:exitId/notice',
    {
      config: write,
      schema: {
        tags,
        summary: 'Public notice from a day for 1–30 days (default 5)',
        params: ExitParams,
        body: ExitNotice,
        response: Answer,
      },
    },
    async (req) => startNotice(app.db, req.params.county, req.params.exitId, req.body, languageOf(req)),
  );
  app.post(
    '/exits/:exitId/objections',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an objection during the notice',
        params: ExitParams,
        body: ObjectionRaise,
        response: { 201: HouseholdExit, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await raiseObjection(app.db, req.params.county, req.params.exitId, req.body, languageOf(req))),
  );
  app.post(
    '/exits/:exitId/objections/:objectionId/resolve',
    {
      config: write,
      schema: {
        tags,
        summary: 'Resolve an objection: upheld withdraws the exit, dismissed lets the notice continue',
        params: ObjectionParams,
        body: ObjectionResolve,
        response: Answer,
      },
    },
    async (req) =>
      resolveObjection(app.db, req.params.county, req.params.exitId, req.params.objectionId, req.body, languageOf(req)),
  );
  app.post(
    '/exits/:exitId/complete',
    {
      config: write,
      schema: {
        tags,
        summary: 'Complete after the notice (no open objection): the household exits, its pairings end that day',
        params: ExitParams,
        body: ExitComplete,
        response: Answer,
      },
    },
    async (req) => completeExit(app.db, req.params.county, req.params.exitId, req.body, languageOf(req)),
  );
  app.post(
    '/exits/:exitId/withdraw',
    {
      config: write,
      schema: {
        tags,
        summary: 'Withdraw an exit in progress, with a reason',
        params: ExitParams,
        body: ExitWithdraw,
        response: Answer,
      },
    },
    async (req) => withdrawExit(app.db, req.params.county, req.params.exitId, req.body, languageOf(req)),
  );
};

export default routes;
