/**
 * Poor-household registry schemas (建档立卡): the household, its persons, yearly income, needs, status history
 * and the exit assessment. Codes the consistency rules reason about (causes, relation, health, labour, school
 * status) are enums from the domain; the other coded fields are dictionary codes checked by the service.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { CAUSE_CODES, HEALTH_CODES, LABOUR_CODES, RELATION_CODES, SCHOOL_STATUS_CODES } from '../../domain/codes.ts';
import { POVERTY_STATUS_LABELS, POVERTY_STATUSES } from '../labels/household.ts';
import { describeCodes } from '../lang.ts';
import { COLUMN_RANGE } from './column-limits.ts';
import { DateString, OrgCode, PageQuery, SortQuery } from './common.ts';
import { MonitoringCaseOut } from './monitoring.ts';
import { RecordActions } from './record-actions.ts';
import { sensitive } from './sensitive.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/**
 * Input fields that may be cleared with null, as one JSON-schema type list rather than a union: a bad value
 * then gets one clear error instead of one per union branch ("must match pattern", "must be null", "anyOf").
 */
const OrNull = {
  string: (options: Record<string, unknown> = {}) =>
    Type.Unsafe<string | null>({ ...options, type: ['string', 'null'] }),
  number: (options: Record<string, unknown>) => Type.Unsafe<number | null>({ ...options, type: ['number', 'null'] }),
  integer: (options: Record<string, unknown>) => Type.Unsafe<number | null>({ ...options, type: ['integer', 'null'] }),
  enum: <const T extends string>(values: T[]) => Type.Unsafe<T | null>({ enum: [...values, null] }),
};
const Code = Type.String({ pattern: '^[a-z0-9_]{1,40}$', description: 'Dictionary code' });
const Year = Type.Integer({ minimum: 2013, maximum: 2100 });
const Amount = Type.Number({ minimum: 0, maximum: 1_000_000_000, description: 'CNY' });
const Measure = OrNull.number({ minimum: 0, maximum: 100_000 });

/** Poverty history: identified → exited → returned, or none (never registered); monitoring is a case of its own. */
export const HouseholdStatus = Type.Enum(POVERTY_STATUSES, { description: describeCodes(POVERTY_STATUS_LABELS) });
/** The statuses a clerk may record (a never-registered status is where a household starts, never a change). */
export const StatusChangeTo = Type.Enum(['identified', 'exited', 'returned']);
/** 一般贫困户, 低保贫困户, 特困供养(五保)户, 低保户. */
export const Attribute = Type.Enum(['general', 'dibao_poor', 'tekun', 'dibao']);
/** Identification standard: national, provincial or municipal line. */
export const Standard = Type.Enum(['national', 'provincial', 'municipal']);
/** Causes of poverty (致贫原因). */
export const Cause = Type.Enum([...CAUSE_CODES]);
/** A need is open until met or dropped. */
export const NeedStatus = Type.Enum(['open', 'met', 'dropped']);
/** Why a person left the household; persons are never deleted. */
export const RemovalReason = Type.Enum(['death', 'marriage_out', 'split', 'moved_out', 'wrong_entry', 'other']);

/** Household fields a clerk writes (create and update); head name and size follow from the persons. */
const householdFields = {
  registryNo: Type.String({ pattern: '^[0-9A-Za-z-]{1,30}$', description: 'National registry number' }),
  naturalVillageCode: Type.String({ pattern: '^[0-9]{15}$' }),
  address: Type.String({ maxLength: 200 }),
  phone: OrNull.string({ pattern: '^[0-9+\\- ]{5,20}$' }),
  bankName: OrNull.string({ minLength: 1, maxLength: 60 }),
  bankAccount: OrNull.string({ pattern: '^[0-9]{8,32}$' }),
  standard: Standard,
  attribute: Attribute,
  mainCause: Cause,
  // Only a sanity bound: the rule of at most two is the domain's, reported with a clerk-friendly message.
  otherCauses: Type.Array(Cause, { maxItems: 13 }),
  identifiedYear: Year,
  plannedExitYear: OrNull.integer({ minimum: 2013, maximum: 2100 }),
  farmlandMu: Measure,
  forestMu: Measure,
  hasPower: Type.Boolean(),
  roadDistanceKm: OrNull.number(COLUMN_RANGE.roadDistanceKm),
  housingArea: OrNull.number(COLUMN_RANGE.housingArea),
  housingStructure: OrNull.string({ pattern: '^[a-z0-9_]{1,40}$', description: 'Dictionary code' }),
  housingGrade: OrNull.enum(['A', 'B', 'C', 'D']),
  safeWater: Type.Boolean(),
  hasToilet: Type.Boolean(),
  inCooperative: Type.Boolean(),
  foodClothingSecure: Type.Boolean(),
};

