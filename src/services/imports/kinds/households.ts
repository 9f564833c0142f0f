/**
 * Import kind `households`: household, persons and income years (three sheets, linked by registry number), matched
 * by registry number. Every rule of registering a household through the API is applied: the HouseholdCreate
 * schema, ID numbers and the sex they fix (`derivePerson`), checkHousehold's consistency rules and the date rules
 * (`ruleProblems`, `dateProblems` of create-household), the natural village, a person who is a current helper
 * (`personIsHelperProblems`, for the whole file at once), and a person registered twice — in the file or already in
 * another household of the county. Writes reuse the households service's column maps and repositories.
 */

import * as parts from '../../../db/repositories/household-parts.ts';
import * as repo from '../../../db/repositories/households.ts';
import {
  householdsOfCounty,
  incomeOfCounty,
  orgUnitsUnder,
  personsOfCounty,
} from '../../../db/repositories/imports.ts';
import type { FieldProblem } from '../../../domain/errors.ts';
import { trimInvisible } from '../../../domain/person-facts.ts';
import { HouseholdCreate } from '../../../shared/schemas/household.ts';
import { diffOf } from '../../audit/audit.ts';
import { dateProblems, insertParts, ruleProblems } from '../../households/create-household.ts';
import { householdColumns, newPersonRow } from '../../households/household-columns.ts';
import { derivePerson } from '../../households/household-rules.ts';
import { syncPersonSummary } from '../../households/household-state.ts';
import { personIsHelperProblems } from '../../households/person-helper-rule.ts';
import type { WriteContext } from '../../write.ts';
import { addProblems, isInvalid, type KindContext, type KindDefinition } from '../kind.ts';
import { schemaProblems } from '../schema-check.ts';
import { householdSheetRows } from './household-export.ts';
import { changesOf, type ExistingHousehold, type HouseholdChanges, isUnchanged } from './household-match.ts';
import { buildHouseholds, HOUSEHOLD_SHEETS, type HouseholdUnit } from './household-sheets.ts';

interface CheckedHousehold extends HouseholdUnit {
  existing?: ExistingHousehold;
  changes?: HouseholdChanges;
}

const problem = (path: string, code: string, zh: string, en: string): FieldProblem => ({
  path,
  code,
  message: { zh, en },
});

/** The API's rules for one household, as create-household runs them. */
function unitRules(unit: CheckedHousehold, naturalVillages: Set<string>): void {
  if (unit.repeat) {
    addProblems(unit, [
      problem(
        'registryNo',
        'duplicate_in_file',
        `户编号“${unit.key}”在“贫困户”表中重复`,
        `Registry number "${unit.key}" appears twice on the households sheet`,
      ),
    ]);
    return;
  }
  addProblems(unit, schemaProblems(HouseholdCreate, unit.input));
  if (isInvalid(unit)) return;
  const input = unit.input;
  addProblems(unit, [
    ...input.persons.flatMap((p, i) => derivePerson(p, `persons.${i}.`).problems),
    ...ruleProblems(input),
    ...dateProblems(input),
    ...(naturalVillages.has(input.naturalVillageCode)
      ? []
      : [
          problem(
            'naturalVillageCode',
            'natural_village_unknown',
            '本县没有这个自然村，请先导入村和自然村',
            'No such natural village in the county; import it first',
          ),
        ]),
  ]);
}

/** A person given twice in the file, or already a current person of another household of the county. */
function registeredTwice(units: CheckedHousehold[], existingPersons: Map<string, number>): void {
  const seen = new Map<string, string>();
  for (const unit of units) {
    if (isInvalid(unit)) continue;
    const problems: FieldProblem[] = [];
    unit.input.persons.forEach((p, i) => {
      const id = derivePerson(p, '').derived?.id_number ?? '';
      const other = seen.get(id);
      const elsewhere = existingPersons.get(id);
      if (other !== undefined)
        problems.push(
          problem(
            `persons.${i}.idNumber`,
            'person_twice_in_file',
            `此人已在文件中的户“${other}”登记`,
            `This person is already in household "${other}" of the file`,
          ),
        );
      else if (elsewhere !== undefined && elsewhere !== unit.existing?.row.id)
        problems.push(
          problem(
            `persons.${i}.idNumber`,
            'person_registered_elsewhere',
            '此人已登记在本县另一户中',
            'This person is already registered in another household of the county',
          ),
        );
      seen.set(id, unit.key);
    });
    addProblems(unit, problems);
  }
}

/** "A helper is not a registered poor person": one lookup for every person of the file. */
async function helperProblems(ctx: KindContext, units: CheckedHousehold[]): Promise<void> {
  const valid = units.filter((u) => !isInvalid(u));
  const ids = valid.flatMap((u, k) =>
    u.input.persons.map((p, i) => ({ idNumber: p.idNumber, path: `${k}|persons.${i}.idNumber` })),
  );
  for (const found of await personIsHelperProblems(ctx.db, ctx.county, ids)) {
    const [k, path] = found.path.split('|');
    const unit = valid[Number(k)];
    if (unit) addProblems(unit, [{ ...found, path: path ?? '' }]);
  }
}

