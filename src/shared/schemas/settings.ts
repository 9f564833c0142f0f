/**
 * Schemas of a county's settings (系统设置): early-warning thresholds (预警阈值) and problem deadlines (办理时限).
 * The bodies check types only; the ranges and orderings are domain rules (422 with zh/en messages per field), so
 * the form shows the same wording whatever was wrong.
 */
import { Type } from 'typebox';
import { COLUMN_RANGE, INTEGER, SMALLINT } from './column-limits.ts';
import { ProblemLevel, Urgency } from './problem.ts';

const Thresholds = {
  noHelpDays: Type.Integer({
    ...SMALLINT,
    description: 'days without verified help before a paired household is flagged (7–365)',
  }),
  incomeMultiple: Type.Number({
    ...COLUMN_RANGE.incomeMultiple,
    description: 'flag per-capita income below this multiple of the poverty line (1.00–3.00, step 0.05)',
  }),
  newIllnessDays: Type.Integer({
    ...SMALLINT,
    description: 'a serious illness or disability recorded within this many days is new (7–365)',
  }),
};

export const WarningSettingsBody = Type.Object(Thresholds, { additionalProperties: false });

const Range = Type.Object({ min: Type.Number(), max: Type.Number(), step: Type.Optional(Type.Number()) });

export const WarningSettings = Type.Object({
  ...Thresholds,
  isDefault: Type.Boolean({ description: 'true: the code defaults (the county has not set its own)' }),
  defaults: Type.Object(Thresholds),
  bounds: Type.Object({ noHelpDays: Range, incomeMultiple: Range, newIllnessDays: Range }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const Hours = Type.Integer({ ...INTEGER, description: 'whole hours (1–2160)' });

const Cell = Type.Object({
  hours: Type.Integer({ description: 'hours in force' }),
  defaultHours: Type.Integer({ description: 'the code default' }),
  own: Type.Boolean({ description: "true: the county's own value, false: the default" }),
});

export const DeadlineSettings = Type.Object({
  levels: Type.Array(ProblemLevel),
  bounds: Type.Object({ minHours: Type.Integer(), maxHours: Type.Integer() }),
  rows: Type.Array(
    Type.Object({
      category: Type.String(),
      categoryLabel: Type.String(),
      urgency: Urgency,
      cells: Type.Object({ grid: Cell, village: Cell, township: Cell, county: Cell }),
    }),
  ),
});

export const DeadlineChangesBody = Type.Object(
  {
    cells: Type.Array(
      Type.Object(
        {
          category: Type.String({ minLength: 1, maxLength: 40, description: 'problem_category code' }),
          urgency: Urgency,
          level: ProblemLevel,
          hours: Type.Union([Hours, Type.Null()], { description: 'null: back to the default' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
