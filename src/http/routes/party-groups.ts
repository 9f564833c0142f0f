/** /api/counties/:county/party-groups — grid Party groups: leaders, instructors, activity centres. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assignLeader } from '../../services/party-groups/assign-leader.ts';
import { getPartyGroup } from '../../services/party-groups/get-party-group.ts';
import { listPartyGroups } from '../../services/party-groups/list-party-groups.ts';
import { setActivityCentre } from '../../services/party-groups/set-activity-centre.ts';
import { setInstructor } from '../../services/party-groups/set-instructor.ts';
import { suggestLeaders } from '../../services/party-groups/suggest-leaders.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  ActivityCentreSet,
  InstructorAssign,
  InstructorParams,
  LeaderAssign,
  LeaderSuggestions,
  PartyGroupDetail,
  PartyGroupListItem,
  PartyGroupListQuery,
  PartyGroupParams,
} from '../../shared/schemas/party-group.ts';

const tags = ['party-groups'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'grid.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'List current Party groups (scope, without leader, without instructors, name search)',
        params: CountyParams,
        querystring: PartyGroupListQuery,
        response: { 200: PageOf(PartyGroupListItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listPartyGroups(app.db, req.params.county, req.query),
  );
  app.get(
    '/:id',
    {
      config: { permission: 'grid.read', scope: { record: 'party_group', param: 'id' } },
      schema: {
        tags,
        summary: 'Read a Party group: grid, members (phones masked), leader, instructors, activity centre, history',
        params: PartyGroupParams,
        response: { 200: PartyGroupDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => getPartyGroup(app.db, req.params.county, req.params.id),
  );
  app.get(
    '/:id/leader-suggestions',
    {
      config: { permission: 'grid.read', scope: { record: 'party_group', param: 'id' } },
      schema: {
        tags,
        summary: "Rank the grid's members as group leader, with reasons (and why others are not eligible)",
        params: PartyGroupParams,
        response: { 200: LeaderSuggestions, ...ERROR_RESPONSES },
      },
    },
    async (req) => suggestLeaders(app.db, req.params.county, req.params.id),
  );
  app.put(
    '/:id/leader',
    {
      config: { permission: 'grid.write', scope: { record: 'party_group', param: 'id' } },
      schema: {
        tags,
        summary: "Assign the group's leader (a current, eligible member of its grid)",
        params: PartyGroupParams,
        body: LeaderAssign,
        response: { 200: PartyGroupDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => assignLeader(app.db, req.params.county, req.params.id, req.body),
  );
  app.put(
    '/:id/instructors/:level',
    {
      config: { permission: 'grid.write', scope: { record: 'party_group', param: 'id' } },
      schema: {
        tags,
        summary: "Set the group's township or village instructor; the previous one's term ends (history kept)",
        params: InstructorParams,
        body: InstructorAssign,
        response: { 200: PartyGroupDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => setInstructor(app.db, req.params.county, req.params.id, req.params.level, req.body),
  );
  app.put(
    '/:id/activity-centre',
    {
      config: { permission: 'grid.write', scope: { record: 'party_group', param: 'id' } },
      schema: {
        tags,
        summary: "Set the group's activity centre: address, coordinates (both or neither), opening notes",
        params: PartyGroupParams,
        body: ActivityCentreSet,
        response: { 200: PartyGroupDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => setActivityCentre(app.db, req.params.county, req.params.id, req.body),
  );
};

export default routes;
