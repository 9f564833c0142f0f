/**
 * The households of a division as the three sheets of the households file, read page by page (2,000 households at a
 * time) and yielded sheet after sheet, as the streaming workbook writes one sheet after the other.
 */
import { householdPage, incomeOf, personsOf } from '../../../db/repositories/imports.ts';
import type { KindContext } from '../kind.ts';
import type { HouseholdRow, IncomeRow, PersonRow } from './household-match.ts';

const PAGE = 2000;

async function* pages(ctx: KindContext, under: string | undefined): AsyncGenerator<HouseholdRow[]> {
  let after = 0;
  for (;;) {
    const page = await householdPage(ctx.db, ctx.county, under, after, PAGE);
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    after = Number(page[page.length - 1]?.id);
  }
}

/** A stored household as the households sheet's fields. */
export function householdValues(h: HouseholdRow): Record<string, unknown> {
  return {
    registryNo: h.registry_no,
    naturalVillageCode: h.natural_village_code,
    address: h.address,
    phone: h.phone,
    bankName: h.bank_name,
    bankAccount: h.bank_account,
    standard: h.standard,
    attribute: h.attribute,
    mainCause: h.main_cause,
    otherCauses: h.other_causes,
    identifiedYear: h.identified_year,
    plannedExitYear: h.planned_exit_year,
    farmlandMu: h.farmland_mu,
    forestMu: h.forest_mu,
    hasPower: h.has_power,
    roadDistanceKm: h.road_distance_km,
    housingArea: h.housing_area,
    housingStructure: h.housing_structure,
    housingGrade: h.housing_grade,
    safeWater: h.safe_water,
    hasToilet: h.has_toilet,
    inCooperative: h.in_cooperative,
    foodClothingSecure: h.food_clothing_secure,
    status: h.status,
  };
}

function personValues(registryNo: string, p: PersonRow): Record<string, unknown> {
  return {
    registryNo,
    name: p.name,
    idNumber: p.id_number,
    sex: p.sex,
    relation: p.relation,
    ethnicity: p.ethnicity,
    education: p.education,
    schoolStatus: p.school_status,
    health: p.health,
    labour: p.labour,
    monthsWorked: p.months_worked,
    hasMedicalInsurance: p.has_medical_insurance,
    hasPensionInsurance: p.has_pension_insurance,
  };
}

function incomeValues(registryNo: string, r: IncomeRow): Record<string, unknown> {
  const { county_code, household_id, per_capita_net, household_size, production_cost, ...items } = r;
  return { registryNo, ...items, productionCost: production_cost, householdSize: household_size };
}

/** Rows of the three sheets, in sheet order. */
export async function* householdSheetRows(ctx: KindContext, under: string | undefined) {
  for await (const page of pages(ctx, under)) for (const h of page) yield { sheetIndex: 0, values: householdValues(h) };
  for await (const page of pages(ctx, under)) {
    const registry = new Map(page.map((h) => [h.id, h.registry_no]));
    const persons = await personsOf(ctx.db, ctx.county, [...registry.keys()]);
    for (const p of persons) yield { sheetIndex: 1, values: personValues(registry.get(p.household_id) ?? '', p) };
  }
  for await (const page of pages(ctx, under)) {
    const registry = new Map(page.map((h) => [h.id, h.registry_no]));
    for (const r of await incomeOf(ctx.db, ctx.county, [...registry.keys()])) {
      yield { sheetIndex: 2, values: incomeValues(registry.get(r.household_id) ?? '', r) };
    }
  }
}
