/** Every migration, by dated name. Listed statically so the set is explicit and works without a file scan. */
import type { Migration } from 'kysely/migration';
import * as registries from './2026-11-29-01-registries.ts';
import * as dashboardSummary from './2026-11-29-02-dashboard-summary.ts';
import * as grids from './2026-11-29-03-grids.ts';
import * as access from './2026-11-29-04-access.ts';
import * as pairing from './2026-11-29-05-pairing.ts';
import * as helpRecords from './2026-11-29-06-help-records.ts';
import * as problems from './2026-11-29-07-problems.ts';
import * as appSettings from './2026-11-29-08-app-settings.ts';
import * as countySettings from './2026-11-29-09-county-settings.ts';
import * as leaderGrants from './2026-11-29-10-leader-grants.ts';
import * as appRole from './2026-12-07-01-app-role.ts';
import * as problemUrge from './2026-12-07-09-problem-urge.ts';
import * as auditPending from './2026-12-07-20-audit-pending.ts';
import * as partyActivities from './2026-12-08-01-party-activities.ts';
import * as partyPoints from './2026-12-08-02-party-points.ts';
import * as listOrderIndexes from './2026-12-09-21-list-order-indexes.ts';
import * as imports from './2026-12-10-01-imports.ts';
import * as recordTrust from './2026-12-11-01-record-trust.ts';
import * as monitoringCases from './2026-12-12-01-monitoring-cases.ts';
import * as monitoringLine from './2026-12-12-02-monitoring-line.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-29-01-registries': registries,
  '2026-11-29-02-dashboard-summary': dashboardSummary,
  '2026-11-29-03-grids': grids,
  '2026-11-29-04-access': access,
  '2026-11-29-05-pairing': pairing,
  '2026-11-29-06-help-records': helpRecords,
  '2026-11-29-07-problems': problems,
  '2026-11-29-08-app-settings': appSettings,
  '2026-11-29-09-county-settings': countySettings,
  '2026-11-29-10-leader-grants': leaderGrants,
  '2026-12-07-01-app-role': appRole,
  '2026-12-07-09-problem-urge': problemUrge,
  '2026-12-07-20-audit-pending': auditPending,
  '2026-12-08-01-party-activities': partyActivities,
  '2026-12-08-02-party-points': partyPoints,
  '2026-12-09-21-list-order-indexes': listOrderIndexes,
  '2026-12-10-01-imports': imports,
  '2026-12-11-01-record-trust': recordTrust,
  '2026-12-12-01-monitoring-cases': monitoringCases,
  '2026-12-12-02-monitoring-line': monitoringLine,
};
