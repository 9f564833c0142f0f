/**
 * /api/counties/:county/households — the poor-household registry: list, read, register, update, status
 * changes and the exit assessment. Persons, income and needs are in household-parts.ts, registered below.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { revealHousehold } from '../../services/access/reveal.ts';
import { assessHouseholdExit } from '../../services/households/assess-household-exit.ts';
import { changeHouseholdStatus } from '../../services/households/change-household-status.ts';
import { createHousehold } from '../../services/households/create-household.ts';
import { getHousehold } from '../../services/households/get-household.ts';
import { listHouseholds } from '../../services/households/list-households.ts';
import { updateHousehold } from '../../services/households/update-household.ts';
import { HouseholdSensitive } from '../../shared/schemas/access.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  ExitAssessment,
  HouseholdCreate,
  HouseholdDetail,
  HouseholdListItem,
  HouseholdListQuery,
  HouseholdPatch,
  StatusChange,
} from '../../shared/schemas/household.ts';
import { languageOf } from '../plugins/errors.ts';
import partRoutes from './household-parts.ts';

const tags = ['households'];
const Detail = { 200: HouseholdDetail, ...ERROR_RESPONSES };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'household.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'List households (place, status, attribute, cause; search by ID number, registry number or head name)',
        params: CountyParams,
        querystring: HouseholdListQuery,
        response: { 200: PageOf(HouseholdListItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listHouseholds(app.db, req.params.county, req.query),
  );
  app.get(
    '/:id',
    {
      config: {
        permission: 'household.read',
        scope: { record: 'household', param: 'id' },
      },
      schema: {
        tags,
        summary: 'Full household record with persons, income, needs, history and violations',
        params: CountyIdParams,
        response: Detail,
      },
    },
    async (req) => getHousehold(app.db, req.params.county, req.params.id, languageOf(req)),
  );
  app.post(
    '/',
    {
      config: {
        permission: 'household.write',
        scope: { body: 'naturalVillageCode' },
        creates: 'household',
      },
      schema: {
        tags,
        summary: 'Register a household with its persons, income years and needs (one transaction)',
        params: CountyParams,
        body: HouseholdCreate,
        response: { 201: HouseholdDetail, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createHousehold(app.db, req.params.county, req.body, languageOf(req))),
  );
  app.patch(
    '/:id',
    {
      config: {
        permission: 'household.write',
        scope: { record: 'household', param: 'id' },
      },
      schema: {
        tags,
        summary: "Update a household's own fields",
        params: CountyIdParams,
        body: HouseholdPatch,
        response: Detail,
      },
    },
    async (req) => updateHousehold(app.db, req.params.county, req.params.id, req.body, languageOf(req)),
  );
  app.post(
    '/:id/status',
    {
      config: {
        permission: 'household.write',
        scope: { record: 'household', param: 'id' },
      },
      schema: {
        tags,
        summary: 'Record a decided status change (history is append-only)',
        params: CountyIdParams,
        body: StatusChange,
        response: Detail,
      },
    },
    async (req) => changeHouseholdStatus(app.db, req.params.county, req.params.id, req.body, languageOf(req)),
  );
  app.get(
    '/:id/exit-assessment',
    {
      config: { permission: 'household.read', scope: { record: 'household', param: 'id' } },
      schema: {
        tags,
        summary: 'Exit test for an income year (default the latest): income above the line and 两不愁三保障',
        params: CountyIdParams,
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: 2013, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: { 200: ExitAssessment, ...ERROR_RESPONSES },
      },
    },
    async (req) => assessHouseholdExit(app.db, req.params.county, req.params.id, req.query.year, languageOf(req)),
  );
  app.get(
    '/:id/sensitive',
    {
      config: { permission: 'household.sensitive', scope: { record: 'household', param: 'id' }, reveal: true },
      schema: {
        tags,
        summary: 'Unmask one household: phone, bank account, ID numbers and health of its persons (audited)',
        params: CountyIdParams,
        response: { 200: HouseholdSensitive, ...ERROR_RESPONSES },
      },
    },
    async (req) => revealHousehold(app.db, req.params.county, req.params.id),
  );
  await app.register(partRoutes);
};

export default routes;
