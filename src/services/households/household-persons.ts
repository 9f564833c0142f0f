/**
 * Adds, corrects and removes household members. Nobody is deleted: a removal records the date and reason
 * (death, marriage out, split…), so the person can be registered again elsewhere. The household's size and
 * head name follow every change, and a change that breaks a registry rule is refused.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import type { Database } from '../../db/schema.ts';
import type { PersonFacts } from '../../domain/consistency.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import type { PersonInputBody, PersonPatchBody } from '../../shared/schemas/household.ts';
import { diffOf } from '../audit/audit.ts';
import type { CodeUse } from '../dictionary.ts';
import { write } from '../write.ts';
import { getHousehold } from './get-household.ts';
import { newPersonRow, personColumns } from './household-columns.ts';
import {
  derivePerson,
  incomeFacts,
  introducedViolations,
  personCodeUses,
  personFacts,
  personInputFacts,
  refuseProblems,
  today,
  toFacts,
  toProblems,
  violationsOf,
} from './household-rules.ts';
import { type Lang, loadForChange, syncPersonSummary } from './household-state.ts';
import { personIsHelperProblems } from './person-helper-rule.ts';

const PERSON = { zh: '家庭成员', en: 'household member' };
type State = Awaited<ReturnType<typeof loadForChange>>;

/**
 * Refuses the change when the persons `after` it break a rule that held before, plus the given problems.
 * The income's household size is not held against a change of members: the clerk updates the income next,
 * and the record shows the mismatch until then.
 */
async function refuseBrokenRules(
  db: Kysely<Database>,
  state: State,
  after: PersonFacts[],
  edited: number,
  problems: FieldProblem[],
  uses: CodeUse[],
): Promise<void> {
  const income = state.latestIncome ? incomeFacts(state.latestIncome) : null;
  const before = violationsOf(toFacts(state.household, state.persons.map(personFacts), income));
  const introduced = introducedViolations(before, violationsOf(toFacts(state.household, after, income)), [
    'household_size_mismatch',
  ]);
  // The edited person's fields are the request body's fields.
  await refuseProblems(db, uses, [...problems, ...toProblems(introduced, [[`persons.${edited}`, '']])]);
}

/** The rule "a helper is not a registered poor person" for an ID number a request registers (if any). */
function helperProblems(db: Kysely<Database>, county: string, idNumber: string | undefined) {
  return personIsHelperProblems(db, county, idNumber === undefined ? [] : [{ idNumber, path: 'idNumber' }]);
}

function findPerson(state: State, personId: number) {
  const index = state.persons.findIndex((p) => Number(p.id) === personId);
  const person = state.persons[index];
  if (!person) throw AppError.notFound(PERSON);
  return { index, person };
}

/** Adds a member to the household; returns the household's full record. */
export async function addPerson(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: PersonInputBody,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const state = await loadForChange(tx, county, id);
    const derived = derivePerson(input, '');
    const problems = [...derived.problems, ...(await helperProblems(tx, county, input.idNumber))];
    const after = [...state.persons.map(personFacts), personInputFacts(input)];
    await refuseBrokenRules(tx, state, after, after.length - 1, problems, personCodeUses(input, ''));
    // The rules passed, so the ID parsed.
    if (derived.derived) {
      await parts.insertPerson(tx, newPersonRow({ county_code: county, household_id: id }, input, derived.derived));
    }
    const diff = diffOf(null, { name: input.name, idNumber: input.idNumber, relation: input.relation });
    ctx.audit({
      action: 'person.add',
      table: 'household',
      recordId: id,
      orgCode: state.household.natural_village_code,
      diff,
    });
    await syncPersonSummary(tx, county, id);
    ctx.changed('households');
    return getHousehold(tx, county, id, lang);
  });
}

