/**
 * Registers a poor household (建档立卡) with its persons, optional income years and needs, in one transaction.
 * Order of refusals: schema (400, by the route) → dictionary codes and consistency rules (422, every problem at
 * once; a person who is a current helper too) → database constraints (409, e.g. an ID number already registered
 * in the county, with the field path). A refusal writes nothing.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { trimInvisible } from '../../domain/person-facts.ts';
import type { HouseholdCreateBody } from '../../shared/schemas/household.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';
import { getHousehold } from './get-household.ts';
import { householdColumns, incomeColumns, newPersonRow } from './household-columns.ts';
import {
  derivePerson,
  householdCodeUses,
  incomeItems,
  personCodeUses,
  personInputFacts,
  plannedExitProblems,
  refuseProblems,
  today,
  toFacts,
  toProblems,
  violationsOf,
} from './household-rules.ts';
import { type Lang, placeProblems } from './household-state.ts';
import { personIsHelperProblems } from './person-helper-rule.ts';

type Derived = NonNullable<ReturnType<typeof derivePerson>['derived']>;

/** Consistency rules: the household with no income, then each income year's own rules. */
export function ruleProblems(input: HouseholdCreateBody): FieldProblem[] {
  const base = { attribute: input.attribute, main_cause: input.mainCause, other_causes: input.otherCauses ?? [] };
  const facts = toFacts(base, input.persons.map(personInputFacts));
  const incomes = input.income ?? [];
  const latestYear = Math.max(...incomes.map((row) => row.year));
  const incomeProblems = incomes.flatMap((row, i) => {
    const income = { items: incomeItems(row), householdSize: row.householdSize ?? input.persons.length };
    // Past years counted the people of their time; only the latest year must match today's members.
    const violations = violationsOf({ ...facts, income }).filter(
      (v) => v.path?.startsWith('income') && (row.year === latestYear || v.code !== 'household_size_mismatch'),
    );
    return toProblems(violations, [
      ['income.items', `income.${i}`],
      ['income', `income.${i}`],
    ]);
  });
  return [...toProblems(violationsOf(facts)), ...incomeProblems];
}

/** Dates and years that must agree with each other. */
export function dateProblems(input: HouseholdCreateBody): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.identifiedOn && Number(input.identifiedOn.slice(0, 4)) !== input.identifiedYear) {
    problems.push({
      path: 'identifiedOn',
      code: 'identified_on_year',
      message: { zh: '识别日期应在识别年度内', en: 'The identification date must fall in the identification year' },
    });
  }
  problems.push(...plannedExitProblems(input.identifiedYear, input.plannedExitYear));
  (input.income ?? []).forEach((row, i, all) => {
    if (all.findIndex((r) => r.year === row.year) < i) {
      problems.push({
        path: `income.${i}.year`,
        code: 'income_year_duplicate',
        message: { zh: `${row.year} 年的收入重复填写`, en: `Income for ${row.year} is given twice` },
      });
    }
  });
  return problems;
}

function codeUses(input: HouseholdCreateBody) {
  return [
    ...householdCodeUses(input),
    ...input.persons.flatMap((p, i) => personCodeUses(p, `persons.${i}.`)),
    ...(input.needs ?? []).map((n, i) => ({ kind: 'need', code: n.need, path: `needs.${i}.need` })),
  ];
}

/** Inserts the income years; returns the latest year and its per-capita net income, the list's headline. */
async function insertIncome(
  db: Kysely<Database>,
  ids: { county_code: string; household_id: number },
  input: HouseholdCreateBody,
) {
  const incomes = [...(input.income ?? [])].sort((a, b) => a.year - b.year);
  let latest: { year: number; perCapita: number } | null = null;
  for (const row of incomes) {
    const household_size = row.householdSize ?? input.persons.length;
    const perCapita = await parts.upsertIncome(db, { ...ids, year: row.year, household_size, ...incomeColumns(row) });
    latest = { year: row.year, perCapita };
  }
  return latest;
}

/** Inserts the persons, income years, needs and first status event of a new household. */
export async function insertParts(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: HouseholdCreateBody,
  derived: Derived[],
) {
  const ids = { county_code: county, household_id: id };
  await parts.insertPersons(
    db,
    input.persons.map((p, i) => newPersonRow(ids, p, derived[i] as Derived)),
  );
  const latest = await insertIncome(db, ids, input);
  if (latest)
    await repo.updateHousehold(db, county, id, { income_year: latest.year, per_capita_income: latest.perCapita });
  const needs = (input.needs ?? []).map((n) => ({
    ...ids,
    need: n.need,
    detail: n.detail ?? '',
    raised_on: n.raisedOn ?? today(),
  }));
  await parts.insertNeeds(db, needs);
  const identifiedOn = input.identifiedOn ?? `${input.identifiedYear}-01-01`;
  await parts.insertStatusEvent(db, {
    ...ids,
    status: 'identified',
    effective_on: identifiedOn,
    reason: '建档立卡识别',
  });
}

/** Creates the household and returns its full record (201). */
export async function createHousehold(
  db: Kysely<Database>,
  county: string,
  input: HouseholdCreateBody,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const derivations = input.persons.map((p, i) => derivePerson(p, `persons.${i}.`));
    const problems = [
      ...derivations.flatMap((d) => d.problems),
      ...ruleProblems(input),
      ...dateProblems(input),
      ...(await placeProblems(tx, county, input.naturalVillageCode)),
      ...(await personIsHelperProblems(
        tx,
        county,
        input.persons.map((p, i) => ({ idNumber: p.idNumber, path: `persons.${i}.idNumber` })),
      )),
    ];
    await refuseProblems(tx, codeUses(input), problems);
    // checkHousehold passed, so every ID parsed and exactly one head exists.
    const head = input.persons.find((p) => p.relation === 'head');
    const { persons, income, needs, identifiedOn, ...fields } = input;
    const row = {
      ...householdColumns(fields),
      county_code: county,
      head_name: head ? trimInvisible(head.name) : '',
      size: persons.length,
    };
    const id = await repo.insertHousehold(tx, { ...row, status: 'identified' } as repo.HouseholdInsert);
    await insertParts(
      tx,
      county,
      id,
      input,
      derivations.map((d) => d.derived as Derived),
    );
    const diff = diffOf(null, { ...row, persons: persons.length });
    ctx.audit({
      action: 'household.create',
      table: 'household',
      recordId: id,
      orgCode: input.naturalVillageCode,
      diff,
    });
    ctx.changed('households');
    ctx.touched(input.naturalVillageCode);
    return getHousehold(tx, county, id, lang);
  });
}