const personFields = {
  name: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
  idNumber: Type.String({ minLength: 15, maxLength: 20, description: '18-digit (or old 15-digit) resident ID' }),
  sex: Type.Enum(['M', 'F'], { description: 'Optional: derived from the ID number, refused when it contradicts it' }),
  relation: Type.Enum([...RELATION_CODES]),
  ethnicity: Code,
  education: Code,
  schoolStatus: Type.Enum([...SCHOOL_STATUS_CODES]),
  health: Type.Enum([...HEALTH_CODES]),
  labour: Type.Enum([...LABOUR_CODES]),
  monthsWorked: Type.Integer({ minimum: 0, maximum: 12 }),
  hasMedicalInsurance: Type.Boolean(),
  hasPensionInsurance: Type.Boolean(),
};
const { sex, schoolStatus, health, monthsWorked, hasMedicalInsurance, hasPensionInsurance, ...personRequired } =
  personFields;

/** A member as registered: birth date and sex are derived from the ID number. */
export const PersonInput = Type.Object(
  {
    ...personRequired,
    ...Type.Partial(Type.Object({ sex, schoolStatus, health, monthsWorked, hasMedicalInsurance, hasPensionInsurance }))
      .properties,
  },
  { additionalProperties: false },
);

/** A correction of a member; at least one field. */
export const PersonPatch = Type.Partial(
  Type.Object({
    ...personFields,
    previousHeadRelation: Type.Enum([...RELATION_CODES.filter((r) => r !== 'head')], {
      description: "When this person becomes head: the former head's new relation (default other)",
    }),
  }),
  { additionalProperties: false, minProperties: 1 },
);

/** Body of DELETE …/persons/:personId: the member is marked removed, never deleted. */
export const PersonRemoval = Type.Object(
  { removedOn: DateString, reason: RemovalReason },
  { additionalProperties: false },
);

/** The yearly income items (absent items are 0) and the household size they are divided by. */
export const IncomeInput = Type.Partial(
  Type.Object({
    wage: Amount,
    production: Amount,
    property: Amount,
    dibao: Amount,
    wubao: Amount,
    pension: Amount,
    subsidy: Amount,
    productionCost: Amount,
    householdSize: Type.Integer({ minimum: 1, maximum: 30, description: 'Defaults to the current size' }),
  }),
  { additionalProperties: false },
);

