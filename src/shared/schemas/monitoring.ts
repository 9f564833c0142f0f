/**
 * Schemas of prevent-return monitoring (防止返贫动态监测): a monitoring case as the household page shows it, the
 * requests that open one, mark its risks resolved and clear it, and the clearance check the server computes.
 */
import { Type } from 'typebox';
import {
  MONITORING_CASE_STATUS_LABELS,
  MONITORING_CASE_STATUSES,
  MONITORING_CATEGORIES,
  MONITORING_CATEGORY_LABELS,
  MONITORING_SOURCE_LABELS,
  MONITORING_SOURCES,
  RISK_TYPE_LABELS,
  RISK_TYPES,
} from '../labels/monitoring.ts';
import { describeCodes } from '../lang.ts';
import { CountyCode } from './common.ts';
import { sensitive } from './sensitive.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** 监测对象类别. */
export const MonitoringCategory = Type.Enum(MONITORING_CATEGORIES, {
  description: describeCodes(MONITORING_CATEGORY_LABELS),
});
/** One or more risk types (风险类型), each once. */
export const RiskTypes = Type.Array(Type.Enum(RISK_TYPES, { description: describeCodes(RISK_TYPE_LABELS) }), {
  minItems: 1,
  maxItems: RISK_TYPES.length,
  uniqueItems: true,
});
/** How the household was found. */
export const MonitoringSources = Type.Array(
  Type.Enum(MONITORING_SOURCES, { description: describeCodes(MONITORING_SOURCE_LABELS) }),
  { minItems: 1, maxItems: MONITORING_SOURCES.length, uniqueItems: true },
);

/** A clerk opens a case directly. */
export const OpenCaseBody = Type.Object(
  {
    category: MonitoringCategory,
    riskTypes: RiskTypes,
    sources: MonitoringSources,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    helperMemberId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** Which of the case's risk types are resolved now (the whole list, replacing the previous one). */
export const ResolveRisksBody = Type.Object(
  { resolved: Type.Array(Type.Enum(RISK_TYPES), { maxItems: RISK_TYPES.length, uniqueItems: true }) },
  { additionalProperties: false },
);

/** Clearing a case: only the reason is typed; the criteria are checked by the server. */
export const ClearCaseBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

/** One criterion of risk clearance, passed or not, with its detail in the caller's language. */
export const ClearCheckItem = Type.Object({ code: Type.String(), passed: Type.Boolean(), detail: Type.String() });

/** The clearance check: every criterion, and whether all passed. */
export const ClearCheck = Type.Object({
  passes: Type.Boolean(),
  stableYears: Type.Integer(),
  checks: Type.Array(ClearCheckItem),
});

/** A monitoring case as the household page lists it. */
export const MonitoringCaseOut = Type.Object({
  id: Type.Integer(),
  householdId: Type.Integer(),
  category: Type.String({ description: describeCodes(MONITORING_CATEGORY_LABELS) }),
  riskTypes: Type.Array(Type.String()),
  resolvedRisks: Type.Array(Type.String()),
  sources: Type.Array(Type.String()),
  status: Type.String({ description: describeCodes(MONITORING_CASE_STATUS_LABELS) }),
  openedOn: Type.String(),
  // Free text that may name an illness (因病): shown like a need's detail, to those who may read health facts.
  openReason: Type.String(sensitive('health', 'household')),
  closedOn: Nullable(Type.String()),
  closeReason: Type.Union([Type.String(sensitive('health', 'household')), Type.Null()]),
  helperMemberId: Type.Union([Type.Integer(), Type.Null()]),
  /** Migrated from a status event of the poverty history (before monitoring cases existed). */
  migrated: Type.Boolean(),
});

/** What a case write answers: the case, and for a clearance the check it passed. */
export const MonitoringCaseResult = Type.Object({
  case: MonitoringCaseOut,
  check: Type.Optional(ClearCheck),
});

export const CASE_STATUS_CODES = MONITORING_CASE_STATUSES;

/** A province's monitoring line of one year (yuan per person per year) with where the figure comes from. */
export const MonitoringLineBody = Type.Object(
  {
    yuan: Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'CNY per person per year' }),
    source: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Where the figure comes from (document, notice)',
    }),
  },
  { additionalProperties: false },
);

/** The year of a line (from 2021: earlier years use the poverty line). */
export const LineYearParams = Type.Object(
  {
    county: CountyCode,
    year: Type.Integer({ minimum: 2021, maximum: 2100 }),
  },
  { additionalProperties: false },
);

/** How many latest income years in a row must be above the line to clear a risk. */
export const StableYearsBody = Type.Object(
  { stableYears: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);

/** The province's lines and the county's stable years. */
export const MonitoringLines = Type.Object({
  provinceCode: Type.String(),
  stableYears: Type.Integer(),
  lines: Type.Array(Type.Object({ year: Type.Integer(), yuan: Type.Number(), source: Type.String() })),
});
