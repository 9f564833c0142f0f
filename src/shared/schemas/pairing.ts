/**
 * Pairing schemas (结对帮扶): suggestions for review, bulk confirmation, rejections, handover, measures, the list
 * and one pairing with its chain. Shapes only; rules come back as 422 with `details[].path` such as
 * `pairs.3.memberId`.
 */
import { type Static, Type } from 'typebox';
import { CountyCode, DateString, Id, OrgCode, PageQuery, SortQuery } from './common.ts';
import { RecordActions } from './record-actions.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Measures = Type.String({ maxLength: 500, description: '帮扶措施 (help measures), at most 500 characters' });

export const PairingParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });
export const RejectionParams = Type.Object(
  { county: CountyCode, memberId: Id, householdId: Id },
  { additionalProperties: false },
);

export const SuggestionQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    gridId: Type.Optional(Id),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

const FitParts = Type.Object({ skill: Type.Integer(), closeness: Type.Integer(), wish: Type.Integer() });

const SuggestedMember = Type.Object({
  id: Id,
  name: Type.String(),
  post: NullableString,
  expertise: Type.Array(Type.String(), { description: 'Expertise labels in the request language' }),
});

const SuggestedHousehold = Type.Object({
  id: Id,
  headName: Type.String(),
  villageName: Type.String(),
  naturalVillageName: Type.String(),
  mainCause: Type.String({ description: 'Main cause label in the request language' }),
  needs: Type.Array(Type.String(), { description: 'Open need labels' }),
});

const Alternative = Type.Object({
  member: SuggestedMember,
  fit: Type.Integer(),
  parts: FitParts,
  reasons: Type.Array(Type.String()),
  freeSlots: Type.Integer({ description: 'Capacity left after the suggestions' }),
});

export const Suggestion = Type.Object({
  member: SuggestedMember,
  household: SuggestedHousehold,
  fit: Type.Integer(),
  parts: FitParts,
  reasons: Type.Array(Type.String()),
  alternatives: Type.Array(Alternative, { maxItems: 3 }),
});

export const SuggestionsBody = Type.Object({
  scope: Type.Object({ code: Type.String(), gridId: Type.Union([Id, Type.Null()]) }),
  suggestions: Type.Array(Suggestion),
  total: Type.Integer({ description: 'Suggestions in the scope (this page holds a slice)' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  shortfall: Type.Array(
    Type.Object({
      villageCode: Type.String(),
      villageName: Type.String(),
      townshipName: Type.String(),
      households: Type.Array(Id),
    }),
  ),
  summary: Type.Object({
    householdsNeedingHelp: Type.Integer(),
    householdsCovered: Type.Integer(),
    shortfall: Type.Integer(),
    membersAtCapacity: Type.Integer(),
    totalFit: Type.Integer(),
    components: Type.Integer(),
  }),
  timing: Type.Object({ loadMs: Type.Number(), solveMs: Type.Number() }),
});
export type SuggestionsResult = Static<typeof SuggestionsBody>;

const Pair = Type.Object(
  { memberId: Id, householdId: Id, measures: Type.Optional(Measures) },
  { additionalProperties: false },
);

export const ConfirmBody = Type.Object(
  { startOn: DateString, pairs: Type.Array(Pair, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export type ConfirmInput = Static<typeof ConfirmBody>;

export const RejectBody = Type.Object(
  { memberId: Id, householdId: Id, reason: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);

export const Rejection = Type.Object({
  memberId: Id,
  householdId: Id,
  reason: Type.String(),
  rejectedAt: Type.String(),
});

export const HANDOVER_REASONS = ['deceased', 'moved', 'illness', 'other'] as const;
export const HandoverBody = Type.Object(
  {
    successorMemberId: Id,
    on: DateString,
    reason: Type.Union(HANDOVER_REASONS.map((r) => Type.Literal(r))),
    note: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type HandoverInput = Static<typeof HandoverBody>;

/** End a pairing kept after its household's exit (送一程 is over). */
export const EndPairingBody = Type.Object({ on: DateString }, { additionalProperties: false });
export type EndPairingInput = Static<typeof EndPairingBody>;

export const MeasuresBody = Type.Object({ measures: Measures }, { additionalProperties: false });

export const PairingListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Part of the member or head name' })),
    status: Type.Optional(
      Type.Union([Type.Literal('current'), Type.Literal('ended'), Type.Literal('all')], { default: 'current' }),
    ),
    memberId: Type.Optional(Id),
    householdId: Type.Optional(Id),
    gridId: Type.Optional(Id),
    needsHandover: Type.Optional(Type.Boolean({ description: 'Current pairings whose member can no longer help' })),
    sort: SortQuery(['started', 'member', 'household', 'village']),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PairingFilter = Static<typeof PairingListQuery>;

export const PairingItem = Type.Object({
  id: Id,
  member: Type.Object({ id: Id, name: Type.String(), post: NullableString }),
  household: Type.Object({ id: Id, headName: Type.String(), status: Type.String() }),
  villageName: Type.String(),
  naturalVillageName: Type.String(),
  slot: Type.Integer(),
  startedOn: Type.String(),
  endedOn: NullableString,
  endReason: NullableString,
  successorId: Type.Union([Id, Type.Null()]),
  measures: Type.String(),
  plaqueCode: Type.String(),
  needsHandover: Type.Boolean(),
});
export type PairingItemBody = Static<typeof PairingItem>;

export const PairingDetail = Type.Object({
  allowedActions: Type.Optional(RecordActions),
  ...PairingItem.properties,
  endNote: NullableString,
  exitId: Type.Union([Id, Type.Null()]),
  predecessor: Type.Union([PairingItem, Type.Null()]),
  successor: Type.Union([PairingItem, Type.Null()]),
  /** Every pairing of the same household, current first, then by start date (newest first). */
  history: Type.Array(PairingItem),
});

export const ConfirmResult = Type.Object({ items: Type.Array(PairingItem) });