async function existingHouseholds(ctx: KindContext) {
  const [rows, persons, income] = await Promise.all([
    householdsOfCounty(ctx.db, ctx.county),
    personsOfCounty(ctx.db, ctx.county),
    incomeOfCounty(ctx.db, ctx.county),
  ]);
  const byId = new Map<number, ExistingHousehold>(rows.map((row) => [row.id, { row, persons: [], income: [] }]));
  for (const p of persons) byId.get(p.household_id)?.persons.push(p);
  for (const r of income) byId.get(r.household_id)?.income.push(r);
  return {
    byRegistry: new Map([...byId.values()].map((h) => [h.row.registry_no, h])),
    personHome: new Map(persons.map((p) => [p.id_number, p.household_id])),
  };
}

async function createOne(w: WriteContext, ctx: KindContext, unit: CheckedHousehold): Promise<void> {
  const input = unit.input;
  const head = input.persons.find((p) => p.relation === 'head');
  const { persons, income, needs, identifiedOn, ...fields } = input;
  const row = {
    ...householdColumns(fields),
    county_code: ctx.county,
    head_name: head ? trimInvisible(head.name) : '',
    size: persons.length,
  };
  const status = unit.status ?? 'identified';
  const id = await repo.insertHousehold(w.tx, { ...row, status } as repo.HouseholdInsert);
  const derived = persons.map(
    (p, i) => derivePerson(p, `persons.${i}.`).derived as NonNullable<ReturnType<typeof derivePerson>['derived']>,
  );
  await insertParts(w.tx, ctx.county, id, input, derived);
  // A household never registered in poverty ('none') has no poverty event; any other imported status has one.
  if (status !== 'identified' && status !== 'none') {
    await parts.insertStatusEvent(w.tx, {
      county_code: ctx.county,
      household_id: id,
      status,
      effective_on: ctx.today,
      reason: '导入',
    });
  }
  w.audit({
    action: 'household.create',
    table: 'household',
    recordId: id,
    orgCode: input.naturalVillageCode,
    diff: diffOf(null, { ...row, persons: persons.length }),
  });
  w.touched(input.naturalVillageCode);
}

async function updateOne(w: WriteContext, ctx: KindContext, unit: CheckedHousehold): Promise<void> {
  const { row } = unit.existing as ExistingHousehold;
  const c = unit.changes as HouseholdChanges;
  const ids = { county_code: ctx.county, household_id: row.id };
  const audit = (action: string, diff: Record<string, [unknown, unknown]>) =>
    w.audit({ action, table: 'household', recordId: row.id, orgCode: row.natural_village_code, diff });
  if (Object.keys(c.diff).length > 0) {
    await repo.updateHousehold(w.tx, ctx.county, row.id, c.fields as repo.HouseholdUpdate);
    audit('household.update', c.diff);
  }
  // A former head is demoted first: the one-head index refuses two heads even for a moment.
  const ordered = [...c.changed].sort(
    (a, b) => Number(a.columns.relation === 'head') - Number(b.columns.relation === 'head'),
  );
  for (const p of ordered) {
    await parts.updatePerson(w.tx, ctx.county, p.row.id, p.columns);
    audit('person.update', { person: [p.row.id, p.row.id], ...p.diff });
  }
  for (const p of c.added) {
    await parts.insertPerson(w.tx, newPersonRow(ids, p.input, p.derived));
    audit(
      'person.add',
      diffOf(null, { name: p.input.name, idNumber: p.derived.id_number, relation: p.input.relation }),
    );
  }
  let latest: { year: number; perCapita: number } | null = null;
  for (const r of [...c.income].sort((a, b) => a.year - b.year)) {
    const perCapita = await parts.upsertIncome(w.tx, {
      ...ids,
      year: r.year,
      household_size: r.household_size,
      ...r.columns,
    });
    audit('income.put', diffOf(null, { year: r.year, household_size: r.household_size, ...r.columns }));
    if (r.year >= (row.income_year ?? 0)) latest = { year: r.year, perCapita };
  }
  if (latest)
    await repo.updateHousehold(w.tx, ctx.county, row.id, {
      income_year: latest.year,
      per_capita_income: latest.perCapita,
    });
  await syncPersonSummary(w.tx, ctx.county, row.id);
  w.touched(row.natural_village_code, unit.input.naturalVillageCode);
}

export const householdsKind: KindDefinition<CheckedHousehold> = {
  kind: 'households',
  sheets: HOUSEHOLD_SHEETS,
  build: buildHouseholds,
  async check(ctx, units) {
    const naturalVillages = new Set(
      (await orgUnitsUnder(ctx.db, ctx.county)).filter((u) => u.level === 'natural_village').map((u) => u.code),
    );
    const { byRegistry, personHome } = await existingHouseholds(ctx);
    for (const unit of units) {
      if (isInvalid(unit)) continue;
      unitRules(unit, naturalVillages);
      const existing = byRegistry.get(unit.key);
      if (existing) unit.existing = existing;
    }
    registeredTwice(units, personHome);
    await helperProblems(ctx, units);
    for (const unit of units) {
      if (isInvalid(unit) || !unit.existing) continue;
      unit.changes = changesOf(unit.input, unit.existing);
      unit.action = isUnchanged(unit.changes) ? 'unchanged' : 'update';
    }
  },
  async apply(w, ctx, units) {
    for (const unit of units) {
      if (unit.action === 'create') await createOne(w, ctx, unit);
      else if (unit.action === 'update') await updateOne(w, ctx, unit);
    }
    w.changed('households');
  },
  exportRows: householdSheetRows,
};
