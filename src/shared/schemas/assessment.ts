/**
 * Points and stars schemas (党员积分, 星级评定, 评先评优): a member's points page, the star board and ratings list,
 * the county's rules and settings, and the bodies of requests, reviews, objections and round steps. Shapes only:
 * who may decide or review, and in which stage, are rules of the services (422).
 */
import { Type } from 'typebox';
import {
  DECISION_STATUSES,
  EXEMPT_REASONS,
  POINT_ITEM_LABELS,
  RECORDED_VETO_CODES,
  ROUND_STAGES,
} from '../labels/assessment.ts';
import { numericRange } from './column-limits.ts';
import { CountyCode, DateString, Id, OrgCode, PageQuery } from './common.ts';

export const Year = Type.Integer({ minimum: 2013, maximum: 2100 });
const Stars = Type.Integer({ minimum: 1, maximum: 5 });
const NullableStars = Type.Union([Stars, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Localized = Type.Object({ zh: Type.String(), en: Type.String() });
export const PointItem = Type.Enum(Object.keys(POINT_ITEM_LABELS) as Array<keyof typeof POINT_ITEM_LABELS>);
const Stage = Type.Union([Type.Enum(ROUND_STAGES), Type.Null()]);
const Comment = Type.String({ maxLength: 500 });
const Points = Type.Number(numericRange(6, 2));

export const MemberParams = Type.Object({ county: CountyCode, memberId: Id }, { additionalProperties: false });
export const MemberRequestParams = Type.Object(
  { county: CountyCode, memberId: Id, id: Id },
  { additionalProperties: false },
);
export const YearParams = Type.Object({ county: CountyCode, year: Year }, { additionalProperties: false });
export const YearQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export const ScopeYearQuery = Type.Object(
  { year: Type.Optional(Year), within: Type.Optional(OrgCode) },
  { additionalProperties: false },
);

/** One line of a member's points: the record that earned it, where it links, and what it earned. */
export const PointLine = Type.Object({
  item: PointItem,
  table: Type.String(),
  recordId: Id,
  on: DateString,
  link: Type.Enum(['commitment', 'problem', 'household', 'activity', 'adjustment']),
  linkId: Id,
  rulePoints: Type.Number(),
  awarded: Type.Number(),
  capped: Type.Boolean(),
});

const RatingView = Type.Object({
  score: Type.Number(),
  byScore: NullableStars,
  computedStars: NullableStars,
  finalStars: NullableStars,
  vetoCode: NullableString,
  lowered: Type.Union([Type.Enum(['quota', 'veto']), Type.Null()]),
  exemptReason: NullableString,
  selfStars: NullableStars,
  selfComment: NullableString,
  groupStars: NullableStars,
  groupComment: NullableString,
  branchStars: NullableStars,
  branchComment: NullableString,
});

/** A member's points of a year, live from the records, with the stored rating and their star history. */
export const MemberPoints = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  naturalVillageCode: Type.String(),
  naturalVillageName: NullableString,
  status: Type.String(),
  year: Type.Integer(),
  total: Type.Number(),
  byItem: Type.Array(
    Type.Object({ item: PointItem, points: Type.Number(), cap: Type.Union([Type.Number(), Type.Null()]) }),
  ),
  lines: Type.Array(PointLine),
  vetoes: Type.Array(Type.Object({ code: Type.String(), maxStars: Stars, reason: Localized })),
  rating: Type.Union([RatingView, Type.Null()]),
  stage: Stage,
  computedAt: NullableString,
  history: Type.Array(
    Type.Object({
      year: Type.Integer(),
      stars: NullableStars,
      final: Type.Boolean(),
      score: Type.Number(),
      vetoCode: NullableString,
      exempt: Type.Boolean(),
    }),
  ),
});

/** The signed-in user's own points: null for an account that names no member. */
export const MyPoints = Type.Object({ points: Type.Union([MemberPoints, Type.Null()]) });

export const ByStars = Type.Object({
  '1': Type.Integer(),
  '2': Type.Integer(),
  '3': Type.Integer(),
  '4': Type.Integer(),
  '5': Type.Integer(),
});

export const StarBoard = Type.Object({
  year: Type.Integer(),
  scope: Type.String(),
  stage: Stage,
  computedAt: NullableString,
  noticeFrom: Type.Union([DateString, Type.Null()]),
  noticeUntil: Type.Union([DateString, Type.Null()]),
  exemplaryStage: Type.Union([Type.Enum(['notice', 'final']), Type.Null()]),
  members: Type.Integer(),
  rated: Type.Integer(),
  exempt: Type.Integer(),
  unrated: Type.Integer({ description: 'Active members of the scope with no rating of the year' }),
  vetoed: Type.Integer(),
  loweredByQuota: Type.Integer(),
  byStars: ByStars,
});

export const RecomputeBody = Type.Object({ year: Year }, { additionalProperties: false });
export const RecomputeSummary = Type.Object({
  year: Type.Integer(),
  members: Type.Integer(),
  rated: Type.Integer(),
  exempt: Type.Integer(),
  byStars: ByStars,
  vetoed: Type.Integer(),
  ms: Type.Integer(),
});

export const RatingListQuery = Type.Object(
  {
    year: Type.Optional(Year),
    within: Type.Optional(OrgCode),
    stars: Type.Optional(Stars),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "Part of the member's name" })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const RatingListItem = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  naturalVillageCode: Type.String(),
  naturalVillageName: NullableString,
  score: Type.Number(),
  byScore: NullableStars,
  computedStars: NullableStars,
  selfStars: NullableStars,
  groupStars: NullableStars,
  branchStars: NullableStars,
  finalStars: NullableStars,
  vetoCode: NullableString,
  lowered: Type.Union([Type.Enum(['quota', 'veto']), Type.Null()]),
  exemptReason: NullableString,
});

