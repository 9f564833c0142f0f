/** /api/counties/:county/dashboard — figures of a scope with its children, the scope's map, its Party life. */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../domain/errors.ts';
import { getDashboard } from '../../services/dashboard/get-dashboard.ts';
import { getDashboardMap } from '../../services/dashboard/get-dashboard-map.ts';
import { partyLifeFigures } from '../../services/dashboard/party-life-figures.ts';
import { CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';
import { Dashboard, DashboardQuery, MapFeatures, MapQuery } from '../../shared/schemas/dashboard.ts';
import { PartyLifeFigures, PartyLifeQuery } from '../../shared/schemas/dashboard-party-life.ts';

const tags = ['dashboard'];
const NotModified = Type.Null({ description: 'Not modified: the map of the If-None-Match ETag is still current' });

/** A scope must lie in the county of the path; otherwise it is not found (no existence leaks across counties). */
function scopeOf(county: string, scope: string | undefined): string {
  if (scope !== undefined && !scope.startsWith(county)) throw AppError.notFound({ zh: '区划', en: 'org unit' });
  return scope ?? county;
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'dashboard.read', scope: { query: 'scope' } },
      schema: {
        tags,
        summary: 'Households, income against the poverty line, members and coverage of a scope, per child unit',
        params: CountyParams,
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...ERROR_RESPONSES },
      },
    },
    async (req) => getDashboard(app.db, req.params.county, scopeOf(req.params.county, req.query.scope)),
  );
  app.get(
    '/map',
    {
      config: { permission: 'dashboard.read', scope: { query: 'scope' } },
      schema: {
        tags,
        summary: "Boundaries of the scope's children (or of a deeper level) as a GeoJSON FeatureCollection",
        params: CountyParams,
        querystring: MapQuery,
        response: { 200: MapFeatures, 304: NotModified, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { county } = req.params;
      const body = await getDashboardMap(app.db, county, scopeOf(county, req.query.scope), req.query.level);
      // Boundaries rarely change: a browser that has this map already revalidates it and gets 304, no body.
      const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return body;
    },
  );
  app.get(
    '/party-life',
    {
      config: { permission: 'party.read', scope: { query: 'scope' } },
      schema: {
        tags,
        summary: 'Party life of a scope and year: required activities held, late and missed; members by stars',
        params: CountyParams,
        querystring: PartyLifeQuery,
        response: { 200: PartyLifeFigures, ...ERROR_RESPONSES },
      },
    },
    async (req) =>
      partyLifeFigures(app.db, req.params.county, scopeOf(req.params.county, req.query.scope), req.query.year),
  );
};

export default routes;
