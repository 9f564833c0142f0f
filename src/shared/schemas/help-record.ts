/** Schemas of help records (帮扶纪实) and the household timeline, shared by the server and the web app. */
import { type Static, Type } from 'typebox';
import { HELP_STATUSES } from '../labels/help-record.ts';
import { CountyCode, DateString, Id, OrgCode, PageQuery, SortQuery } from './common.ts';
import { Confirmation, ConfirmChannel, RecordFlag } from './record-trust.ts';
import { sensitive } from './sensitive.ts';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export { HELP_STATUSES };

const Status = Type.Enum(HELP_STATUSES);

export const HelpParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });
export const HelpPhotoParams = Type.Object(
  { county: CountyCode, id: Id, photoId: Id },
  { additionalProperties: false },
);

const fields = {
  visitedOn: DateString,
  measure: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
  needId: Type.Optional(Nullable(Id)),
  solvedNeed: Type.Optional(Type.Boolean()),
  content: Type.String({ minLength: 1, maxLength: 1000 }),
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
};

export const HelpCreate = Type.Object(
  { clientId: Uuid, householdId: Id, memberId: Type.Optional(Id), ...fields },
  { additionalProperties: false },
);
export type HelpCreate = Static<typeof HelpCreate>;
/** How many records one sync request may carry (an offline queue sends what it saved, in slices). */
export const HELP_BATCH_MAX = 50;
export const HelpCreateBatch = Type.Object(
  { records: Type.Array(HelpCreate, { minItems: 1, maxItems: HELP_BATCH_MAX }) },
  { additionalProperties: false },
);
/** Each record's own answer: 201 stored now, 200 stored before (a resend), or its error (404 / 422 / 409). */
export const HelpBatchResult = Type.Object({
  results: Type.Array(
    Type.Object({
      clientId: Type.String(),
      status: Type.Integer(),
      id: Type.Optional(Type.Integer()),
      error: Type.Optional(
        Type.Object({
          code: Type.String(),
          message: Type.String(),
          details: Type.Optional(
            Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() })),
          ),
        }),
      ),
    }),
  ),
});
export const HelpEdit = Type.Object(fields, { additionalProperties: false });
export const HelpVerify = Type.Object(
  {
    decision: Type.Union([Type.Literal('verify'), Type.Literal('return')]),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
/** Photo and the client-drawn thumbnail, base64 (≤ 5 MB and ≤ 256 KB decoded). */
export const HelpPhotoUpload = Type.Object(
  {
    data: Type.String({ minLength: 1, maxLength: 7_000_000 }),
    thumbnail: Type.String({ minLength: 1, maxLength: 350_000 }),
    width: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
    height: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
  },
  { additionalProperties: false },
);

export const HelpListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    status: Type.Optional(Status),
    memberId: Type.Optional(Id),
    householdId: Type.Optional(Id),
    measure: Type.Optional(Type.String({ pattern: '^[a-z0-9_]{1,40}$' })),
    month: Type.Optional(Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    toVerify: Type.Optional(
      Type.Boolean({
        description:
          'Only submitted records the caller may verify (a group leader: of the grids their own member leads now)',
      }),
    ),
    sort: SortQuery(['visitedOn', 'createdAt', 'status']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const HelpRecordItem = Type.Object({
  id: Type.Integer(),
  clientId: Type.String(),
  householdId: Type.Integer(),
  headName: Type.String(),
  naturalVillageCode: Type.String(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  pairingId: Nullable(Type.Integer()),
  visitedOn: Type.String(),
  measure: Type.String(),
  needId: Nullable(Type.Integer()),
  need: Nullable(Type.String()),
  solvedNeed: Type.Boolean(),
  content: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  status: Status,
  verifiedBy: Nullable(Type.Integer()),
  verifiedAt: Nullable(Type.String()),
  verifyComment: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  confirmation: Confirmation,
  confirmedVia: Nullable(ConfirmChannel),
});

export const HelpRecordDetail = Type.Object({
  ...HelpRecordItem.properties,
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      previous: Type.Record(Type.String(), Type.Unknown()),
      editedBy: Nullable(Type.Integer()),
      editedAt: Type.String(),
    }),
  ),
  photos: Type.Array(
    Type.Object({
      id: Type.Integer(),
      mime: Type.String(),
      bytes: Type.Integer(),
      width: Nullable(Type.Integer()),
      height: Nullable(Type.Integer()),
      thumbnailMime: Type.String(),
      createdAt: Type.String(),
    }),
  ),
  flags: Type.Array(RecordFlag),
});
export type HelpRecordDetail = Static<typeof HelpRecordDetail>;

export const TimelineQuery = Type.Object(PageQuery, { additionalProperties: false });
export const TimelinePage = Type.Object({
  householdId: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      kind: Type.Union([
        Type.Literal('help'),
        Type.Literal('pairing_start'),
        Type.Literal('pairing_end'),
        Type.Literal('status'),
        Type.Literal('exit'),
      ]),
      on: Type.String(),
      refId: Type.Integer(),
      code: Nullable(Type.String()),
      text: Nullable(Type.String()),
      memberName: Nullable(Type.String()),
      extra: Nullable(Type.String()),
    }),
  ),
});
export type TimelinePage = Static<typeof TimelinePage>;

/**
 * What the help form needs of one household, and nothing more (the phone keeps it for offline use, so no ID
 * number, phone, income or health): the head's name, the open needs and the current helpers.
 */
export const HelpChoices = Type.Object({
  householdId: Type.Integer(),
  headName: Type.String(),
  needs: Type.Array(
    Type.Object({ id: Type.Integer(), need: Type.String(), detail: Type.String(sensitive('health', 'household')) }),
  ),
  helpers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type HelpChoices = Static<typeof HelpChoices>;
