/** PUT /api/counties/:county/org-units/:code/boundary — import a real boundary for one org unit. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { importBoundary } from '../../services/boundaries/import-boundary.ts';
import { CountyCode, ERROR_RESPONSES, OrgCode } from '../../shared/schemas/common.ts';
import { BoundaryImport, BoundaryImported } from '../../shared/schemas/dashboard.ts';

/** Real township outlines run to a few MB of GeoJSON; the app-wide 1 MB limit is for forms. */
const BOUNDARY_BODY_LIMIT = 8 * 1024 * 1024;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/:code/boundary',
    {
      bodyLimit: BOUNDARY_BODY_LIMIT,
      config: { permission: 'org.write', scope: { param: 'code' } },
      schema: {
        tags: ['org-units'],
        summary: 'Replace the boundary of an org unit with a GeoJSON Polygon or MultiPolygon (WGS 84)',
        params: Type.Object({ county: CountyCode, code: OrgCode }, { additionalProperties: false }),
        body: BoundaryImport,
        response: { 200: BoundaryImported, 413: ERROR_RESPONSES[422], ...ERROR_RESPONSES },
      },
    },
    async (req) => importBoundary(app.db, req.params.county, req.params.code, req.body),
  );
};

export default routes;
