/**
 * Builds the Fastify application without listening (server.ts listens; tests use app.inject()).
 * Validation is strict: every schema error is reported (allErrors), unknown fields are refused
 * (additionalProperties: false in the schemas), and nothing is coerced except query strings.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/kysely.ts';
import { startSweepScheduler } from '../services/problems/sweep-scheduler.ts';
import { filesDirFromEnv, LocalDiskStorage, type Storage } from '../services/storage/storage.ts';
import { serializeRequest } from './log-serializers.ts';
import accessPlugin from './plugins/access.ts';
import databasePlugin from './plugins/database.ts';
import errorsPlugin from './plugins/errors.ts';
import maskingPlugin from './plugins/masking.ts';
import recordActionsPlugin from './plugins/record-actions.ts';
import { refuseUnsafeText, validatorCompiler } from './plugins/validation.ts';
import webAssetsPlugin from './plugins/web-assets.ts';
import assessmentRoutes from './routes/assessment.ts';
import auditRoutes from './routes/audit.ts';
import authRoutes from './routes/auth.ts';
import boundaryRoutes from './routes/boundaries.ts';
import commitmentRoutes from './routes/commitments.ts';
import dashboardRoutes from './routes/dashboard.ts';
import exitRoutes from './routes/exits.ts';
import feedbackRoutes from './routes/feedback.ts';
import gridPlanRoutes from './routes/grid-plans.ts';
import gridRoutes from './routes/grids.ts';
import helpRecordRoutes from './routes/help-records.ts';
import householdRoutes from './routes/households.ts';
import inboxRoutes from './routes/inbox.ts';
import memberRoutes from './routes/members.ts';
import metaRoutes from './routes/meta.ts';
import monitoringRoutes from './routes/monitoring.ts';
import orgUnitRoutes from './routes/org-units.ts';
import pairingRoutes from './routes/pairings.ts';
import partyActivityRoutes from './routes/party-activities.ts';
import partyGroupRoutes from './routes/party-groups.ts';
import plaqueRoutes from './routes/plaques.ts';
import problemRoutes from './routes/problems.ts';
import publicPlaqueRoutes from './routes/public-plaques.ts';
import recordTrustRoutes from './routes/record-trust.ts';
import settingsRoutes from './routes/settings.ts';
import userRoutes from './routes/users.ts';
import warningRoutes from './routes/warnings.ts';
import { type TrustProxy, trustProxyFrom } from './trust-proxy.ts';

export interface AppOptions {
  database: DatabaseHandle;
  /** Proxies whose X-Forwarded-For to believe; default from LIANXIN_TRUST_PROXY (see trust-proxy.ts). */
  trustProxy?: TrustProxy;
  /** Pino logger options, or false (tests). Sensitive fields are redacted either way. */
  logger?: boolean | Record<string, unknown>;
  /** Where uploaded files go; the local disk under the data directory by default. */
  storage?: Storage;
  /** Minutes between overdue sweeps (0 or absent: no scheduler; the server passes LIANXIN_SWEEP_MINUTES). */
  sweepMinutes?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The file store of uploads (help-record photos). */
    storage: Storage;
  }
}

const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.idNumber',
  '*.phone',
  '*.bankAccount',
  '*.health',
  '*.password',
  '*.current',
  '*.next',
];

/**
 * Content Security Policy for the SPA: scripts only from this origin (Vite emits no inline script), styles
 * inline too (Ant Design injects its CSS-in-JS as <style>), images and fonts as data:/blob: (ECharts exports,
 * icons), no framing, no plugins. Workers from this origin: /sw.js, the service worker that opens the help form
 * offline (src/web/sw/).
 */
const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger =
    options.logger === false || options.logger === undefined
      ? false
      : { ...(options.logger === true ? {} : options.logger), redact: REDACT, serializers: { req: serializeRequest } };
  const app = Fastify({
    logger,
    trustProxy: options.trustProxy ?? trustProxyFrom(process.env.LIANXIN_TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('preValidation', refuseUnsafeText); // before access checks, handlers and SQL see any text

  await app.register(helmet, { contentSecurityPolicy: CSP, hsts: false, crossOriginEmbedderPolicy: false });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lianxin 连心 API', version: '0.1.0', description: '网格党小组结对帮扶 — registries of a county' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.decorate('storage', options.storage ?? new LocalDiskStorage(filesDirFromEnv()));
  await app.register(errorsPlugin);
  await app.register(databasePlugin, { database: options.database });
  await app.register(accessPlugin);
  await app.register(maskingPlugin);
  await app.register(recordActionsPlugin);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(metaRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(userRoutes, { prefix: '/api/counties/:county/users' });
  await app.register(auditRoutes, { prefix: '/api/counties/:county/audit' });
  await app.register(orgUnitRoutes, { prefix: '/api/counties/:county/org-units' });
  await app.register(memberRoutes, { prefix: '/api/counties/:county/members' });
  await app.register(householdRoutes, { prefix: '/api/counties/:county/households' });
  await app.register(dashboardRoutes, { prefix: '/api/counties/:county/dashboard' });
  await app.register(boundaryRoutes, { prefix: '/api/counties/:county/org-units' });
  await app.register(gridRoutes, { prefix: '/api/counties/:county/grids' });
  await app.register(gridPlanRoutes, { prefix: '/api/counties/:county/grid-plans' });
  await app.register(partyGroupRoutes, { prefix: '/api/counties/:county/party-groups' });
  await app.register(pairingRoutes, { prefix: '/api/counties/:county/pairings' });
  await app.register(exitRoutes, { prefix: '/api/counties/:county' });
  await app.register(plaqueRoutes, { prefix: '/api/counties/:county' });
  await app.register(feedbackRoutes, { prefix: '/api/counties/:county/feedback' });
  // Anyone holding a plaque's QR code: its own plugin, so nothing of the signed-in API leaks into it.
  await app.register(publicPlaqueRoutes, { prefix: '/api/public/plaques' });
  await app.register(commitmentRoutes, { prefix: '/api/counties/:county/commitments' });
  await app.register(helpRecordRoutes, { prefix: '/api/counties/:county' });
  await app.register(warningRoutes, { prefix: '/api/counties/:county' });
  await app.register(problemRoutes, { prefix: '/api/counties/:county/problems' });
  await app.register(inboxRoutes, { prefix: '/api/counties/:county/inbox' });
  await app.register(settingsRoutes, { prefix: '/api/counties/:county/settings' });
  await app.register(partyActivityRoutes, { prefix: '/api/counties/:county/party-activities' });
  await app.register(assessmentRoutes, { prefix: '/api/counties/:county/assessment' });
  await app.register(monitoringRoutes, { prefix: '/api/counties/:county' });
  await app.register(recordTrustRoutes, { prefix: '/api/counties/:county' });
  if (options.sweepMinutes && options.sweepMinutes > 0) {
    const scheduler = startSweepScheduler(app.db, options.sweepMinutes, {
      onResult: (r) => app.log.info({ sweep: r }, 'overdue sweep'),
      onError: (e) => app.log.error({ err: e }, 'overdue sweep failed'),
    });
    app.addHook('onClose', () => scheduler.stop());
  }
  await app.register(webAssetsPlugin); // last: its catch-all GET must not shadow any route above
  return app;
}
