/** /api/counties/:county/households/:id/{persons,income,needs} — a household's members, income years and needs. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { putIncome } from '../../services/households/household-income.ts';
import { addNeed, updateNeed } from '../../services/households/household-needs.ts';
import { addPerson, removePerson, updatePerson } from '../../services/households/household-persons.ts';
import { CountyCode, CountyIdParams, ERROR_RESPONSES, Id } from '../../shared/schemas/common.ts';
import {
  HouseholdDetail,
  IncomeInput,
  NeedInput,
  NeedPatch,
  PersonInput,
  PersonPatch,
  PersonRemoval,
} from '../../shared/schemas/household.ts';
import { languageOf } from '../plugins/errors.ts';

const tags = ['households'];
const Detail = { 200: HouseholdDetail, ...ERROR_RESPONSES };
const Created = { 201: HouseholdDetail, ...ERROR_RESPONSES };
const PersonParams = Type.Object({ county: CountyCode, id: Id, personId: Id }, { additionalProperties: false });
const NeedParams = Type.Object({ county: CountyCode, id: Id, needId: Id }, { additionalProperties: false });
const YearParams = Type.Object(
  { county: CountyCode, id: Id, year: Type.Integer({ minimum: 2013, maximum: 2100 }) },
  { additionalProperties: false },
);

/** Every route writes one household, named by the path's id. */
const WRITE = { permission: 'household.write', scope: { record: 'household', param: 'id' } } as const;

/** Every route answers with the household's full record, so the screen sees size, head and violations follow. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/:id/persons',
    {
      config: WRITE,
      schema: { tags, summary: 'Add a member', params: CountyIdParams, body: PersonInput, response: Created },
    },
    async (req, reply) => {
      const { county, id } = req.params;
      return reply.status(201).send(await addPerson(app.db, county, id, req.body, languageOf(req)));
    },
  );
  app.patch(
    '/:id/persons/:personId',
    {
      config: WRITE,
      schema: {
        tags,
        summary: 'Correct a member (making one head demotes the current head)',
        params: PersonParams,
        body: PersonPatch,
        response: Detail,
      },
    },
    async (req) =>
      updatePerson(app.db, req.params.county, req.params.id, req.params.personId, req.body, languageOf(req)),
  );
  app.delete(
    '/:id/persons/:personId',
    {
      config: WRITE,
      schema: {
        tags,
        summary: 'Remove a member (recorded with date and reason, never deleted)',
        params: PersonParams,
        body: PersonRemoval,
        response: Detail,
      },
    },
    async (req) =>
      removePerson(app.db, req.params.county, req.params.id, req.params.personId, req.body, languageOf(req)),
  );
  app.put(
    '/:id/income/:year',
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Enter or correct a year's income",
        params: YearParams,
        body: IncomeInput,
        response: Detail,
      },
    },
    async (req) => putIncome(app.db, req.params.county, req.params.id, req.params.year, req.body, languageOf(req)),
  );
  app.post(
    '/:id/needs',
    {
      config: WRITE,
      schema: { tags, summary: 'Record a need', params: CountyIdParams, body: NeedInput, response: Created },
    },
    async (req, reply) => {
      const { county, id } = req.params;
      return reply.status(201).send(await addNeed(app.db, county, id, req.body, languageOf(req)));
    },
  );
  app.patch(
    '/:id/needs/:needId',
    {
      config: WRITE,
      schema: {
        tags,
        summary: 'Change a need (met or dropped closes it)',
        params: NeedParams,
        body: NeedPatch,
        response: Detail,
      },
    },
    async (req) => updateNeed(app.db, req.params.county, req.params.id, req.params.needId, req.body, languageOf(req)),
  );
};

export default routes;
