/**
 * Public commitment schemas (公开承诺): the list, one commitment with its items, and the bodies of the yearly
 * cycle (propose, edit items, review, publish, fulfil an item, evaluate). Shapes only: how many items (1–3), which
 * years, which households and which state allows what are rules of the service (422 / 409).
 */
import { Type } from 'typebox';
import { COMMITMENT_STATUSES } from '../labels/commitment.ts';
import { CountyCode, DateString, Id, OrgCode, PageQuery, SortQuery } from './common.ts';
import { RecordActions } from './record-actions.ts';

export const CommitmentStatus = Type.Enum(COMMITMENT_STATUSES, {
  description: 'proposed 待审核 → approved 已审核 | returned 已退回 → published 已公开 → evaluated 已评价',
});
export const EvaluationGrade = Type.Enum(['excellent', 'good', 'fair', 'poor'], {
  description: 'excellent 优秀, good 良好, fair 一般, poor 较差',
});

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableId = Type.Union([Id, Type.Null()]);
const Year = Type.Integer({ minimum: 2013, maximum: 2100 });

export const CommitmentParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });
export const CommitmentItemParams = Type.Object(
  { county: CountyCode, id: Id, itemId: Id },
  { additionalProperties: false },
);
export const CommitmentMemberParams = Type.Object(
  { county: CountyCode, memberId: Id },
  { additionalProperties: false },
);

export const CommitmentListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    year: Type.Optional(Year),
    status: Type.Optional(CommitmentStatus),
    memberId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "Part of the member's name" })),
    sort: SortQuery(['year', 'memberName', 'status', 'updatedAt']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Member = {
  memberId: Id,
  memberName: Type.String(),
  memberPost: NullableString,
  naturalVillageCode: Type.String(),
  naturalVillageName: NullableString,
  villageName: NullableString,
};

/** One row of the list: who, which year, where it stands, and how many items are fulfilled. */
export const CommitmentListItem = Type.Object({
  id: Id,
  ...Member,
  year: Type.Integer(),
  status: CommitmentStatus,
  items: Type.Integer(),
  fulfilled: Type.Integer(),
  publishedOn: NullableString,
  evaluationGrade: Type.Union([EvaluationGrade, Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const CommitmentItem = Type.Object({
  id: Id,
  position: Type.Integer({ minimum: 1, maximum: 3 }),
  content: Type.String(),
  householdId: NullableId,
  householdHeadName: NullableString,
  dueOn: NullableString,
  fulfilledOn: NullableString,
  evidence: NullableString,
});

/** One commitment with its items and the review, publication and evaluation facts. */
export const CommitmentDetail = Type.Object({
  allowedActions: Type.Optional(RecordActions),
  id: Id,
  ...Member,
  year: Type.Integer(),
  status: CommitmentStatus,
  items: Type.Array(CommitmentItem),
  reviewComment: NullableString,
  reviewedOn: NullableString,
  publishedOn: NullableString,
  evaluationGrade: Type.Union([EvaluationGrade, Type.Null()]),
  evaluation: NullableString,
  evaluatedOn: NullableString,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** The households a member helps now (current pairings): the choices for an item's household. */
export const PairedHouseholds = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  naturalVillageCode: Type.String(),
  households: Type.Array(Type.Object({ householdId: Id, headName: Type.String(), startedOn: Type.String() })),
});

export const CommitmentItemInput = Type.Object(
  {
    content: Type.String({ minLength: 1, maxLength: 200, description: 'What the member promises to do' }),
    householdId: Type.Optional(Id),
    dueOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);

// Up to 10 in the schema so a fourth item is a rule problem (422) that names the limit, not a shape error.
const Items = Type.Array(CommitmentItemInput, { maxItems: 10, description: '1–3 items' });

export const CommitmentPropose = Type.Object(
  { memberId: Id, year: Year, items: Items },
  { additionalProperties: false },
);
export const CommitmentItemsUpdate = Type.Object({ items: Items }, { additionalProperties: false });

export const CommitmentReview = Type.Object(
  {
    decision: Type.Enum(['approve', 'return']),
    comment: Type.Optional(Type.String({ maxLength: 500, description: 'Required when returning' })),
  },
  { additionalProperties: false },
);

export const ItemFulfil = Type.Object(
  {
    on: DateString,
    evidence: Type.String({ minLength: 1, maxLength: 500, description: 'What was done, and how it can be checked' }),
  },
  { additionalProperties: false },
);

export const CommitmentEvaluate = Type.Object(
  { grade: EvaluationGrade, evaluation: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