/** The rule-relevant fields a patch changes. */
function patchedFacts(facts: PersonFacts, patch: PersonPatchBody): PersonFacts {
  return {
    name: patch.name ?? facts.name,
    idNumber: patch.idNumber ?? facts.idNumber,
    relation: patch.relation ?? facts.relation,
    health: patch.health ?? facts.health,
    labour: patch.labour ?? facts.labour,
    schoolStatus: patch.schoolStatus ?? facts.schoolStatus,
  };
}

/**
 * Corrects a member. Making someone head demotes the current head to `previousHeadRelation` (default other)
 * in the same transaction, since a household always has exactly one head.
 */
export async function updatePerson(
  db: Kysely<Database>,
  county: string,
  id: number,
  personId: number,
  patch: PersonPatchBody,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const state = await loadForChange(tx, county, id);
    const { index, person } = findPerson(state, personId);
    const { previousHeadRelation, idNumber, sex, ...fields } = patch;
    const identity = idNumber !== undefined || sex !== undefined;
    const { derived, problems } = identity
      ? derivePerson({ idNumber: idNumber ?? person.id_number, sex }, '')
      : { derived: null, problems: [] };
    problems.push(...(await helperProblems(tx, county, idNumber)));
    const formerHead =
      patch.relation === 'head' && person.relation !== 'head'
        ? state.persons.find((p) => p.relation === 'head')
        : undefined;
    const demotedTo = previousHeadRelation ?? 'other';
    const after = state.persons.map((p, i) => {
      if (i === index) return patchedFacts(personFacts(p), patch);
      return p === formerHead ? { ...personFacts(p), relation: demotedTo } : personFacts(p);
    });
    await refuseBrokenRules(tx, state, after, index, problems, personCodeUses(patch, ''));
    // Demote first: the one-head index refuses two heads even for a moment.
    if (formerHead) await parts.updatePerson(tx, county, Number(formerHead.id), { relation: demotedTo });
    const columns = { ...personColumns(fields), ...(derived ?? {}) };
    await parts.updatePerson(tx, county, personId, columns);
    const diff = { person: [personId, personId] as [unknown, unknown], ...diffOf(person, columns) };
    ctx.audit({
      action: 'person.update',
      table: 'household',
      recordId: id,
      orgCode: state.household.natural_village_code,
      diff,
    });
    await syncPersonSummary(tx, county, id);
    ctx.changed('households');
    return getHousehold(tx, county, id, lang);
  });
}

/** Marks a member removed (never deleted). The head cannot be removed until another member is made head. */
export async function removePerson(
  db: Kysely<Database>,
  county: string,
  id: number,
  personId: number,
  removal: { removedOn: string; reason: string },
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const state = await loadForChange(tx, county, id);
    const { index, person } = findPerson(state, personId);
    if (person.relation === 'head') {
      const message = {
        zh: '不能移除户主，请先将另一名成员设为户主',
        en: 'The head cannot be removed; make another member head first',
      };
      throw AppError.rules([{ path: '', code: 'head_removal', message }]);
    }
    const problems: FieldProblem[] = [];
    if (removal.removedOn > today() || removal.removedOn < person.birth_date) {
      const message = {
        zh: '移除日期应在出生之后且不晚于今天',
        en: 'The removal date must be after birth and not in the future',
      };
      problems.push({ path: 'removedOn', code: 'removed_on_invalid', message });
    }
    const after = state.persons.filter((_, i) => i !== index).map(personFacts);
    await refuseBrokenRules(tx, state, after, -1, problems, []);
    const columns = { removed_on: removal.removedOn, removed_reason: removal.reason };
    await parts.updatePerson(tx, county, personId, columns);
    const diff = { person: [personId, personId] as [unknown, unknown], ...diffOf(person, columns) };
    ctx.audit({
      action: 'person.remove',
      table: 'household',
      recordId: id,
      orgCode: state.household.natural_village_code,
      diff,
    });
    await syncPersonSummary(tx, county, id);
    ctx.changed('households');
    return getHousehold(tx, county, id, lang);
  });
}