export const PointRuleItem = Type.Object(
  { item: PointItem, points: Points, yearlyCap: Type.Union([Type.Number({ minimum: 0, maximum: 1000 }), Type.Null()]) },
  { additionalProperties: false },
);
export const PointRulesBody = Type.Object(
  { rules: Type.Array(PointRuleItem, { minItems: 1, maxItems: 11 }) },
  { additionalProperties: false },
);

const Threshold = Type.Number({ minimum: 0, maximum: 9999 });
const Quota = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
export const StarSettingsBody = Type.Object(
  {
    thresholds: Type.Tuple([Threshold, Threshold, Threshold, Threshold]),
    quotas: Type.Object({ '5': Quota, '4': Quota, '3': Quota }, { additionalProperties: false }),
    noticeDays: Type.Integer({ minimum: 1, maximum: 30 }),
    exemplaryQuota: Type.Integer({ minimum: 0, maximum: 100 }),
    exemplaryQuotas: Type.Record(Type.String({ pattern: '^[0-9]{9}$' }), Type.Integer({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);

/** The county's rules and settings as the services apply them (the defaults where it set none). */
export const AssessmentSettings = Type.Object({
  rules: Type.Array(
    Type.Object({ item: PointItem, points: Type.Number(), yearlyCap: Type.Union([Type.Number(), Type.Null()]) }),
  ),
  stars: StarSettingsBody,
  own: Type.Boolean(),
});

export const Rescored = Type.Object({ rescored: Type.Array(Type.Integer()) });

export const AdjustmentBody = Type.Object(
  {
    year: Year,
    kind: Type.Enum(['bonus', 'deduction']),
    points: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const VetoBody = Type.Object(
  {
    year: Year,
    vetoCode: Type.Enum(RECORDED_VETO_CODES),
    pairingId: Type.Optional(Id),
    recordId: Type.Optional(Id),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  { decision: Type.Enum(['approved', 'rejected']) },
  { additionalProperties: false },
);
export const Created = Type.Object({ id: Id });
export const Decided = Type.Object({ id: Id, status: Type.String() });

export const RequestListQuery = Type.Object(
  {
    year: Type.Optional(Year),
    within: Type.Optional(OrgCode),
    status: Type.Optional(Type.Enum(DECISION_STATUSES)),
  },
  { additionalProperties: false },
);
export const RequestItem = Type.Object({
  kind: Type.Enum(['adjustment', 'veto']),
  id: Id,
  memberId: Id,
  memberName: Type.String(),
  naturalVillageCode: Type.String(),
  year: Type.Integer(),
  item: Type.String(),
  points: Type.Union([Type.Number(), Type.Null()]),
  evidenceId: Type.Union([Id, Type.Null()]),
  reason: Type.String(),
  status: Type.Enum(DECISION_STATUSES),
  requestedBy: Type.Union([Type.Integer(), Type.Null()]),
  requestedOn: DateString,
  decidedOn: Type.Union([DateString, Type.Null()]),
});
export const RequestList = Type.Object({ items: Type.Array(RequestItem) });

export const SelfReviewBody = Type.Object(
  { year: Year, stars: Stars, comment: Type.Optional(Comment) },
  { additionalProperties: false },
);
export const ReviewBody = Type.Object(
  { year: Year, step: Type.Enum(['group', 'branch']), stars: Stars, comment: Type.Optional(Comment) },
  { additionalProperties: false },
);
export const Reviewed = Type.Object({ memberId: Id, step: Type.String(), stars: Stars });

export const ExemptBody = Type.Object(
  {
    year: Year,
    reason: Type.Union([Type.Enum(EXEMPT_REASONS), Type.Null()]),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const Exempted = Type.Object({ memberId: Id, exemptReason: NullableString });

export const RoundResult = Type.Object({
  year: Type.Integer(),
  stage: Type.String(),
  finalized: Type.Optional(Type.Integer()),
});

export const ObjectionBody = Type.Object(
  { year: Year, target: Type.Enum(['rating', 'exemplary']), content: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const ResolveBody = Type.Object(
  {
    decision: Type.Enum(['upheld', 'dismissed']),
    resolution: Type.String({ minLength: 1, maxLength: 500 }),
    stars: Type.Optional(Stars),
  },
  { additionalProperties: false },
);
export const ObjectionItem = Type.Object({
  id: Id,
  year: Type.Integer(),
  memberId: Id,
  memberName: Type.String(),
  target: Type.Enum(['rating', 'exemplary']),
  content: Type.String(),
  raisedOn: DateString,
  status: Type.Enum(['open', 'upheld', 'dismissed']),
  resolution: NullableString,
  resolvedOn: Type.Union([DateString, Type.Null()]),
});
export const ObjectionList = Type.Object({ items: Type.Array(ObjectionItem) });

export const ShortlistResult = Type.Object({
  year: Type.Integer(),
  shortlisted: Type.Optional(Type.Integer()),
  townships: Type.Optional(Type.Integer()),
  final: Type.Optional(Type.Integer()),
});
export const ExemplaryItem = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  townshipCode: Type.String(),
  townshipName: NullableString,
  naturalVillageName: NullableString,
  rank: Type.Integer(),
  stars: Stars,
  score: Type.Number(),
  status: Type.Enum(['shortlisted', 'removed', 'final']),
});
export const ExemplaryList = Type.Object({
  year: Type.Integer(),
  stage: Type.Union([Type.Enum(['notice', 'final']), Type.Null()]),
  items: Type.Array(ExemplaryItem),
});
