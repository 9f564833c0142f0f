/**
 * Plaque (挂牌, 连心卡) and public feedback schemas. A plaque carries only what may hang on a door: the head's
 * name, labels, the helper's published contact number — never ID numbers, personal phones, bank accounts or
 * health details. The same rule holds for the public page (PublicPlaque), which any visitor can read.
 */
import { Type } from 'typebox';
import { CountyCode, Id, OrgCode, PageQuery, SortQuery } from './common.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A dictionary code with its labels in both languages. */
export const Label = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });

/** One published commitment item of the helper's year. */
export const PlaqueCommitment = Type.Object({
  position: Type.Integer(),
  content: Type.String(),
  dueOn: NullableString,
  fulfilled: Type.Boolean(),
});

const plaqueFields = {
  county: Type.String(),
  plaqueCode: Type.String(),
  startedOn: Type.String(),
  household: Type.Object({
    headName: Type.String(),
    naturalVillageName: Type.String(),
    villageName: NullableString,
    attribute: Label,
    mainCause: Label,
    status: Label,
  }),
  helper: Type.Object({
    name: Type.String(),
    workUnit: NullableString,
    post: NullableString,
    publicPhone: NullableString,
  }),
  measures: Type.String(),
  commitmentYear: Type.Integer(),
  commitments: Type.Array(PlaqueCommitment),
};

/** A printable plaque: the public URL its QR code opens and the QR as SVG markup. */
export const Plaque = Type.Object({
  id: Id,
  memberId: Id,
  householdId: Id,
  ...plaqueFields,
  naturalVillageCode: Type.String(),
  url: Type.String(),
  qrSvg: Type.String(),
});

export const PlaqueList = Type.Object({ village: Type.String(), items: Type.Array(Plaque) });

export const PlaqueVillageQuery = Type.Object(
  { village: Type.String({ pattern: '^[0-9]{12}$', description: 'Village code (12 digits)' }) },
  { additionalProperties: false },
);

export const PublicPlaqueParams = Type.Object(
  { county: CountyCode, code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$', description: 'Plaque code' }) },
  { additionalProperties: false },
);

/** An approved public comment (no client key, no moderator). */
export const PublicComment = Type.Object({
  satisfaction: Type.Integer(),
  comment: Type.String(),
  submittedOn: Type.String(),
});

/** The public page: the plaque's content plus progress; an ended pairing says so and shows little else. */
export const PublicPlaque = Type.Object({
  ended: Type.Boolean(),
  endedOn: NullableString,
  ...Type.Partial(Type.Object(plaqueFields)).properties,
  county: Type.String(),
  plaqueCode: Type.String(),
  progress: Type.Optional(
    Type.Object({
      daysPaired: Type.Integer(),
      commitmentsFulfilled: Type.Integer(),
      commitmentsTotal: Type.Integer(),
      feedbackCount: Type.Integer(),
      feedbackAverage: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  comments: Type.Optional(Type.Array(PublicComment)),
});

export const FeedbackBody = Type.Object(
  {
    satisfaction: Type.Integer({ minimum: 1, maximum: 5, description: 'Stars, 1–5' }),
    comment: Type.String({ maxLength: 300, default: '' }),
  },
  { additionalProperties: false },
);

export const FeedbackAccepted = Type.Object({ status: Type.Literal('pending') });

export const FeedbackStatus = Type.Enum(['pending', 'approved', 'rejected']);

export const FeedbackListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    status: Type.Optional(FeedbackStatus),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: "Head's or helper's name, or comment text" }),
    ),
    sort: SortQuery(['submittedAt', 'satisfaction']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** One feedback entry for moderators (never the client key). */
export const FeedbackItem = Type.Object({
  id: Id,
  pairingId: Id,
  plaqueCode: Type.String(),
  headName: Type.String(),
  helperName: Type.String(),
  naturalVillageCode: Type.String(),
  naturalVillageName: Type.String(),
  satisfaction: Type.Integer(),
  comment: Type.String(),
  status: FeedbackStatus,
  submittedAt: Type.String(),
  moderatedAt: NullableString,
});

/** The answer to a moderation: the entry and its new status. */
export const FeedbackModerated = Type.Object({ id: Type.Integer(), status: FeedbackStatus });

export const ModerateBody = Type.Object(
  { decision: Type.Enum(['approve', 'reject']) },
  { additionalProperties: false },
);
