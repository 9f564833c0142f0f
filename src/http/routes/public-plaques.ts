/**
 * /api/public/plaques — what a plaque's QR code opens, for anyone without signing in: the plaque's content,
 * progress and approved comments, and the feedback form's target. No session, no CSRF token (nothing here acts
 * on anyone's behalf); writes are rate-limited per IP and once a day per visitor and pairing, and moderated.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../domain/errors.ts';
import { submitFeedback } from '../../services/feedback/submit-feedback.ts';
import { getPublicPlaque } from '../../services/plaques/public-plaque.ts';
import { publicConfirm } from '../../services/record-trust/confirm-records.ts';
import { ERROR_RESPONSES, ErrorBody } from '../../shared/schemas/common.ts';
import { FeedbackAccepted, FeedbackBody, PublicPlaque, PublicPlaqueParams } from '../../shared/schemas/plaque.ts';
import { PublicConfirmBody, PublicConfirmed } from '../../shared/schemas/record-trust.ts';

const tags = ['public'];

/** Feedback posts per IP and window (a household's family on one phone fits easily). */
export const FEEDBACK_RATE = { max: 5, timeWindow: '10 minutes' };
/** Confirmation answers per IP and window: a household answers a visit or two; guessing codes gets nowhere. */
export const CONFIRM_RATE = { max: 10, timeWindow: '10 minutes' };
/** Page reads per IP and minute: plenty for people scanning doors, a brake on walking through plaque codes. */
export const READ_RATE = { max: 120, timeWindow: '1 minute' };

const TOO_MANY = () =>
  new AppError('rate_limited', {
    zh: '提交过于频繁，请 10 分钟后再试',
    en: 'Too many submissions: please try again in 10 minutes',
  });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/:county/:code',
    {
      config: { permission: 'public', rateLimit: READ_RATE },
      schema: {
        tags,
        summary: "A plaque's public page: household and helper (no personal data), progress, approved comments",
        params: PublicPlaqueParams,
        response: { 200: PublicPlaque, ...ERROR_RESPONSES },
      },
    },
    async (req) => getPublicPlaque(app.db, req.params.county, req.params.code),
  );
  app.post(
    '/:county/:code/feedback',
    {
      config: {
        permission: 'public',
        rateLimit: { ...FEEDBACK_RATE, errorResponseBuilder: () => TOO_MANY() },
      },
      schema: {
        tags,
        summary: 'Leave feedback on a pairing (1–5 stars, comment ≤ 300); shown after moderation',
        params: PublicPlaqueParams,
        body: FeedbackBody,
        response: { 202: FeedbackAccepted, 429: ErrorBody, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await submitFeedback(app.db, req.params.county, req.params.code, req.body, req.ip)),
  );
  app.post(
    '/:county/:code/confirm',
    {
      config: {
        permission: 'public',
        rateLimit: { ...CONFIRM_RATE, errorResponseBuilder: () => TOO_MANY() },
      },
      schema: {
        tags,
        summary: "The household confirms or disputes a visit with the helper's one-time code (no account)",
        params: PublicPlaqueParams,
        body: PublicConfirmBody,
        response: { 200: PublicConfirmed, 429: ErrorBody, ...ERROR_RESPONSES },
      },
    },
    async (req) => publicConfirm(app.db, req.params.county, req.params.code, req.body),
  );
};

export default routes;
