/** /api/counties/:county/commitments — public commitments (公开承诺): propose, review, publish, fulfil, evaluate. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { editCommitmentItems } from '../../services/commitments/edit-commitment-items.ts';
import { evaluateCommitment } from '../../services/commitments/evaluate-commitment.ts';
import { fulfilCommitmentItem } from '../../services/commitments/fulfil-commitment-item.ts';
import { getCommitment } from '../../services/commitments/get-commitment.ts';
import { listCommitments } from '../../services/commitments/list-commitments.ts';
import { listPairedHouseholds } from '../../services/commitments/paired-households.ts';
import { proposeCommitment } from '../../services/commitments/propose-commitment.ts';
import { publishCommitment } from '../../services/commitments/publish-commitment.ts';
import { reviewCommitment } from '../../services/commitments/review-commitment.ts';
import {
  CommitmentDetail,
  CommitmentEvaluate,
  CommitmentItemParams,
  CommitmentItemsUpdate,
  CommitmentListItem,
  CommitmentListQuery,
  CommitmentMemberParams,
  CommitmentParams,
  CommitmentPropose,
  CommitmentReview,
  ItemFulfil,
  PairedHouseholds,
} from '../../shared/schemas/commitment.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';

const tags = ['commitments'];
const one = { 200: CommitmentDetail, ...ERROR_RESPONSES };
const record = { record: 'commitment' as const, param: 'id' };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'pairing.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: "List commitments (scope by the member's natural village, year, status, member; name search)",
        params: CountyParams,
        querystring: CommitmentListQuery,
        response: { 200: PageOf(CommitmentListItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listCommitments(app.db, req.params.county, req.query),
  );
  app.get(
    '/members/:memberId/households',
    {
      config: { permission: 'pairing.read', scope: { record: 'member', param: 'memberId' } },
      schema: {
        tags,
        summary: "The member's currently paired households (the choices for an item's household)",
        params: CommitmentMemberParams,
        response: { 200: PairedHouseholds, ...ERROR_RESPONSES },
      },
    },
    async (req) => listPairedHouseholds(app.db, req.params.county, req.params.memberId),
  );
  app.get(
    '/:id',
    {
      config: { permission: 'pairing.read', scope: record },
      schema: { tags, summary: 'Read a commitment with its items', params: CommitmentParams, response: one },
    },
    async (req) => getCommitment(app.db, req.params.county, req.params.id),
  );
  app.post(
    '/',
    {
      // The member's unit is checked by the service (the body names a member, not a unit).
      config: { permission: 'commitment.write', creates: 'commitment' },
      schema: {
        tags,
        summary: "Propose a member's commitment for a year: 1–3 items, households among their current pairings",
        params: CountyParams,
        body: CommitmentPropose,
        response: { 201: CommitmentDetail, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await proposeCommitment(app.db, req.params.county, req.access.actor, req.body)),
  );
  app.put(
    '/:id',
    {
      config: { permission: 'commitment.write', scope: record },
      schema: {
        tags,
        summary: 'Replace the items while proposed or returned (a returned commitment is proposed again)',
        params: CommitmentParams,
        body: CommitmentItemsUpdate,
        response: one,
      },
    },
    async (req) => editCommitmentItems(app.db, req.params.county, req.params.id, req.access.actor, req.body.items),
  );
  app.post(
    '/:id/review',
    {
      config: { permission: 'commitment.review', scope: record },
      schema: {
        tags,
        summary: 'Approve a proposed commitment, or return it with a comment',
        params: CommitmentParams,
        body: CommitmentReview,
        response: one,
      },
    },
    async (req) => reviewCommitment(app.db, req.params.county, req.params.id, req.body),
  );
  app.post(
    '/:id/publish',
    {
      config: { permission: 'commitment.review', scope: record },
      schema: { tags, summary: 'Publish an approved commitment', params: CommitmentParams, response: one },
    },
    async (req) => publishCommitment(app.db, req.params.county, req.params.id),
  );
  app.post(
    '/:id/items/:itemId/fulfil',
    {
      config: { permission: 'commitment.write', scope: record },
      schema: {
        tags,
        summary: 'Record the fulfilment of an item of a published commitment (date not in the future, evidence)',
        params: CommitmentItemParams,
        body: ItemFulfil,
        response: one,
      },
    },
    async (req) =>
      fulfilCommitmentItem(app.db, req.params.county, req.params.id, req.params.itemId, req.access.actor, req.body),
  );
  app.post(
    '/:id/evaluate',
    {
      config: { permission: 'commitment.review', scope: record },
      schema: {
        tags,
        summary: 'Evaluate a published commitment at year end (from 1 December of its year)',
        params: CommitmentParams,
        body: CommitmentEvaluate,
        response: one,
      },
    },
    async (req) => evaluateCommitment(app.db, req.params.county, req.params.id, req.body),
  );
};

export default routes;
