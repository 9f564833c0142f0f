/**
 * Poor-household registry schemas (建档立卡): the household, its persons, yearly income, needs, status history
 * and the exit assessment. Codes the consistency rules reason about (causes, relation, health, labour, school
 * status) are enums from the domain; the other coded fields are dictionary codes checked by the service.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { CAUSE_CODES, HEALTH_CODES, LABOUR_CODES, RELATION_CODES, SCHOOL_STATUS_CODES } from '../../domain/codes.ts';
import { DateString, OrgCode, PageQuery, SortQuery } from './common.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Code = Type.String({ pattern: '^[a-z0-9_]{1,40}$', description: 'Dictionary code' });
const Year = Type.Integer({ minimum: 2013, maximum: 2100 });
const Amount = Type.Number({ minimum: 0, maximum: 1_000_000_000, description: 'CNY' });
const Measure = Type.Number({ minimum: 0, maximum: 100_000 });

export const HouseholdStatus = Type.Enum(['identified', 'exited', 'returned', 'monitored', 'risk_cleared']);
export const Attribute = Type.Enum(['general', 'dibao_poor', 'tekun', 'dibao']);
export const Standard = Type.Enum(['national', 'provincial', 'municipal']);
export const Cause = Type.Enum([...CAUSE_CODES]);
export const NeedStatus = Type.Enum(['open', 'met', 'dropped']);
/** Why a person left the household; persons are never deleted. */
export const RemovalReason = Type.Enum(['death', 'marriage_out', 'split', 'moved_out', 'wrong_entry', 'other']);

/** Household fields a clerk writes (create and update); head name and size follow from the persons. */
const householdFields = {
  registryNo: Type.String({ pattern: '^[0-9A-Za-z-]{1,30}$', description: 'National registry number' }),
  naturalVillageCode: Type.String({ pattern: '^[0-9]{15}$' }),
  address: Type.String({ maxLength: 200 }),
  phone: Nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })),
  bankName: Nullable(Type.String({ minLength: 1, maxLength: 60 })),
  bankAccount: Nullable(Type.String({ pattern: '^[0-9]{8,32}$' })),
  standard: Standard,
  attribute: Attribute,
  mainCause: Cause,
  otherCauses: Type.Array(Cause, { maxItems: 13 }),
  identifiedYear: Year,
  plannedExitYear: Nullable(Year),
  farmlandMu: Nullable(Measure),
  forestMu: Nullable(Measure),
  hasPower: Type.Boolean(),
  roadDistanceKm: Nullable(Measure),
  housingArea: Nullable(Measure),
  housingStructure: Nullable(Code),
  housingGrade: Nullable(Type.Enum(['A', 'B', 'C', 'D'])),
  safeWater: Type.Boolean(),
  hasToilet: Type.Boolean(),
  inCooperative: Type.Boolean(),
  foodClothingSecure: Type.Boolean(),
};

const personFields = {
  name: Type.String({ minLength: 1, maxLength: 40 }),
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
const { sex, schoolStatus, health, monthsWorked, hasMedicalInsurance, hasPensionInsurance, ...personRequired } = personFields;

export const PersonInput = Type.Object(
  {
    ...personRequired,
    ...Type.Partial(Type.Object({ sex, schoolStatus, health, monthsWorked, hasMedicalInsurance, hasPensionInsurance }))
      .properties,
  },
  { additionalProperties: false },
);

export const PersonPatch = Type.Partial(
  Type.Object({
    ...personFields,
    previousHeadRelation: Type.Enum([...RELATION_CODES.filter((r) => r !== 'head')], {
      description: "When this person becomes head: the former head's new relation (default other)",
    }),
  }),
  { additionalProperties: false, minProperties: 1 },
);

export const PersonRemoval = Type.Object(
  { removedOn: DateString, reason: RemovalReason },
  { additionalProperties: false },
);

/** The yearly income items (absent items are 0) and the household size they are divided by. */
export const IncomeInput = Type.Object(
  {
    ...Type.Partial(
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
    ).properties,
  },
  { additionalProperties: false },
);

export const NeedInput = Type.Object(
  {
    need: Code,
    detail: Type.Optional(Type.String({ maxLength: 500 })),
    raisedOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);

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

export const HouseholdCreate = Type.Object(
  {
    ...{ registryNo, naturalVillageCode, standard, attribute, mainCause, identifiedYear },
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

export const HouseholdPatch = Type.Partial(Type.Object(householdFields), { additionalProperties: false, minProperties: 1 });

export const StatusChange = Type.Object(
  { status: HouseholdStatus, effectiveOn: DateString, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

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

export const HouseholdListItem = Type.Object({
  id: Type.Integer(),
  registryNo: Type.String(),
  naturalVillageCode: Type.String(),
  naturalVillageName: Type.String(),
  villageName: Type.String(),
  headName: Type.String(),
  phone: Nullable(Type.String({ description: 'Masked' })),
  attribute: Type.String(),
  mainCause: Type.String(),
  otherCauses: Type.Array(Type.String()),
  status: Type.String(),
  size: Type.Integer(),
  incomeYear: Nullable(Type.Integer()),
  perCapitaIncome: Money,
  identifiedYear: Type.Integer(),
});

export const PersonOut = Type.Object({
  id: Type.Integer(),
  ...personFields,
  idNumber: Type.String({ description: 'Masked' }),
  birthDate: Type.String(),
});

export const IncomeOut = Type.Object({
  year: Type.Integer(),
  ...Type.Required(Type.Object(IncomeInput.properties)).properties,
  perCapitaNet: Type.Number(),
  povertyLine: Type.Number(),
  aboveLine: Type.Boolean(),
});

export const NeedOut = Type.Object({
  id: Type.Integer(),
  need: Type.String(),
  detail: Type.String(),
  status: Type.String(),
  raisedOn: Type.String(),
  closedOn: Nullable(Type.String()),
});

export const StatusEventOut = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  effectiveOn: Type.String(),
  reason: Type.String(),
});

export const HouseholdDetail = Type.Object({
  ...HouseholdListItem.properties,
  address: Type.String(),
  bankName: Nullable(Type.String()),
  bankAccount: Nullable(Type.String({ description: 'Masked' })),
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
  statusHistory: Type.Array(StatusEventOut),
  violations: Type.Array(Problem, { description: 'Consistency problems of the record for its latest income year' }),
});

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
