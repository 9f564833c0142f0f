/** What every case write starts with: the case of the county, locked, or 404. */
import type { Kysely } from 'kysely';
import * as monitoring from '../../db/repositories/monitoring.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';

/** What a 404 names. */
export const MONITORING_CASE = { zh: '监测对象', en: 'monitoring case' };

/** The case, locked for the transaction; 404 when the county has none with that id. */
export async function caseOrThrow(db: Kysely<Database>, county: string, id: number) {
  const row = await monitoring.lockCase(db, county, id);
  if (!row) throw AppError.notFound(MONITORING_CASE);
  return row;
}

/** A cleared or closed case is final: a new risk opens a new case. */
export function notOpenProblem(status: string): FieldProblem[] {
  if (status === 'open') return [];
  const message = {
    zh: '该监测对象已风险消除或关闭，不能再修改；如有新的风险，请重新纳入监测（新建监测对象）',
    en: 'The case is cleared or closed and cannot change; for a new risk, open a new case',
  };
  return [{ path: 'id', code: 'monitoring_case_closed', message }];
}
