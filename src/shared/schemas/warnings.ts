/** Schemas of things done (办实事) and early warning (防返贫监测预警). */
import { Type } from 'typebox';
import { OrgCode, PageQuery } from './common.ts';
import { MonitoringCategory, RiskTypes } from './monitoring.ts';
import { sensitive } from './sensitive.ts';

export const ThingsDoneQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    year: Type.Optional(Type.Integer({ minimum: 2013, maximum: 2100, description: 'default: latest year with help' })),
  },
  { additionalProperties: false },
);

const Count = Type.Integer({ minimum: 0 });

export const ThingsDone = Type.Object({
  year: Type.Integer(),
  within: Type.String(),
  months: Type.Array(Type.Object({ month: Type.Integer(), helpRecords: Count, problemsResolved: Count, total: Count })),
  total: Count,
  byUnit: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), total: Count })),
  problems: Type.Object({
    byLevelStatus: Type.Array(Type.Object({ level: Type.String(), status: Type.String(), count: Count })),
    resolved: Count,
    resolvedOnTime: Count,
    onTimeRate: Type.Union([Type.Number(), Type.Null()], {
      description: 'resolved within the level deadline / resolved',
    }),
  }),
});

export const WarningKind = Type.Enum(['no_help', 'low_income', 'income_fell', 'illness', 'overdue_problem'], {
  description:
    'no_help 长期未帮扶, low_income 收入临界, income_fell 收入下降, illness 大病残疾, overdue_problem 问题超期',
});

export const WarningQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    kind: Type.Optional(WarningKind),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "Part of the head's name" })),
    sort: Type.Optional(Type.Enum(['id', 'flags', '-flags'], { description: 'id, or by number of flags' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const WarningPage = Type.Object({
  items: Type.Array(
    Type.Object({
      householdId: Type.Integer(),
      headName: Type.String(),
      naturalVillageCode: Type.String(),
      status: Type.String(),
      // An illness warning's reason is a health fact of the household.
      warnings: Type.Array(
        Type.Object({
          kind: WarningKind,
          reason: Type.String(sensitive('health', 'household', { sibling: 'kind', pattern: '^illness$' })),
        }),
      ),
    }),
  ),
  total: Count,
  page: Type.Integer(),
  pageSize: Type.Integer(),
  byKind: Type.Record(Type.String(), Count),
});

export const MonitoringBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why the household is monitored' }),
    category: Type.Optional(MonitoringCategory),
    riskTypes: Type.Optional(RiskTypes),
  },
  { additionalProperties: false },
);

/** The household is now monitored: the case opened for it. */
export const MonitoringResult = Type.Object({
  householdId: Type.Integer(),
  status: Type.Literal('monitored'),
  effectiveOn: Type.String(),
  caseId: Type.Integer(),
  category: Type.String(),
});
