/**
 * /api/counties/:county/help-records — help records (帮扶纪实): record (retry-safe by clientId), edit, verify
 * or return, photos; and /api/counties/:county/households/:id/timeline and …/help-choices (the form's choices).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addHelpPhoto } from '../../services/help-records/add-help-photo.ts';
import { createHelpRecord, createHelpRecords } from '../../services/help-records/create-help-record.ts';
import { editHelpRecord } from '../../services/help-records/edit-help-record.ts';
import { getHelpRecord } from '../../services/help-records/get-help-record.ts';
import { helpChoices } from '../../services/help-records/help-choices.ts';
import { householdTimeline } from '../../services/help-records/household-timeline.ts';
import { listHelpRecords } from '../../services/help-records/list-help-records.ts';
import { readHelpPhoto } from '../../services/help-records/read-help-photo.ts';
import { verifyHelpRecord } from '../../services/help-records/verify-help-record.ts';
import { CountyIdParams, CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  HELP_BATCH_MAX,
  HelpBatchResult,
  HelpChoices,
  HelpCreate,
  HelpCreateBatch,
  HelpEdit,
  HelpListQuery,
  HelpParams,
  HelpPhotoParams,
  HelpPhotoUpload,
  HelpRecordDetail,
  HelpRecordItem,
  HelpVerify,
  TimelinePage,
  TimelineQuery,
} from '../../shared/schemas/help-record.ts';
import { errorReply, languageOf } from '../plugins/errors.ts';

const tags = ['help-records'];
const one = { 200: HelpRecordDetail, ...ERROR_RESPONSES };
const record = { record: 'help_record' as const, param: 'id' };
/** A 5 MB photo in base64 with its thumbnail and the JSON around them. */
const PHOTO_BODY_LIMIT = 7_500_000;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/help-records',
    {
      config: { permission: 'household.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'List help records (scope, status, member, household, measure, month; search; newest visit first)',
        params: CountyParams,
        querystring: HelpListQuery,
        response: { 200: PageOf(HelpRecordItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const county = req.params.county;
      return listHelpRecords(app.db, county, req.query, req.access.actor);
    },
  );
  app.get(
    '/help-records/:id',
    {
      config: { permission: 'household.read', scope: record },
      schema: { tags, summary: 'Read a help record with its versions and photos', params: HelpParams, response: one },
    },
    async (req) => getHelpRecord(app.db, req.params.county, req.params.id),
  );
  app.post(
    '/help-records',
    {
      // The household's unit is checked by the service (the body names a household, not a unit).
      config: { permission: 'help.write' },
      schema: {
        tags,
        summary: 'Record help for a household; the same clientId again returns the stored record (200)',
        params: CountyParams,
        body: HelpCreate,
        response: { 201: HelpRecordDetail, ...one },
      },
    },
    async (req, reply) => {
      const county = req.params.county;
      const roots = req.access.roots('help.write', county);
      const result = await createHelpRecord(app.db, county, req.access.actor, roots, req.body);
      return reply.status(result.created ? 201 : 200).send(result.record);
    },
  );
  app.post(
    '/help-records/batch',
    {
      config: { permission: 'help.write' },
      schema: {
        tags,
        summary: `Record up to ${HELP_BATCH_MAX} records at once (an offline queue syncing); each gets its own answer`,
        params: CountyParams,
        body: HelpCreateBatch,
        response: { 200: HelpBatchResult, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const county = req.params.county;
      const roots = req.access.roots('help.write', county);
      const settled = await createHelpRecords(app.db, county, req.access.actor, roots, req.body.records);
      const lang = languageOf(req);
      return {
        results: settled.map((one, i) => {
          const clientId = req.body.records[i]?.clientId as string;
          if (one.status === 'fulfilled') {
            return { clientId, status: one.value.created ? 201 : 200, id: one.value.record.id };
          }
          const { status, body } = errorReply(one.reason, lang);
          if (status >= 500) req.log.error({ err: one.reason }, 'batch record failed');
          return { clientId, status, error: body };
        }),
      };
    },
  );
  app.put(
    '/help-records/:id',
    {
      config: { permission: 'help.write', scope: record },
      schema: {
        tags,
        summary: 'Edit while submitted or returned (the old values are kept as a version; returned → submitted)',
        params: HelpParams,
        body: HelpEdit,
        response: one,
      },
    },
    async (req) => editHelpRecord(app.db, req.params.county, req.params.id, req.access.actor, req.body),
  );
  app.post(
    '/help-records/:id/verify',
    {
      config: { permission: 'help.verify', scope: record },
      schema: {
        tags,
        summary: 'Verify, or return with a comment',
        params: HelpParams,
        body: HelpVerify,
        response: one,
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return verifyHelpRecord(app.db, county, id, req.access.actor, req.body);
    },
  );
  app.post(
    '/help-records/:id/photos',
    {
      config: { permission: 'help.write', scope: record },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach a photo (JPEG/PNG/WebP ≤ 5 MB, base64) with its client-drawn thumbnail (≤ 256 KB)',
        params: HelpParams,
        body: HelpPhotoUpload,
        response: { 201: HelpRecordDetail, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const county = req.params.county;
      const detail = await addHelpPhoto(app.db, app.storage, county, req.params.id, req.access.actor, req.body);
      return reply.status(201).send(detail);
    },
  );
  for (const thumbnail of [false, true]) {
    app.get(
      `/help-records/:id/photos/:photoId${thumbnail ? '/thumbnail' : ''}`,
      {
        config: { permission: 'household.read', scope: record },
        schema: { tags, summary: thumbnail ? 'The thumbnail of a photo' : 'A photo', params: HelpPhotoParams },
      },
      async (req, reply) => {
        const { county, id, photoId } = req.params;
        const file = await readHelpPhoto(app.db, app.storage, county, id, photoId, thumbnail);
        return reply
          .header('content-type', file.mime)
          .header('cache-control', 'private, max-age=86400')
          .send(file.bytes);
      },
    );
  }
  app.get(
    '/households/:id/timeline',
    {
      config: { permission: 'household.read', scope: { record: 'household', param: 'id' } },
      schema: {
        tags,
        summary: "The household's timeline: help records, pairings, status events and exit, newest first",
        params: CountyIdParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...ERROR_RESPONSES },
      },
    },
    async (req) => householdTimeline(app.db, req.params.county, req.params.id, req.query),
  );
  app.get(
    '/households/:id/help-choices',
    {
      config: { permission: 'household.read', scope: { record: 'household', param: 'id' } },
      schema: {
        tags,
        summary: "The help form's choices for a household: head's name, open needs, current helpers (kept offline)",
        params: CountyIdParams,
        response: { 200: HelpChoices, ...ERROR_RESPONSES },
      },
    },
    async (req) => helpChoices(app.db, req.params.county, req.params.id),
  );
};

export default routes;
