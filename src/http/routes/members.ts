/** /api/counties/:county/members — the party-member register and its information cards. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { revealMember } from '../../services/access/reveal.ts';
import { createMember } from '../../services/members/create-member.ts';
import { getMember } from '../../services/members/get-member.ts';
import { listMembers } from '../../services/members/list-members.ts';
import { updateMember } from '../../services/members/update-member.ts';
import { MemberSensitive } from '../../shared/schemas/access.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  MemberCard,
  MemberCreate,
  MemberListItem,
  MemberListQuery,
  MemberUpdate,
} from '../../shared/schemas/member.ts';

const tags = ['members'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'member.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'List party members (filter by place, expertise, willingness, membership, status; search)',
        params: CountyParams,
        querystring: MemberListQuery,
        response: { 200: PageOf(MemberListItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      // Searching by the start of a phone number would reveal phones: only for those who may unmask them.
      const phones = req.access.can('member.sensitive', req.access.unit ?? req.params.county);
      return listMembers(app.db, req.params.county, req.query, undefined, phones);
    },
  );
  app.get(
    '/:id',
    {
      config: { permission: 'member.read', scope: { record: 'member', param: 'id' } },
      schema: {
        tags,
        summary: "Read a member's information card (ID number and phone masked)",
        params: CountyIdParams,
        response: { 200: MemberCard, ...ERROR_RESPONSES },
      },
    },
    async (req) => getMember(app.db, req.params.county, req.params.id),
  );
  app.post(
    '/',
    {
      config: { permission: 'member.write', scope: { body: 'naturalVillageCode' }, creates: 'member' },
      schema: {
        tags,
        summary: "Register a member's information card",
        params: CountyParams,
        body: MemberCreate,
        response: { 201: MemberCard, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => reply.status(201).send(await createMember(app.db, req.params.county, req.body)),
  );
  app.patch(
    '/:id',
    {
      config: { permission: 'member.write', scope: { record: 'member', param: 'id' } },
      schema: {
        tags,
        summary: "Change fields of a member's information card",
        params: CountyIdParams,
        body: MemberUpdate,
        response: { 200: MemberCard, ...ERROR_RESPONSES },
      },
    },
    async (req) => updateMember(app.db, req.params.county, req.params.id, req.body),
  );
  app.get(
    '/:id/sensitive',
    {
      config: { permission: 'member.sensitive', scope: { record: 'member', param: 'id' }, reveal: true },
      schema: {
        tags,
        summary: "Unmask one member's ID number, phone and health (audited)",
        params: CountyIdParams,
        response: { 200: MemberSensitive, ...ERROR_RESPONSES },
      },
    },
    async (req) => revealMember(app.db, req.params.county, req.params.id),
  );
};

export default routes;
