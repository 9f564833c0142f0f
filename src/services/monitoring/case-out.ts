/** A stored monitoring case in the API's shape (shared/schemas/monitoring.ts MonitoringCaseOut). */
import type { CaseRow } from '../../db/repositories/monitoring.ts';

/** The case as the household page and the case routes answer it. */
export function toCaseOut(row: CaseRow) {
  return {
    id: Number(row.id),
    householdId: Number(row.household_id),
    category: row.category,
    riskTypes: row.risk_types,
    resolvedRisks: row.resolved_risks,
    sources: row.sources,
    status: row.status,
    openedOn: String(row.opened_on),
    openReason: row.open_reason,
    closedOn: row.closed_on === null ? null : String(row.closed_on),
    closeReason: row.close_reason,
    helperMemberId: row.helper_member_id === null ? null : Number(row.helper_member_id),
    migrated: row.opened_event_id !== null,
  };
}