/** A need raised by the household (dictionary kind 'need'); raised today unless dated. */
export const NeedInput = Type.Object(
  {
    need: Code,
    detail: Type.Optional(Type.String({ maxLength: 500 })),
    raisedOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);

/** A change of a need's detail or status; closing sets the closing date (default today). */
export const NeedPatch = Type.Object(
  {
    detail: Type.Optional(Type.String({ maxLength: 500 })),
    status: Type.Optional(NeedStatus),
    closedOn: Type.Optional(DateString),
  },
  { additionalProperties: false, minProperties: 1 },
);

// A new household must name its registry number, place, standard, attribute, main cause and year.
const { registryNo, naturalVillageCode, standard, attribute, mainCause, identifiedYear, ...optionalOnCreate } =
  householdFields;

/** A new household with its persons (exactly one head), optional income years and needs. */
export const HouseholdCreate = Type.Object(
  {
    registryNo,
    naturalVillageCode,
    standard,
    attribute,
    mainCause,
    identifiedYear,
    ...Type.Partial(Type.Object(optionalOnCreate)).properties,
    identifiedOn: Type.Optional(DateString),
    persons: Type.Array(PersonInput, { minItems: 1, maxItems: 30 }),
    income: Type.Optional(
      Type.Array(Type.Object({ year: Year, ...IncomeInput.properties }, { additionalProperties: false }), {
        maxItems: 20,
      }),
    ),
    needs: Type.Optional(Type.Array(NeedInput, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

/** A change of the household's own fields (persons, income and needs have their own routes). */
export const HouseholdPatch = Type.Partial(Type.Object(householdFields), {
  additionalProperties: false,
  minProperties: 1,
});

/**
 * Allowed next statuses of each status, for the web's status dialog. The service keeps the rule
 * (services/households/change-household-status.ts, TRANSITIONS) and a test checks the two agree.
 */
export const STATUS_TRANSITIONS: Readonly<Record<Static<typeof HouseholdStatus>, readonly string[]>> = {
  none: ['identified'],
  identified: ['exited'],
  exited: ['returned'],
  returned: ['exited'],
};

/** A decided status change, appended to the history. */
export const StatusChange = Type.Object(
  { status: StatusChangeTo, effectiveOn: DateString, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

/** Filters, search, sort and paging of the household list. */
export const HouseholdListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    status: Type.Optional(HouseholdStatus),
    attribute: Type.Optional(Attribute),
    cause: Type.Optional(Cause),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    sort: SortQuery(['registryNo', 'headName', 'perCapitaIncome', 'size', 'identifiedYear']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

// --- responses ---

const Money = Nullable(Type.Number());
const Problem = Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() });

/** One row of the household list (phone masked). */
export const HouseholdListItem = Type.Object({
  id: Type.Integer(),
  registryNo: Type.String(),
  naturalVillageCode: Type.String(),
  naturalVillageName: Type.String(),
  villageName: Type.String(),
  headName: Type.String(),
  phone: Nullable(Type.String(sensitive('phone', 'household'))),
  attribute: Type.String(),
  mainCause: Type.String(),
  otherCauses: Type.Array(Type.String()),
  status: Type.String(),
  size: Type.Integer(),
  incomeYear: Nullable(Type.Integer()),
  perCapitaIncome: Money,
  identifiedYear: Nullable(Type.Integer()),
});

/** A current member, ID number masked. */
export const PersonOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  sex: Type.String(),
  idNumber: Type.String(sensitive('idNumber', 'household')),
  birthDate: Type.String(),
  relation: Type.String(),
  ethnicity: Type.String(),
  education: Type.String(),
  schoolStatus: Type.String(),
  health: Type.String(sensitive('health', 'household')),
  labour: Type.String(),
  monthsWorked: Type.Integer(),
  hasMedicalInsurance: Type.Boolean(),
  hasPensionInsurance: Type.Boolean(),
});

/** One income year with the per-capita net income against that year's poverty line. */
export const IncomeOut = Type.Object({
  year: Type.Integer(),
  ...Type.Required(Type.Object(IncomeInput.properties)).properties,
  perCapitaNet: Type.Number(),
  povertyLine: Type.Union([Type.Number(), Type.Null()], {
    description: 'The year’s line: the poverty line up to 2020, the monitoring line after; null when missing',
  }),
  aboveLine: Type.Union([Type.Boolean(), Type.Null()]),
  lineMissing: Type.Union([Type.String(), Type.Null()], { description: 'What to do when the line is missing' }),
});

/** A need as stored. */
export const NeedOut = Type.Object({
  id: Type.Integer(),
  need: Type.String(),
  detail: Type.String(sensitive('health', 'household')),
  status: Type.String(),
  raisedOn: Type.String(),
  closedOn: Nullable(Type.String()),
});

/** One entry of the status history. */
export const StatusEventOut = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  effectiveOn: Type.String(),
  reason: Type.String(),
});

/** The full household record answered by GET /:id and by every change. */
export const HouseholdDetail = Type.Object({
  allowedActions: Type.Optional(RecordActions),
  ...HouseholdListItem.properties,
  address: Type.String(),
  bankName: Nullable(Type.String()),
  bankAccount: Nullable(Type.String(sensitive('bankAccount', 'household'))),
  standard: Type.String(),
  plannedExitYear: Nullable(Type.Integer()),
  farmlandMu: Money,
  forestMu: Money,
  hasPower: Type.Boolean(),
  roadDistanceKm: Money,
  housingArea: Money,
  housingStructure: Nullable(Type.String()),
  housingGrade: Nullable(Type.String()),
  safeWater: Type.Boolean(),
  hasToilet: Type.Boolean(),
  inCooperative: Type.Boolean(),
  foodClothingSecure: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  persons: Type.Array(PersonOut),
  income: Type.Array(IncomeOut),
  needs: Type.Array(NeedOut),
  statusHistory: Type.Array(StatusEventOut, { description: 'Poverty history (建档立卡), events only ever added' }),
  monitoringCases: Type.Array(MonitoringCaseOut, { description: 'Monitoring cases, oldest first, never deleted' }),
  violations: Type.Array(Problem, { description: 'Consistency problems of the record for its latest income year' }),
});

/** The exit test of one income year, every check listed with its detail in the caller's language. */
export const ExitAssessment = Type.Object({
  year: Type.Integer(),
  line: Type.Number(),
  perCapitaNetIncome: Type.Number(),
  passes: Type.Boolean(),
  checks: Type.Array(Type.Object({ code: Type.String(), passed: Type.Boolean(), detail: Type.String() })),
});

export type HouseholdCreateBody = Static<typeof HouseholdCreate>;
export type HouseholdPatchBody = Static<typeof HouseholdPatch>;
export type PersonInputBody = Static<typeof PersonInput>;
export type PersonPatchBody = Static<typeof PersonPatch>;
export type IncomeInputBody = Static<typeof IncomeInput>;
export type NeedInputBody = Static<typeof NeedInput>;
export type NeedPatchBody = Static<typeof NeedPatch>;
export type HouseholdListQueryType = Static<typeof HouseholdListQuery>;
