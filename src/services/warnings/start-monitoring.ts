/**
 * Puts a household flagged by early warning under monitoring (纳入监测): a new monitoring case found by the early
 * warning, opened today with the caller's reason, audited in one transaction. The household's poverty status and
 * its status history are left as they are; the case is cleared (风险消除) later, never deleted.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/actor.ts';
import type { MonitoringCategory, RiskType } from '../../shared/labels/monitoring.ts';
import { openCaseStep } from '../monitoring/open-case.ts';
import { write } from '../write.ts';

/** Starts monitoring household `id`; 422 when it already has an open case or the category does not fit. */
export async function startMonitoring(
  db: Kysely<Database>,
  county: string,
  id: number,
  body: { reason: string; category?: MonitoringCategory | undefined; riskTypes?: RiskType[] | undefined },
  actor?: Actor,
) {
  const opened = await write(db, county, (ctx) =>
    openCaseStep(ctx, id, { ...body, sources: ['warning'] }, actor?.userId ?? null),
  );
  return {
    householdId: id,
    status: 'monitored' as const,
    effectiveOn: opened.openedOn,
    caseId: opened.caseId,
    category: opened.category,
  };
}
