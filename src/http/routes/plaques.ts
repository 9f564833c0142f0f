/**
 * /api/counties/:county — printable plaques (挂牌, 连心卡): one pairing's, or every current pairing's of a village
 * for bulk printing. Each carries the public page's URL and its QR code as SVG.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getPlaque, villagePlaques } from '../../services/plaques/get-plaques.ts';
import { publicOrigin } from '../../services/plaques/qr.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES } from '../../shared/schemas/common.ts';
import { Plaque, PlaqueList, PlaqueVillageQuery } from '../../shared/schemas/plaque.ts';

const tags = ['plaques'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/pairings/:id/plaque',
    {
      config: { permission: 'pairing.read', scope: { record: 'pairing', param: 'id' } },
      schema: {
        tags,
        summary: "A pairing's plaque: head's name, labels, helper's published contact, measures, commitments, QR",
        params: CountyIdParams,
        response: { 200: Plaque, ...ERROR_RESPONSES },
      },
    },
    async (req) => getPlaque(app.db, req.params.county, req.params.id, publicOrigin(req)),
  );
  app.get(
    '/plaques',
    {
      config: { permission: 'pairing.read', scope: { query: 'village' } },
      schema: {
        tags,
        summary: "Plaques of a village's current pairings for bulk printing (by natural village, then head's name)",
        params: CountyParams,
        querystring: PlaqueVillageQuery,
        response: { 200: PlaqueList, ...ERROR_RESPONSES },
      },
    },
    async (req) => villagePlaques(app.db, req.params.county, req.query.village, publicOrigin(req)),
  );
};

export default routes;
