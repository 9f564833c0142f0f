/**
 * /api/counties/:county/party-activities — Party groups' organisational life (组织生活): the county's rules,
 * a group's yearly plan, compliance by scope, activities with attendance and photos, QR sign-in and a member's own
 * list. Routes on a group or an activity take the scope as `within` (narrowed to the caller's by the access rules):
 * a group leader's or member's grant covers a natural village, not the group's village, so the service checks the
 * group lies within it, and a leader writes only for the group their member leads (activity-access.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addActivityPhoto, readActivityPhoto } from '../../services/party-activities/activity-photos.ts';
import { getActivityRules, setActivityRules } from '../../services/party-activities/activity-rules.ts';
import { activityDetail } from '../../services/party-activities/activity-view.ts';
import { cancelActivity, editActivity, holdActivity } from '../../services/party-activities/change-activity.ts';
import { complianceByScope } from '../../services/party-activities/compliance.ts';
import { createActivity } from '../../services/party-activities/create-activity.ts';
import { groupPlan } from '../../services/party-activities/group-plan.ts';
import { listActivities } from '../../services/party-activities/list-activities.ts';
import { markAttendance } from '../../services/party-activities/mark-attendance.ts';
import { myActivities } from '../../services/party-activities/my-activities.ts';
import { signInMember, signInPreview } from '../../services/party-activities/sign-in-member.ts';
import { setSignIn } from '../../services/party-activities/sign-in-window.ts';
import { publicOrigin } from '../../services/plaques/qr.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';
import {
  ActivityCancel,
  ActivityCreate,
  ActivityDetail,
  ActivityEdit,
  ActivityHold,
  ActivityItem,
  ActivityListQuery,
  ActivityParams,
  ActivityPhotoParams,
  ActivityPhotoUpload,
  ActivityRules,
  ActivityRulesBody,
  AttendanceBody,
  CompliancePage,
  ComplianceQuery,
  GroupPlan,
  MyActivities,
  PlanQuery,
  SignInBody,
  SignInDone,
  SignInPreview,
  SignInQuery,
  SignInWindow,
  SignInWindowBody,
  WithinQuery,
} from '../../shared/schemas/party-activity.ts';

const tags = ['party-activities'];
const read = { permission: 'party.read', scope: { query: 'within' } } as const;
const run = { permission: 'party.write', scope: { query: 'within' } } as const;
const one = { 200: ActivityDetail, ...ERROR_RESPONSES };
/** A 5 MB photo in base64 with its thumbnail and the JSON around them (as a help record's). */
const PHOTO_BODY_LIMIT = 7_500_000;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/rules',
    {
      config: { permission: 'party.read' },
      schema: {
        tags,
        summary: "The county's rules: each kind's frequency, whether it earns points, whether it is required",
        params: CountyParams,
        response: { 200: ActivityRules, ...ERROR_RESPONSES },
      },
    },
    async (req) => getActivityRules(app.db, req.params.county),
  );
  app.put(
    '/rules',
    {
      // The county in the path is the unit: only a grant over the whole county changes its rules.
      config: { permission: 'settings.write', scope: { param: 'county' } },
      schema: {
        tags,
        summary: 'Set the rules of the kinds named (a county on the defaults then owns every kind)',
        params: CountyParams,
        body: ActivityRulesBody,
        response: { 200: ActivityRules, ...ERROR_RESPONSES },
      },
    },
    async (req) => setActivityRules(app.db, req.params.county, req.access.actor, req.body),
  );
  app.get(
    '/plan',
    {
      config: read,
      schema: {
        tags,
        summary: "A group's yearly plan: each required slot held, late, missed or due by the business date",
        params: CountyParams,
        querystring: PlanQuery,
        response: { 200: GroupPlan, ...ERROR_RESPONSES },
      },
    },
    async (req) => groupPlan(app.db, req.params.county, req.query),
  );
  app.get(
    '/compliance',
    {
      config: read,
      schema: {
        tags,
        summary: 'Required activities held, late, missed and due by township, village or group (a year)',
        params: CountyParams,
        querystring: ComplianceQuery,
        response: { 200: CompliancePage, ...ERROR_RESPONSES },
      },
    },
    async (req) => complianceByScope(app.db, req.params.county, req.query),
  );
  app.get(
    '/mine',
    {
      // Any signed-in user: read from their own linked member (none: an empty list).
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: "My group's activities, upcoming and past, with my attendance",
        params: CountyParams,
        response: { 200: MyActivities, ...ERROR_RESPONSES },
      },
    },
    async (req) => myActivities(app.db, req.params.county, req.access.actor),
  );
  app.get(
    '/',
    {
      config: read,
      schema: {
        tags,
        summary: 'List activities (scope, group, kind, status, period; newest first)',
        params: CountyParams,
        querystring: ActivityListQuery,
        response: { 200: PageOf(ActivityItem), ...ERROR_RESPONSES },
      },
    },
    async (req) => listActivities(app.db, req.params.county, req.query),
  );
  app.post(
    '/',
    {
      config: run,
      schema: {
        tags,
        summary: 'Plan an activity (planned date) or record one held (held date and topic)',
        params: CountyParams,
        querystring: WithinQuery,
        body: ActivityCreate,
        response: { 201: ActivityDetail, ...one },
      },
    },
    async (req, reply) => {
      const detail = await createActivity(app.db, req.params.county, req.query.within, req.access.actor, req.body);
      return reply.status(201).send(detail);
    },
  );
  app.get(
    '/:id',
    {
      config: read,
      schema: {
        tags,
        summary: "Read an activity: its group's roster with each mark, photos, whether the caller may change it",
        params: ActivityParams,
        querystring: WithinQuery,
        response: one,
      },
    },
    async (req) => activityDetail(app.db, req.params.county, req.params.id, req.query.within, req.access.actor),
  );
  app.put(
    '/:id',
    {
      config: run,
      schema: {
        tags,
        summary: 'Edit a planned or held activity',
        params: ActivityParams,
        querystring: WithinQuery,
        body: ActivityEdit,
        response: one,
      },
    },
    async (req) => editActivity(app.db, req.params.county, req.params.id, req.query.within, req.access.actor, req.body),
  );
  app.post(
    '/:id/hold',
    {
      config: run,
      schema: {
        tags,
        summary: 'Record a planned activity as held (date not after today, topic, minutes, place)',
        params: ActivityParams,
        querystring: WithinQuery,
        body: ActivityHold,
        response: one,
      },
    },
    async (req) => holdActivity(app.db, req.params.county, req.params.id, req.query.within, req.access.actor, req.body),
  );
  app.post(
    '/:id/cancel',
    {
      config: run,
      schema: {
        tags,
        summary: 'Cancel a planned activity, saying why',
        params: ActivityParams,
        querystring: WithinQuery,
        body: ActivityCancel,
        response: one,
      },
    },
    async (req) =>
      cancelActivity(app.db, req.params.county, req.params.id, req.query.within, req.access.actor, req.body),
  );
  app.put(
    '/:id/attendance',
    {
      config: run,
      schema: {
        tags,
        summary: "Mark members present (remote for a migrant), excused (reason) or absent; the group's members only",
        params: ActivityParams,
        querystring: WithinQuery,
        body: AttendanceBody,
        response: one,
      },
    },
    async (req) =>
      markAttendance(app.db, req.params.county, req.params.id, req.query.within, req.access.actor, req.body),
  );
  app.put(
    '/:id/sign-in-window',
    {
      config: run,
      schema: {
        tags,
        summary: 'Open QR sign-in for an activity held today (a new token, shown once; ≤ 4 h, today only) or close it',
        params: ActivityParams,
        querystring: WithinQuery,
        body: SignInWindowBody,
        response: { 200: SignInWindow, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return setSignIn(app.db, county, id, req.query.within, req.access.actor, req.body, publicOrigin(req));
    },
  );
  app.get(
    '/:id/sign-in',
    {
      // Any signed-in user: the token and the user's linked member in the group are checked by the service.
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'What a scanned QR code signs in to (the token must be open; the user must be in the group)',
        params: ActivityParams,
        querystring: SignInQuery,
        response: { 200: SignInPreview, ...ERROR_RESPONSES },
      },
    },
    async (req) => signInPreview(app.db, req.params.county, req.params.id, req.access.actor, req.query.token),
  );
  app.post(
    '/:id/sign-in',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Sign in present by QR (remote only for a migrant member); twice is 409',
        params: ActivityParams,
        body: SignInBody,
        response: { 200: SignInDone, ...ERROR_RESPONSES },
      },
    },
    async (req) => signInMember(app.db, req.params.county, req.params.id, req.access.actor, req.body),
  );
  app.post(
    '/:id/photos',
    {
      config: run,
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach a photo (JPEG/PNG/WebP ≤ 5 MB, base64) with its client-drawn thumbnail (≤ 256 KB)',
        params: ActivityParams,
        querystring: WithinQuery,
        body: ActivityPhotoUpload,
        response: { 201: ActivityDetail, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { county, id } = req.params;
      const detail = await addActivityPhoto(
        app.db,
        app.storage,
        county,
        id,
        req.query.within,
        req.access.actor,
        req.body,
      );
      return reply.status(201).send(detail);
    },
  );
  for (const thumbnail of [false, true]) {
    app.get(
      `/:id/photos/:activityPhotoId${thumbnail ? '/thumbnail' : ''}`,
      {
        config: read,
        schema: {
          tags,
          summary: thumbnail ? 'The thumbnail of an activity photo' : 'An activity photo',
          params: ActivityPhotoParams,
          querystring: WithinQuery,
        },
      },
      async (req, reply) => {
        const { county, id, activityPhotoId } = req.params;
        const file = await readActivityPhoto(
          app.db,
          app.storage,
          county,
          id,
          activityPhotoId,
          req.query.within,
          thumbnail,
        );
        return reply
          .header('content-type', file.mime)
          .header('cache-control', 'private, max-age=86400')
          .send(file.bytes);
      },
    );
  }
};

export default routes;
