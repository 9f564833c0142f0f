/** /api/health, /api/dictionaries and /api/stats. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listDictionary } from '../../services/dictionary.ts';
import { databaseHealth } from '../../services/health.ts';
import { registryStats } from '../../services/stats.ts';
import { CountyCode } from '../../shared/schemas/common.ts';
import { DictionaryEntries } from '../../shared/schemas/dictionary.ts';

const Stats = Type.Object({
  townships: Type.Integer(),
  villages: Type.Integer(),
  naturalVillages: Type.Integer(),
  grids: Type.Integer(),
  partyGroups: Type.Integer(),
  members: Type.Integer(),
  households: Type.Integer(),
  householdsPoor: Type.Integer(),
  householdsExited: Type.Integer(),
  householdsMonitored: Type.Integer({ description: 'Households with an open monitoring case' }),
  persons: Type.Integer(),
  pairings: Type.Integer({ description: 'Current pairings (结对) of members with households' }),
  problemsResolved: Type.Integer({ description: 'Problems resolved or closed' }),
  problemsOpen: Type.Integer({ description: 'Problems still being handled' }),
  problemsOverdue: Type.Integer({ description: 'Problems past their level’s deadline' }),
  helpRecords: Type.Integer({ description: 'Help records (帮扶纪实), any status' }),
  monitoringOpen: Type.Integer({ description: 'Monitoring cases open now' }),
  monitoringCleared: Type.Integer({ description: 'Monitoring cases whose risk was cleared' }),
  monitoringByCategory: Type.Record(Type.String(), Type.Integer(), { description: 'Open cases by category' }),
});

const Health = Type.Object({
  ok: Type.Boolean(),
  database: Type.Union([Type.Literal('up'), Type.Literal('unavailable')]),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'Liveness and the database: 503 when a `select 1` fails (load balancers take the node out)',
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      const database = await databaseHealth(app.db);
      return reply.status(database === 'up' ? 200 : 503).send({ ok: database === 'up', database });
    },
  );
  app.get(
    '/dictionaries',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'Every coded list with Chinese and English labels',
        querystring: Type.Object(
          { kind: Type.Optional(Type.String({ maxLength: 40 })) },
          { additionalProperties: false },
        ),
        response: { 200: DictionaryEntries },
      },
    },
    async (req) => listDictionary(app.db, req.query.kind),
  );
  app.get(
    '/counties/:county/stats',
    {
      config: { permission: 'dashboard.read', scope: { param: 'county' } },
      schema: {
        tags: ['meta'],
        summary: 'Registry counts of a county',
        params: Type.Object({ county: CountyCode }),
        response: { 200: Stats },
      },
    },
    async (req) => registryStats(app.db, req.params.county),
  );
};

export default routes;
