/** /api/counties/:county/org-units — the org tree. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as service from '../../services/org-units.ts';
import { CountyCode, ERROR_RESPONSES, OrgCode, PageOf } from '../../shared/schemas/common.ts';
import { OrgUnit, OrgUnitCreate, OrgUnitListQuery, OrgUnitUpdate } from '../../shared/schemas/org-unit.ts';

const tags = ['org-units'];
const CodeParams = Type.Object({ county: CountyCode, code: OrgCode }, { additionalProperties: false });
const Detail = Type.Intersect([OrgUnit, Type.Object({ boundary: Type.Unknown() })]);

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'org.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'List org units (filter by parent, subtree, level, name)',
        params: Type.Object({ county: CountyCode }),
        querystring: OrgUnitListQuery,
        response: { 200: PageOf(OrgUnit), ...ERROR_RESPONSES },
      },
    },
    async (req) => service.listOrgUnits(app.db, req.params.county, req.query),
  );
  app.get(
    '/:code',
    {
      config: { permission: 'org.read', scope: { param: 'code', ancestors: true } },
      schema: { tags, summary: 'Read an org unit', params: CodeParams, response: { 200: Detail, ...ERROR_RESPONSES } },
    },
    async (req) => service.getOrgUnit(app.db, req.params.county, req.params.code),
  );
  app.post(
    '/',
    {
      config: { permission: 'org.write', scope: { body: 'parentCode' } },
      schema: {
        tags,
        summary: 'Add a township, village or natural village under its parent',
        params: Type.Object({ county: CountyCode }),
        body: OrgUnitCreate,
        response: { 201: Detail, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createOrgUnit(app.db, req.params.county, req.body)),
  );
  app.patch(
    '/:code',
    {
      config: { permission: 'org.write', scope: { param: 'code' } },
      schema: {
        tags,
        summary: 'Rename or relocate an org unit',
        params: CodeParams,
        body: OrgUnitUpdate,
        response: { 200: Detail, ...ERROR_RESPONSES },
      },
    },
    async (req) => service.updateOrgUnit(app.db, req.params.county, req.params.code, req.body),
  );
};

export default routes;
