/**
 * /api/counties/:county/grids — the grids (网格): list, one grid, its map, manual edits and the coverage
 * report. Partition plans are in grid-plans.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { coverageReport } from '../../services/grids/coverage.ts';
import { mergeGrids, moveMember, moveNaturalVillage, renameGrid, splitGrid } from '../../services/grids/edit-grid.ts';
import { getGrid } from '../../services/grids/get-grid.ts';
import { getGridMap } from '../../services/grids/grid-map.ts';
import { listGrids } from '../../services/grids/list-grids.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  CoverageQuery,
  CoverageReport,
  GridDetail,
  GridEditResult,
  GridListItem,
  GridListQuery,
  GridMap,
  GridMapQuery,
  GridParams,
  MergeGridBody,
  MoveMemberBody,
  MoveNaturalVillageBody,
  RenameGridBody,
  SplitGridBody,
} from '../../shared/schemas/grid.ts';

const tags = ['grids'];
const edited = { 200: GridEditResult, ...ERROR_RESPONSES };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'grid.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'List current grids (filter by place, name, groups without a leader; sort; page)',
        params: CountyParams,
        querystring: GridListQuery,
        response: { 200: PageOf(GridListItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listGrids(app.db, req.params.county, req.query),
  );
  app.get(
    '/coverage',
    {
      config: { permission: 'grid.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'Coverage report: every gap in the grid organisation, rolled up by township and village',
        params: CountyParams,
        querystring: CoverageQuery,
        response: { 200: CoverageReport, ...ERROR_RESPONSES },
      },
    },
    async (req) => coverageReport(app.db, req.params.county, req.query.within),
  );
  app.get(
    '/map',
    {
      config: { permission: 'grid.read', scope: { query: 'village' } },
      schema: {
        tags,
        summary: "A village's grids as GeoJSON areas with member and household counts",
        params: CountyParams,
        querystring: GridMapQuery,
        response: { 200: GridMap, ...ERROR_RESPONSES },
      },
    },
    async (req) => getGridMap(app.db, req.params.county, req.query.village),
  );
  app.get(
    '/:id',
    {
      config: { permission: 'grid.read', scope: { record: 'grid', param: 'id' } },
      schema: {
        tags,
        summary: 'One grid: natural villages, members (current and past), checks and history',
        params: GridParams,
        response: { 200: GridDetail, ...ERROR_RESPONSES },
      },
    },
    async (req) => getGrid(app.db, req.params.county, req.params.id),
  );
  app.patch(
    '/:id',
    {
      config: { permission: 'grid.write', scope: { record: 'grid', param: 'id' } },
      schema: {
        tags,
        summary: 'Rename a grid (its group follows)',
        params: GridParams,
        body: RenameGridBody,
        response: edited,
      },
    },
    async (req) => renameGrid(app.db, req.params.county, req.params.id, req.body.name),
  );
  app.post(
    '/:id/natural-villages',
    {
      config: { permission: 'grid.write', scope: { record: 'grid', param: 'id' } },
      schema: {
        tags,
        summary: 'Move a natural village (with the members living there) into this grid',
        params: GridParams,
        body: MoveNaturalVillageBody,
        response: edited,
      },
    },
    async (req) => moveNaturalVillage(app.db, req.params.county, req.params.id, req.body.code, req.body.reason),
  );
  app.post(
    '/:id/members',
    {
      config: { permission: 'grid.write', scope: { record: 'grid', param: 'id' } },
      schema: {
        tags,
        summary: 'Move a member into this grid (e.g. after moving house); history is kept',
        params: GridParams,
        body: MoveMemberBody,
        response: edited,
      },
    },
    async (req) => moveMember(app.db, req.params.county, req.params.id, req.body.memberId, req.body.reason),
  );
  app.post(
    '/:id/merge',
    {
      config: { permission: 'grid.write', scope: { record: 'grid', param: 'id' } },
      schema: {
        tags,
        summary: 'Merge another grid of the village into this one (the other retires)',
        params: GridParams,
        body: MergeGridBody,
        response: edited,
      },
    },
    async (req) => mergeGrids(app.db, req.params.county, req.params.id, req.body.otherGridId, req.body.reason),
  );
  app.post(
    '/:id/split',
    {
      config: { permission: 'grid.write', scope: { record: 'grid', param: 'id' } },
      schema: {
        tags,
        summary: 'Split natural villages off this grid into a new grid with its own Party group',
        params: GridParams,
        body: SplitGridBody,
        response: edited,
      },
    },
    async (req) => splitGrid(app.db, req.params.county, req.params.id, req.body.naturalVillages, req.body.name),
  );
};

export default routes;
