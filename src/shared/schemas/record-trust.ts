/** Schemas of record trust (issue 18): the flag queue, decisions, confirmation codes and the public confirm step. */
import { type Static, Type } from 'typebox';
import { HELP_STATUSES } from '../labels/help-record.ts';
import {
  CONFIRM_CHANNEL_LABELS,
  CONFIRM_CHANNELS,
  CONFIRMATION_LABELS,
  CONFIRMATIONS,
  FLAG_KIND_LABELS,
  FLAG_KINDS,
  FLAG_STATUS_LABELS,
  FLAG_STATUSES,
} from '../labels/record-trust.ts';
import { describeCodes } from '../lang.ts';
import { CountyCode, Id, OrgCode, PageQuery, SortQuery } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const FlagKind = Type.Enum(FLAG_KINDS, { description: describeCodes(FLAG_KIND_LABELS) });
export const FlagStatus = Type.Enum(FLAG_STATUSES, { description: describeCodes(FLAG_STATUS_LABELS) });
export const Confirmation = Type.Enum(CONFIRMATIONS, { description: describeCodes(CONFIRMATION_LABELS) });
export const ConfirmChannel = Type.Enum(CONFIRM_CHANNELS, { description: describeCodes(CONFIRM_CHANNEL_LABELS) });

export const FlagListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    kind: Type.Optional(FlagKind),
    status: Type.Optional(FlagStatus),
    sort: SortQuery(['raisedAt', 'visitedOn', 'kind']),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type FlagListQuery = Static<typeof FlagListQuery>;

/** A flag with the record it is about (no personal data beyond what the help-record list shows). */
export const FlagItem = Type.Object({
  id: Type.Integer(),
  recordId: Type.Integer(),
  kind: FlagKind,
  status: FlagStatus,
  reason: Type.String({ description: "Why it was raised, in the request's language" }),
  evidence: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  raisedAt: Type.String(),
  decidedBy: Nullable(Type.Integer()),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  naturalVillageCode: Type.String(),
  householdId: Type.Integer(),
  headName: Type.String(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  visitedOn: Type.String(),
  content: Type.String(),
  recordStatus: Type.Enum(HELP_STATUSES),
  confirmation: Confirmation,
});
export type FlagItem = Static<typeof FlagItem>;

export const FlagDecision = Type.Object(
  {
    decision: Type.Union([Type.Literal('clear'), Type.Literal('uphold')]),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type FlagDecision = Static<typeof FlagDecision>;

export const FlagParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });

/** A record's flags as the help-record detail shows them. */
export const RecordFlag = Type.Object({
  id: Type.Integer(),
  kind: FlagKind,
  status: FlagStatus,
  reason: Type.Object({ zh: Type.String(), en: Type.String() }),
  decisionReason: Nullable(Type.String()),
});

/** How long the code should work: the visit itself (a few hours) up to three days (a relative answers later). */
export const ConfirmCodeRequest = Type.Object(
  { validHours: Type.Integer({ minimum: 1, maximum: 72 }) },
  { additionalProperties: false },
);
export type ConfirmCodeRequest = Static<typeof ConfirmCodeRequest>;

/** The one-time code a helper shows the household, with the address its QR code opens. */
export const ConfirmCode = Type.Object({
  recordId: Type.Integer(),
  code: Type.String({ description: '6 characters, shown once; only its hash is stored' }),
  expiresAt: Type.String(),
  url: Type.String(),
  qrSvg: Type.String(),
});

/** The household's answer on the plaque's public page. */
export const PublicConfirmBody = Type.Object(
  {
    code: Type.String({ minLength: 6, maxLength: 6, pattern: '^[A-Za-z0-9]{6}$' }),
    answer: Type.Union([Type.Literal('confirm'), Type.Literal('dispute')]),
    comment: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type PublicConfirmBody = Static<typeof PublicConfirmBody>;

/** What the public step answers: the visit as the household may see it (no names, no ID numbers, no phone). */
export const PublicConfirmed = Type.Object({
  visitedOn: Type.String(),
  measure: Type.String(),
  confirmation: Confirmation,
});

/** The village confirming for a household without a phone (村代确认, marked as such). */
export const VillageConfirmBody = Type.Object(
  {
    answer: Type.Union([Type.Literal('confirm'), Type.Literal('dispute')]),
    comment: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);
export type VillageConfirmBody = Static<typeof VillageConfirmBody>;
