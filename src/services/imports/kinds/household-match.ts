/**
 * A checked household against the county's record with its registry number: what would change. The household's
 * columns, each person matched by ID number (new ones added, changed ones updated; persons not in the file are
 * left as they are), and each income year. No change anywhere → unchanged.
 */
import type { Selectable } from 'kysely';
import type { HouseholdIncomeTable, HouseholdPersonTable, HouseholdTable } from '../../../db/schema.ts';
import type { HouseholdCreateBody, PersonInputBody } from '../../../shared/schemas/household.ts';
import { diffOf } from '../../audit/audit.ts';
import { householdColumns, incomeColumns, personColumns } from '../../households/household-columns.ts';
import { derivePerson } from '../../households/household-rules.ts';

export type HouseholdRow = Selectable<HouseholdTable>;
export type PersonRow = Selectable<HouseholdPersonTable>;
export type IncomeRow = Selectable<HouseholdIncomeTable>;

export interface ExistingHousehold {
  row: HouseholdRow;
  persons: PersonRow[];
  income: IncomeRow[];
}

type Derived = { id_number: string; birth_date: string; sex: 'M' | 'F' };

/** The changes of one household; empty lists and diff when nothing changes. */
export interface HouseholdChanges {
  fields: Record<string, unknown>;
  diff: Record<string, [unknown, unknown]>;
  added: Array<{ input: PersonInputBody; derived: Derived }>;
  changed: Array<{ row: PersonRow; columns: Record<string, unknown>; diff: Record<string, [unknown, unknown]> }>;
  income: Array<{ year: number; household_size: number; columns: ReturnType<typeof incomeColumns> }>;
}

/** The household's own columns as the API maps them (persons, income, needs and dates excluded). */
export function ownColumns(input: HouseholdCreateBody): Record<string, unknown> {
  const { persons, income, needs, identifiedOn, ...fields } = input;
  return householdColumns(fields) as Record<string, unknown>;
}

/** What applying `input` to the existing household would change. */
export function changesOf(input: HouseholdCreateBody, existing: ExistingHousehold): HouseholdChanges {
  const fields = ownColumns(input);
  const diff = diffOf(existing.row, fields);
  const byId = new Map(existing.persons.map((p) => [p.id_number, p]));
  const added: HouseholdChanges['added'] = [];
  const changed: HouseholdChanges['changed'] = [];
  for (const [i, person] of input.persons.entries()) {
    const derived = derivePerson(person, `persons.${i}.`).derived as Derived;
    const row = byId.get(derived.id_number);
    if (!row) {
      added.push({ input: person, derived });
      continue;
    }
    const columns = { ...personColumns(person), ...derived } as Record<string, unknown>;
    const personDiff = diffOf(row, columns);
    if (Object.keys(personDiff).length > 0) changed.push({ row, columns, diff: personDiff });
  }
  const years = new Map(existing.income.map((r) => [r.year, r]));
  const income = (input.income ?? []).flatMap((r) => {
    const columns = incomeColumns(r);
    const household_size = r.householdSize ?? input.persons.length;
    const before = years.get(r.year);
    const same = before && Object.keys(diffOf(before, { ...columns, household_size })).length === 0;
    return same ? [] : [{ year: r.year, household_size, columns }];
  });
  return { fields, diff, added, changed, income };
}

/** Whether the changes change anything. */
export const isUnchanged = (c: HouseholdChanges): boolean =>
  Object.keys(c.diff).length === 0 && c.added.length === 0 && c.changed.length === 0 && c.income.length === 0;
