/**
 * /api/counties/:county/pairings — pairing members with households (结对帮扶, issue #6 items 2, 3, 8).
 * Every response and error is in the language of `Accept-Language` (zh by default); errors are
 * `{ code, message, requestId, details?: [{ path, code, message }] }`.
 *
 * GET    /suggestions?within=<code>|gridId=<id>&page=1&pageSize=100        pairing.read (scope: within)
 *        → { scope: { code, gridId }, suggestions: [{ member: { id, name, post, expertise: string[] },
 *            household: { id, headName, villageName, naturalVillageName, mainCause, needs: string[] },
 *            fit, parts: { skill, closeness, wish }, reasons: string[],
 *            alternatives: [{ member, fit, parts, reasons, freeSlots }] (≤ 3) }],
 *          total, page, pageSize, shortfall: [{ villageCode, villageName, townshipName, households: id[] }],
 *          summary: { householdsNeedingHelp, householdsCovered, shortfall, membersAtCapacity, totalFit, components },
 *          timing: { loadMs, solveMs } }
 *        A village, natural village or grid scope draws helpers from its village; a township or the county from
 *        each household's township. Suggestions are ordered by natural village, then household.
 * POST   /confirm  { startOn: 'YYYY-MM-DD', pairs: [{ memberId, householdId, measures? }] (1–1000) }   pairing.write
 *        → 201 { items: PairingItem[] }. All or nothing; 422 details per item (`pairs.3.memberId`: member_inactive,
 *        capacity_exceeded; `pairs.3.householdId`: household_not_needing_help, already_paired, other_township;
 *        `startOn`: date_future, date_too_early); 404 when a member or household is outside the caller's
 *        pairing.write scope; 409 when a concurrent write took the slot first.
 * POST   /rejections  { memberId, householdId, reason }   pairing.write → 201 { memberId, householdId, reason, rejectedAt }
 *        The pair is never suggested again.
 * DELETE /rejections/:memberId/:householdId   pairing.write (scope: the household) → 204 (also when none existed)
 * GET    /?within&q&status=current|ended|all&memberId&householdId&gridId&needsHandover&sort&page&pageSize
 *        pairing.read (scope: within) → { items: PairingItem[], total, page, pageSize }
 *        sort: started | member | household | village (prefix '-' for descending); current pairings come first.
 *        PairingItem = { id, member: { id, name, post }, household: { id, headName, status }, villageName,
 *          naturalVillageName, slot, startedOn, endedOn, endReason, successorId, measures, plaqueCode, needsHandover }
 *        A household's helpers and history: `?householdId=<id>&status=all`.
 * GET    /:id   pairing.read (record) → PairingItem & { endNote, exitId, predecessor: PairingItem|null,
 *          successor: PairingItem|null, history: PairingItem[] (the household's pairings, current first) }
 * PATCH  /:id   { measures } (≤ 500 chars)   pairing.write (record) → the pairing as GET /:id
 * POST   /:id/handover  { successorMemberId, on, reason: deceased|moved|illness|other, note }   pairing.write (record)
 * POST   /:id/end       { on }  a pairing kept after the household's exit                   pairing.write (record)
 *        → 201 the successor pairing as GET /:id (its predecessor is the ended one). 422 on `successorMemberId`
 *        (capacity_exceeded, member_inactive, same_member, already_paired, other_township), `on` (date_future,
 *        date_too_early), `id` (pairing_ended).
 * Ending a pairing otherwise (exit, cleared risk) belongs to the exit workflow.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { confirmPairings } from '../../services/pairing/confirm-pairings.ts';
import { endPairingAfterExit } from '../../services/pairing/end-pairing.ts';
import { getPairing } from '../../services/pairing/get-pairing.ts';
import { handOverPairing } from '../../services/pairing/hand-over-pairing.ts';
import { listPairings } from '../../services/pairing/list-pairings.ts';
import { rejectSuggestion, withdrawRejection } from '../../services/pairing/reject-suggestion.ts';
import { suggestPairings } from '../../services/pairing/suggest-pairings.ts';
import { updateMeasures } from '../../services/pairing/update-measures.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  ConfirmBody,
  ConfirmResult,
  EndPairingBody,
  HandoverBody,
  MeasuresBody,
  PairingDetail,
  PairingItem,
  PairingListQuery,
  PairingParams,
  RejectBody,
  Rejection,
  RejectionParams,
  SuggestionQuery,
  SuggestionsBody,
} from '../../shared/schemas/pairing.ts';
import { languageOf } from '../plugins/errors.ts';

const tags = ['pairings'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/suggestions',
    {
      config: { permission: 'pairing.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'Suggested pairings of a scope or grid, with reasons, alternatives, shortfall and summary',
        params: CountyParams,
        querystring: SuggestionQuery,
        response: { 200: SuggestionsBody, ...ERROR_RESPONSES },
      },
    },
    async (req) => suggestPairings(app.db, req.params.county, req.query, languageOf(req)),
  );
  app.post(
    '/confirm',
    {
      config: { permission: 'pairing.write' },
      schema: {
        tags,
        summary: 'Confirm reviewed pairs (all or nothing), starting on a date',
        params: CountyParams,
        body: ConfirmBody,
        response: { 201: ConfirmResult, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const result = await confirmPairings(app.db, req.params.county, req.body, req.access.actor);
      return reply.status(201).send(result);
    },
  );
  app.post(
    '/rejections',
    {
      config: { permission: 'pairing.write' },
      schema: {
        tags,
        summary: 'Reject a suggested pair: it is not suggested again',
        params: CountyParams,
        body: RejectBody,
        response: { 201: Rejection, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const result = await rejectSuggestion(app.db, req.params.county, req.body, req.access.actor);
      return reply.status(201).send(result);
    },
  );
  app.delete(
    '/rejections/:memberId/:householdId',
    {
      config: { permission: 'pairing.write', scope: { record: 'household', param: 'householdId' } },
      schema: {
        tags,
        summary: 'Withdraw a rejection',
        params: RejectionParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { county, memberId, householdId } = req.params;
      await withdrawRejection(app.db, county, memberId, householdId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/',
    {
      config: { permission: 'pairing.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'List pairings (scope, status, member, household, grid, needing handover; search; sort; page)',
        params: CountyParams,
        querystring: PairingListQuery,
        response: { 200: PageOf(PairingItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listPairings(app.db, req.params.county, req.query),
  );
  app.get(
    '/:id',
    {
      config: { permission: 'pairing.read', scope: { record: 'pairing', param: 'id' } },
      schema: {
        tags,
        summary: 'One pairing with its predecessor, successor and the household history',
        params: PairingParams,
        response: { 200: PairingDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => getPairing(app.db, req.params.county, req.params.id),
  );
  app.patch(
    '/:id',
    {
      config: { permission: 'pairing.write', scope: { record: 'pairing', param: 'id' } },
      schema: {
        tags,
        summary: 'Set the help measures (帮扶措施)',
        params: PairingParams,
        body: MeasuresBody,
        response: { 200: PairingDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => updateMeasures(app.db, req.params.county, req.params.id, req.body.measures),
  );
  app.post(
    '/:id/handover',
    {
      config: { permission: 'pairing.write', scope: { record: 'pairing', param: 'id' } },
      schema: {
        tags,
        summary: 'Hand the household over to another member the same day (death, move, illness)',
        params: PairingParams,
        body: HandoverBody,
        response: { 201: PairingDetail, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { county, id } = req.params;
      const result = await handOverPairing(app.db, county, id, req.body, req.access.actor);
      return reply.status(201).send(result);
    },
  );
  app.post(
    '/:id/end',
    {
      config: { permission: 'pairing.write', scope: { record: 'pairing', param: 'id' } },
      schema: {
        tags,
        summary: "End a pairing kept after the household's exit (送一程 over); refused while it is in poverty",
        params: PairingParams,
        body: EndPairingBody,
        response: { 200: PairingDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => endPairingAfterExit(app.db, req.params.county, req.params.id, req.body),
  );
};

export default routes;
