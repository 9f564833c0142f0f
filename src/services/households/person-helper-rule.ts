/**
 * "A helper is not a registered poor person" seen from the registry: a person registered in a household (new,
 * added, or given another ID number) must not be a member who currently helps households — whichever household,
 * since every household of the registry is 建档立卡 (domain/helper-eligibility.ts).
 */
import type { Kysely } from 'kysely';
import { helpingMembersWithIds } from '../../db/repositories/registered-poor.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { HELPER_IS_POOR, PERSON_IS_HELPER } from '../../domain/helper-eligibility.ts';
import { idKey } from '../../domain/person-facts.ts';

/** One ID number as the request gives it, and the field path it came from (`persons.2.idNumber`). */
export interface PersonId {
  idNumber: string;
  path: string;
}

/** A problem at each path whose ID number (in any form: 15 or 18 digits, lower-case x) is a current helper's. */
export async function personIsHelperProblems(
  db: Kysely<Database>,
  county: string,
  persons: readonly PersonId[],
): Promise<FieldProblem[]> {
  if (persons.length === 0) return [];
  const keyed = persons.map((p) => ({ ...p, key: idKey(p.idNumber) }));
  const helping = await helpingMembersWithIds(
    db,
    county,
    keyed.map((p) => p.key),
  );
  const helpers = new Set(helping.map((m) => m.id_number));
  return keyed
    .filter((p) => helpers.has(p.key))
    .map((p) => ({ path: p.path, code: HELPER_IS_POOR, message: PERSON_IS_HELPER }));
}
