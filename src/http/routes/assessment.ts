/**
 * /api/counties/:county/assessment — member points (党员积分), star ratings (星级评定) and 评先评优. A member reads
 * only their own points (/me); points.read reads anyone's in scope; the board and lists are party.read by scope;
 * requests are party.write, decisions and reviews party.review where the member is; the county's round steps,
 * the recompute and the rules need the grant on the whole county.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDateOf } from '../../domain/dates.ts';
import { advanceRound } from '../../services/assessment/advance-round.ts';
import { refuse } from '../../services/assessment/assessment-rules.ts';
import { loadAssessmentSettings, loadPointRules } from '../../services/assessment/assessment-settings.ts';
import { decideRequest } from '../../services/assessment/decide-request.ts';
import { exemptMember } from '../../services/assessment/exempt-member.ts';
import {
  listAssessmentObjections,
  listAssessmentRequests,
  listExemplaryMembers,
  listRatingsOf,
} from '../../services/assessment/list-assessment.ts';
import { getMemberPoints, getMyPoints, ownMemberId } from '../../services/assessment/member-points.ts';
import { raiseObjection } from '../../services/assessment/raise-objection.ts';
import { recomputeYear } from '../../services/assessment/recompute-year.ts';
import { requestAdjustment } from '../../services/assessment/request-adjustment.ts';
import { requestVeto } from '../../services/assessment/request-veto.ts';
import { resolveObjection } from '../../services/assessment/resolve-objection.ts';
import { reviewRating } from '../../services/assessment/review-rating.ts';
import { setPointRules, setStarSettings } from '../../services/assessment/set-assessment-settings.ts';
import { finalizeExemplary, shortlistExemplary } from '../../services/assessment/shortlist-exemplary.ts';
import { getStarBoard } from '../../services/assessment/star-board.ts';
import {
  AdjustmentBody,
  AssessmentSettings,
  Created,
  Decided,
  DecisionBody,
  ExemplaryList,
  ExemptBody,
  Exempted,
  MemberParams,
  MemberPoints,
  MemberRequestParams,
  MyPoints,
  ObjectionBody,
  ObjectionList,
  PointRulesBody,
  RatingListItem,
  RatingListQuery,
  RecomputeBody,
  RecomputeSummary,
  RequestList,
  RequestListQuery,
  Rescored,
  ResolveBody,
  ReviewBody,
  Reviewed,
  RoundResult,
  ScopeYearQuery,
  SelfReviewBody,
  ShortlistResult,
  StarBoard,
  StarSettingsBody,
  VetoBody,
  YearParams,
  YearQuery,
} from '../../shared/schemas/assessment.ts';
import { CountyParams, ERROR_RESPONSES, PageOf } from '../../shared/schemas/common.ts';

const tags = ['assessment'];
const member = { record: 'member' as const, param: 'memberId' };
const county = { param: 'county' };
/** The year a read means when none is asked: the business year. */
const thisYear = () => Number(chinaDateOf().slice(0, 4));
const NOT_LINKED = {
  zh: '您的账号未关联党员，不能自评',
  en: 'Your account names no Party member: no self-assessment',
};

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/points',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: "The signed-in member's own points of a year, every line linked to its record (null unless linked)",
        params: CountyParams,
        querystring: YearQuery,
        response: { 200: MyPoints, ...ERROR_RESPONSES },
      },
    },
    async (req) => getMyPoints(app.db, req.params.county, req.access.actor, req.query.year ?? thisYear()),
  );
  app.post(
    '/me/review',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: "The signed-in member's self-assessment (own stars and comment) while reviews are open",
        params: CountyParams,
        body: SelfReviewBody,
        response: { 200: Reviewed, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const memberId = ownMemberId(req.access.actor, req.params.county);
      if (memberId === null) throw refuse('stars', 'not_linked', NOT_LINKED);
      const { year, ...input } = req.body;
      return reviewRating(app.db, req.params.county, req.access.actor, year, memberId, 'self', input);
    },
  );
  app.get(
    '/members/:memberId/points',
    {
      config: { permission: 'points.read', scope: member },
      schema: {
        tags,
        summary: "A member's points of a year (live from the records), rating and star history",
        params: MemberParams,
        querystring: YearQuery,
        response: { 200: MemberPoints, ...ERROR_RESPONSES },
      },
    },
    async (req) => getMemberPoints(app.db, req.params.county, req.params.memberId, req.query.year ?? thisYear()),
  );
  // The scope-and-year reads (party.read where `within` points): the business year and the county by default.
  const scopeYearReads = [
    {
      path: '/board',
      summary: 'Star board of a scope and year: members by stars, exempt, vetoed, the round stage (remembered)',
      response: StarBoard,
      read: getStarBoard,
    },
    {
      path: '/objections',
      summary: 'Objections of a scope and year, open first',
      response: ObjectionList,
      read: listAssessmentObjections,
    },
    {
      path: '/exemplary',
      summary: 'The exemplary shortlist or final list of a scope and year, by township and rank',
      response: ExemplaryList,
      read: listExemplaryMembers,
    },
  ] as const;
  for (const { path, summary, response, read } of scopeYearReads) {
    app.get(
      path,
      {
        config: { permission: 'party.read', scope: { query: 'within' } },
        schema: {
          tags,
          summary,
          params: CountyParams,
          querystring: ScopeYearQuery,
          response: { 200: response, ...ERROR_RESPONSES },
        },
      },
      async (req) =>
        read(app.db, req.params.county, req.query.year ?? thisYear(), req.query.within ?? req.params.county),
    );
  }
  app.get(
    '/ratings',
    {
      config: { permission: 'party.read', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'Ratings of a scope and year, best first, with each review step',
        params: CountyParams,
        querystring: RatingListQuery,
        response: { 200: PageOf(RatingListItem), ...ERROR_RESPONSES },
      },
    },
    async (req) =>
      listRatingsOf(app.db, req.params.county, req.query.year ?? thisYear(), {
        ...req.query,
        within: req.query.within ?? req.params.county,
      }),
  );
  app.post(
    '/recompute',
    {
      config: { permission: 'party.review', scope: county },
      schema: {
        tags,
        summary: "Recompute the county's points and stars of a year from the records (review steps kept)",
        params: CountyParams,
        body: RecomputeBody,
        response: { 200: RecomputeSummary, ...ERROR_RESPONSES },
      },
    },
    async (req) => recomputeYear(app.db, req.params.county, req.body.year),
  );
  app.get(
    '/settings',
    {
      config: { permission: 'party.read' },
      schema: {
        tags,
        summary: "The county's point rules and star settings (the defaults where it set none)",
        params: CountyParams,
        response: { 200: AssessmentSettings, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const [rules, settings] = [
        await loadPointRules(app.db, req.params.county),
        await loadAssessmentSettings(app.db, req.params.county),
      ];
      const q = settings.stars.quotas;
      return {
        rules,
        stars: {
          thresholds: [...settings.stars.thresholds] as [number, number, number, number],
          quotas: { '5': q[5] ?? null, '4': q[4] ?? null, '3': q[3] ?? null },
          noticeDays: settings.noticeDays,
          exemplaryQuota: settings.exemplaryQuota,
          exemplaryQuotas: settings.exemplaryQuotas,
        },
        own: settings.own,
      };
    },
  );
  app.put(
    '/point-rules',
    {
      config: { permission: 'settings.write', scope: county },
      schema: {
        tags,
        summary: "Set the county's point rules; every computed year not yet final is re-scored",
        params: CountyParams,
        body: PointRulesBody,
        response: { 200: Rescored, ...ERROR_RESPONSES },
      },
    },
    async (req) => setPointRules(app.db, req.params.county, req.body.rules),
  );
  app.put(
    '/star-settings',
    {
      config: { permission: 'settings.write', scope: county },
      schema: {
        tags,
        summary: "Set the county's star thresholds, quotas, notice days and exemplary quotas; re-scores",
        params: CountyParams,
        body: StarSettingsBody,
        response: { 200: Rescored, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const b = req.body;
      return setStarSettings(app.db, req.params.county, {
        threshold_2: b.thresholds[0],
        threshold_3: b.thresholds[1],
        threshold_4: b.thresholds[2],
        threshold_5: b.thresholds[3],
        quota_5: b.quotas['5'],
        quota_4: b.quotas['4'],
        quota_3: b.quotas['3'],
        notice_days: b.noticeDays,
        exemplary_quota: b.exemplaryQuota,
        exemplary_quotas: b.exemplaryQuotas,
      });
    },
  );
  app.post(
    '/members/:memberId/adjustments',
    {
      config: { permission: 'party.write', scope: member },
      schema: {
        tags,
        summary: 'Request a manual bonus or deduction with its reason (approved by someone else)',
        params: MemberParams,
        body: AdjustmentBody,
        response: { 201: Created, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await requestAdjustment(app.db, req.params.county, req.params.memberId, req.access.unit ?? '', req.body)),
  );
  app.post(
    '/members/:memberId/vetoes',
    {
      config: { permission: 'party.write', scope: member },
      schema: {
        tags,
        summary: 'Record a veto (一票否决) with its evidence: the pairing abandoned or the returned help record',
        params: MemberParams,
        body: VetoBody,
        response: { 201: Created, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await requestVeto(app.db, req.params.county, req.params.memberId, req.access.unit ?? '', req.body)),
  );
  for (const kind of ['adjustment', 'veto'] as const) {
    app.post(
      `/members/:memberId/${kind === 'adjustment' ? 'adjustments' : 'vetoes'}/:id/decision`,
      {
        config: { permission: 'party.review', scope: member },
        schema: {
          tags,
          summary: `Approve or reject a requested ${kind} (not your own request)`,
          params: MemberRequestParams,
          body: DecisionBody,
          response: { 200: Decided, ...ERROR_RESPONSES },
        },
      },
      async (req) =>
        decideRequest(
          app.db,
          req.params.county,
          kind,
          req.params.id,
          async (memberId) => (memberId === req.params.memberId ? req.access.unit : null),
          req.body.decision,
        ),
    );
  }
  app.get(
    '/requests',
    {
      config: { permission: 'party.review', scope: { query: 'within' } },
      schema: {
        tags,
        summary: 'Manual items and vetoes of a scope (pending first to decide), newest first',
        params: CountyParams,
        querystring: RequestListQuery,
        response: { 200: RequestList, ...ERROR_RESPONSES },
      },
    },
    async (req) => listAssessmentRequests(app.db, req.params.county, req.query),
  );
  app.post(
    '/members/:memberId/review',
    {
      config: { permission: 'party.review', scope: member },
      schema: {
        tags,
        summary: "A group review (the member's group leader) or branch review (the village's branch) of a rating",
        params: MemberParams,
        body: ReviewBody,
        response: { 200: Reviewed, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const { year, step, ...input } = req.body;
      return reviewRating(app.db, req.params.county, req.access.actor, year, req.params.memberId, step, input);
    },
  );
  app.post(
    '/members/:memberId/exempt',
    {
      config: { permission: 'party.review', scope: member },
      schema: {
        tags,
        summary: 'Exempt a member from the year’s rating (elderly, ill, at their request) or lift it (reason null)',
        params: MemberParams,
        body: ExemptBody,
        response: { 200: Exempted, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const { year, ...input } = req.body;
      return exemptMember(app.db, req.params.county, year, req.params.memberId, input);
    },
  );
  app.post(
    '/members/:memberId/objections',
    {
      config: { permission: 'party.read', scope: member },
      schema: {
        tags,
        summary: "Object to a member's rating or place on the exemplary shortlist while it is on notice",
        params: MemberParams,
        body: ObjectionBody,
        response: { 201: Created, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { year, ...input } = req.body;
      return reply.status(201).send(await raiseObjection(app.db, req.params.county, year, req.params.memberId, input));
    },
  );
  app.post(
    '/members/:memberId/objections/:id/resolve',
    {
      config: { permission: 'party.review', scope: member },
      schema: {
        tags,
        summary: 'Resolve an objection: dismissed, or upheld (a rating gets new stars; a shortlisted member leaves)',
        params: MemberRequestParams,
        body: ResolveBody,
        response: { 200: Decided, ...ERROR_RESPONSES },
      },
    },
    async (req) =>
      resolveObjection(app.db, req.params.county, req.params.id, (id) => id === req.params.memberId, req.body),
  );
  for (const step of ['notice', 'final'] as const) {
    app.post(
      `/rounds/:year/${step}`,
      {
        config: { permission: 'party.review', scope: county },
        schema: {
          tags,
          summary:
            step === 'notice'
              ? 'Put the year’s ratings on public notice (公示) from today'
              : 'Make the ratings final once the notice has run with no open objection',
          params: YearParams,
          response: { 200: RoundResult, ...ERROR_RESPONSES },
        },
      },
      async (req) => advanceRound(app.db, req.params.county, req.params.year, step),
    );
  }
  app.post(
    '/rounds/:year/exemplary',
    {
      config: { permission: 'party.review', scope: county },
      schema: {
        tags,
        summary: '评先评优: shortlist each township’s best by final stars then points, up to its quota; on notice',
        params: YearParams,
        response: { 200: ShortlistResult, ...ERROR_RESPONSES },
      },
    },
    async (req) => shortlistExemplary(app.db, req.params.county, req.params.year),
  );
  app.post(
    '/rounds/:year/exemplary/final',
    {
      config: { permission: 'party.review', scope: county },
      schema: {
        tags,
        summary: 'Make the exemplary list final once its notice has run with no open objection',
        params: YearParams,
        response: { 200: ShortlistResult, ...ERROR_RESPONSES },
      },
    },
    async (req) => finalizeExemplary(app.db, req.params.county, req.params.year),
  );
};

export default routes;
