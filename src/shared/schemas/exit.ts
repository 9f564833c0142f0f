/**
 * Household exit workflow schemas (贫困户退出): start with an assessment, then verify, sign, public notice with
 * objections, complete or withdraw; the household's exits and the notice board (公示) list.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { EXIT_NOTICE_DAYS } from '../../domain/exit-workflow.ts';
import { EXIT_STATUS_LABELS, EXIT_STATUSES } from '../labels/exit.ts';
import { describeCodes } from '../lang.ts';
import { CountyCode, DateString, Id, OrgCode, PageQuery, SortQuery } from './common.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const strict = { additionalProperties: false } as const;

export { EXIT_NOTICE_DAYS };
export const ExitStatus = Type.Enum(EXIT_STATUSES, { description: describeCodes(EXIT_STATUS_LABELS) });
export const ObjectionStatus = Type.Enum(['open', 'upheld', 'dismissed']);

export const ExitParams = Type.Object({ county: CountyCode, exitId: Id }, strict);
export const ObjectionParams = Type.Object({ county: CountyCode, exitId: Id, objectionId: Id }, strict);

// --- requests ---

/** Start an exit: the exit test of `year` (default the latest income year), assessed on `assessedOn`. */
export const ExitStart = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2013, maximum: 2100 })), assessedOn: DateString },
  strict,
);
export const ExitVerify = Type.Object({ on: DateString, note: Type.Optional(Type.String({ maxLength: 500 })) }, strict);
export const ExitSign = Type.Object({ on: DateString, signerName: Text(40) }, strict);
export const ExitNotice = Type.Object(
  {
    from: DateString,
    days: Type.Optional(
      Type.Integer({ minimum: EXIT_NOTICE_DAYS.min, maximum: EXIT_NOTICE_DAYS.max, default: EXIT_NOTICE_DAYS.default }),
    ),
  },
  strict,
);
export const ObjectionRaise = Type.Object(
  { raisedOn: DateString, raisedBy: Type.Optional(Type.String({ maxLength: 60 })), content: Text(500) },
  strict,
);
export const ObjectionResolve = Type.Object(
  { decision: Type.Enum(['upheld', 'dismissed']), resolution: Text(500), on: DateString },
  strict,
);
export const ExitComplete = Type.Object(
  { on: DateString, endPairings: Type.Optional(Type.Boolean({ default: true })) },
  strict,
);
export const ExitWithdraw = Type.Object({ on: DateString, reason: Text(500) }, strict);

/** The notice board and other lists of exits in a scope. */
export const ExitListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    status: Type.Optional(ExitStatus),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Head name or registry number' })),
    sort: SortQuery(['noticeEndsOn', 'noticeFrom', 'assessedOn', 'headName', 'registryNo']),
    ...PageQuery,
  },
  strict,
);

// --- responses ---

export const ExitObjection = Type.Object({
  id: Type.Integer(),
  raisedOn: Type.String(),
  raisedBy: Type.String(),
  content: Type.String(),
  status: ObjectionStatus,
  resolution: Nullable(Type.String()),
  resolvedOn: Nullable(Type.String()),
});

/** One exit with every step dated, the assessment snapshot (details in the caller's language) and objections. */
export const HouseholdExit = Type.Object({
  id: Type.Integer(),
  householdId: Type.Integer(),
  year: Type.Integer(),
  status: ExitStatus,
  nextStep: Nullable(Type.Enum(['verify', 'sign', 'notice', 'complete'])),
  perCapitaNetIncome: Type.Number(),
  line: Type.Number(),
  checks: Type.Array(Type.Object({ code: Type.String(), passed: Type.Boolean(), detail: Type.String() })),
  assessedOn: Type.String(),
  verifiedOn: Nullable(Type.String()),
  verificationNote: Nullable(Type.String()),
  signedOn: Nullable(Type.String()),
  signerName: Nullable(Type.String()),
  noticeFrom: Nullable(Type.String()),
  noticeDays: Type.Integer(),
  /** Last day of the notice period. */
  noticeEndsOn: Nullable(Type.String()),
  /** First day the exit may complete (noticeFrom + noticeDays). */
  completableOn: Nullable(Type.String()),
  exitedOn: Nullable(Type.String()),
  withdrawnOn: Nullable(Type.String()),
  withdrawnReason: Nullable(Type.String()),
  pairingsEnded: Type.Integer(),
  objections: Type.Array(ExitObjection),
});

export const HouseholdExits = Type.Object({ items: Type.Array(HouseholdExit) });

/** A row of the notice board / exit list: the household by head name and registry number only (public-safe). */
export const ExitListItem = Type.Object({
  id: Type.Integer(),
  householdId: Type.Integer(),
  headName: Type.String(),
  registryNo: Type.String(),
  naturalVillageCode: Type.String(),
  naturalVillageName: Type.String(),
  villageName: Type.String(),
  year: Type.Integer(),
  status: ExitStatus,
  perCapitaNetIncome: Type.Number(),
  assessedOn: Type.String(),
  noticeFrom: Nullable(Type.String()),
  noticeDays: Type.Integer(),
  noticeEndsOn: Nullable(Type.String()),
  exitedOn: Nullable(Type.String()),
  openObjections: Type.Integer(),
});

export type ExitStartBody = Static<typeof ExitStart>;
export type ExitVerifyBody = Static<typeof ExitVerify>;
export type ExitSignBody = Static<typeof ExitSign>;
export type ExitNoticeBody = Static<typeof ExitNotice>;
export type ObjectionRaiseBody = Static<typeof ObjectionRaise>;
export type ObjectionResolveBody = Static<typeof ObjectionResolve>;
export type ExitCompleteBody = Static<typeof ExitComplete>;
export type ExitWithdrawBody = Static<typeof ExitWithdraw>;
export type ExitListQueryType = Static<typeof ExitListQuery>;
export type HouseholdExitType = Static<typeof HouseholdExit>;
export type ExitListItemType = Static<typeof ExitListItem>;
