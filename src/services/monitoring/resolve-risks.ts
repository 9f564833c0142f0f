/**
 * Marks which risk types of an open case are resolved (风险化解), the whole list at once, audited. Clearing asks
 * for every one of them; a resolved mark can be taken back while the case is open.
 */
import type { Kysely } from 'kysely';
import * as monitoring from '../../db/repositories/monitoring.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';
import { toCaseOut } from './case-out.ts';
import { caseOrThrow, notOpenProblem } from './case-state.ts';

function notOfCase(resolved: readonly string[], riskTypes: readonly string[]): FieldProblem[] {
  const foreign = resolved.filter((r) => !riskTypes.includes(r));
  if (foreign.length === 0) return [];
  const message = {
    zh: `风险类型 ${foreign.join('、')} 不属于该监测对象`,
    en: `Risk type(s) ${foreign.join(', ')} are not of this case`,
  };
  return [{ path: 'resolved', code: 'risk_not_of_case', message }];
}

/** Sets the resolved risk types of case `id`; answers the case. */
export async function resolveRisks(db: Kysely<Database>, county: string, id: number, resolved: string[]) {
  return write(db, county, async (ctx) => {
    const row = await caseOrThrow(ctx.tx, county, id);
    const problems = [...notOpenProblem(row.status), ...notOfCase(resolved, row.risk_types)];
    if (problems.length > 0) throw AppError.rules(problems);
    const ordered = row.risk_types.filter((r) => resolved.includes(r));
    await monitoring.setResolvedRisks(ctx.tx, county, id, ordered);
    const place = await monitoring.householdPlaceOf(ctx.tx, county, Number(row.household_id));
    ctx.audit({
      action: 'monitoring.resolve',
      table: 'monitoring_case',
      recordId: id,
      orgCode: place,
      diff: diffOf({ resolved_risks: row.resolved_risks }, { resolved_risks: ordered }),
    });
    ctx.changed('households');
    return { case: toCaseOut({ ...row, resolved_risks: ordered }) };
  });
}
