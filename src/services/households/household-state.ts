/**
 * What every household mutation starts and ends with: the household locked for the transaction (404 when it is
 * not the county's), its current persons and latest income; and the summary columns kept in step afterwards.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';

/** The caller's language for messages in successful responses (errors are localised by the error plugin). */
export type { Lang } from '../../shared/lang.ts';
/** What a 404 names. */
export const HOUSEHOLD = { zh: '贫困户', en: 'household' };

/** The locked household, its current persons and its latest income row, or 404. */
export async function loadForChange(db: Kysely<Database>, county: string, id: number) {
  const household = await repo.lockHousehold(db, county, id);
  if (!household) throw AppError.notFound(HOUSEHOLD);
  const [persons, income] = await Promise.all([parts.listPersons(db, county, id), parts.listIncome(db, county, id)]);
  return { household, persons, latestIncome: income.at(-1) ?? null };
}

/** head_name and size follow the current persons; called after every change to them. */
export async function syncPersonSummary(db: Kysely<Database>, county: string, id: number): Promise<void> {
  const persons = await parts.listPersons(db, county, id);
  const head = persons.find((p) => p.relation === 'head');
  await repo.updateHousehold(db, county, id, { size: persons.length, ...(head ? { head_name: head.name } : {}) });
}

/** A problem unless `code` is a natural village of the county (households live in natural villages). */
export async function placeProblems(
  db: Kysely<Database>,
  county: string,
  code: string | undefined,
): Promise<FieldProblem[]> {
  if (code === undefined || (await repo.naturalVillageExists(db, county, code))) return [];
  const message = { zh: '本县没有这个自然村', en: 'No such natural village in the county' };
  return [{ path: 'naturalVillageCode', code: 'natural_village_unknown', message }];
}
