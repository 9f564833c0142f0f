/**
 * Problem schemas (问题上报与逐级办理): raise, the lists (inbox per level, overdue board), one problem with its
 * trail, the action body, and the notification inbox. Shapes only: which level and role may act, and which
 * state allows what, are rules of the domain (409 / 422).
 */
import { Type } from 'typebox';
import {
  PROBLEM_LEVEL_LABELS,
  PROBLEM_LEVELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_STATUSES,
  URGENCIES,
  URGENCY_LABELS,
} from '../labels/problem.ts';
import { describeCodes } from '../lang.ts';
import { CountyCode, Id, OrgCode, PageQuery, SortQuery } from './common.ts';

export const ProblemLevel = Type.Enum(PROBLEM_LEVELS, {
  description: `${describeCodes(PROBLEM_LEVEL_LABELS)} (lowest first)`,
});
export const ProblemStatus = Type.Enum(PROBLEM_STATUSES, { description: describeCodes(PROBLEM_STATUS_LABELS) });
export const Urgency = Type.Enum(URGENCIES, { description: describeCodes(URGENCY_LABELS) });
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ProblemParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });

export const ProblemRaise = Type.Object(
  {
    householdId: Id,
    category: Type.String({ minLength: 1, maxLength: 40, description: "dictionary kind 'problem_category'" }),
    description: Text(1000, 'What the household needs solved'),
    urgency: Type.Optional(Urgency),
  },
  { additionalProperties: false },
);

export const ProblemListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    level: Type.Optional(ProblemLevel),
    status: Type.Optional(ProblemStatus),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    overdue: Type.Optional(Type.Boolean()),
    pending: Type.Optional(Type.Boolean({ description: 'only problems still being handled' })),
    householdId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "Part of the head's name or text" })),
    sort: SortQuery(['dueAt', 'createdAt', 'level', 'id']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ProblemItem = Type.Object({
  id: Id,
  householdId: Id,
  headName: Type.String(),
  naturalVillageCode: Type.String(),
  category: Type.String(),
  description: Type.String(),
  urgency: Urgency,
  level: ProblemLevel,
  status: ProblemStatus,
  holderCode: Type.String(),
  holderName: NullableString,
  department: NullableString,
  levelEnteredAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  hoursLate: Type.Integer(),
  reopenedCount: Type.Integer(),
  createdAt: Type.String(),
});

export const ProblemAction = Type.Enum(
  ['accept', 'hand_to_department', 'resolve', 'escalate', 'confirm', 'reopen', 'urge'],
  { description: 'urge 督办: a level above reminds the handler of an overdue problem (once per unit and day)' },
);

export const ProblemEvent = Type.Object({
  id: Id,
  action: Type.String(),
  actor: Type.String(),
  fromLevel: Type.Union([ProblemLevel, Type.Null()]),
  toLevel: ProblemLevel,
  fromStatus: Type.Union([ProblemStatus, Type.Null()]),
  toStatus: ProblemStatus,
  comment: Type.String(),
  automatic: Type.Boolean(),
  at: Type.String(),
});

export const ProblemDetail = Type.Object({
  ...ProblemItem.properties,
  raisedByMemberId: Type.Union([Id, Type.Null()]),
  resolution: NullableString,
  resolvedAt: NullableString,
  closedAt: NullableString,
  events: Type.Array(ProblemEvent),
  allowedActions: Type.Array(ProblemAction, {
    description: 'The steps the caller may take now: exactly those POST …/actions accepts (same rule)',
  }),
});

const Comment = Type.Optional(Type.String({ maxLength: 500 }));
/** The action body: `{ action, ... }` with the field the action needs (checked by the domain: 422 when blank). */
export const ProblemActionBody = Type.Union([
  Type.Object({ action: Type.Literal('accept'), comment: Comment }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('hand_to_department'), department: Type.String({ maxLength: 100 }), comment: Comment },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('resolve'), resolution: Type.String({ maxLength: 1000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('escalate'), reason: Type.String({ maxLength: 500 }) },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('confirm'), comment: Comment }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('reopen'), reason: Type.String({ maxLength: 500 }) },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('urge'), comment: Comment }, { additionalProperties: false }),
]);

export const OverdueBoard = Type.Object({
  levels: Type.Array(Type.Object({ level: ProblemLevel, count: Type.Integer(), maxHoursLate: Type.Integer() })),
  items: Type.Array(ProblemItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const InboxQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);

export const InboxPage = Type.Object({
  unread: Type.Integer(),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Id,
      kind: Type.String(),
      problemId: Type.Union([Id, Type.Null()]),
      textZh: Type.String(),
      textEn: Type.String(),
      createdAt: Type.String(),
      readAt: NullableString,
    }),
  ),
});

export const InboxRead = Type.Object(
  { ids: Type.Optional(Type.Array(Id, { maxItems: 200, description: 'omit to mark all read' })) },
  { additionalProperties: false },
);
export const InboxReadResult = Type.Object({ marked: Type.Integer(), unread: Type.Integer() });
