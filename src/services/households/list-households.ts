/**
 * The household list: filters by place, status, attribute and cause, and one search box that understands
 * ID numbers, registry numbers and head names. Phones are masked at serialisation (plugins/masking.ts).
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/households.ts';
import type { Database } from '../../db/schema.ts';
import { parseResidentId } from '../../domain/ids.ts';
import type { HouseholdListQueryType } from '../../shared/schemas/household.ts';
import { today } from './household-rules.ts';
import { rememberedTotal } from './household-totals.ts';

type ListRow = Awaited<ReturnType<typeof repo.listHouseholdPage>>[number];

/** API shape of a list row. */
export function toListItem(row: ListRow) {
  return {
    id: Number(row.id),
    registryNo: row.registry_no,
    naturalVillageCode: row.natural_village_code,
    naturalVillageName: row.natural_village_name,
    villageName: row.village_name,
    headName: row.head_name,
    phone: row.phone,
    attribute: row.attribute,
    mainCause: row.main_cause,
    otherCauses: row.other_causes,
    status: row.status,
    size: row.size,
    incomeYear: row.income_year,
    perCapitaIncome: row.per_capita_income,
    identifiedYear: row.identified_year,
  };
}

/**
 * Digits (with an optional final X) search ID numbers and registry numbers; a 15- or 18-character number is
 * compared in its normalised 18-digit form, so an old 15-digit number finds its upgraded record.
 * Anything else is part of a head's name.
 */
export function interpretSearch(q: string | undefined): repo.HouseholdSearch | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  if (!/^[0-9]+[Xx]?$/.test(text)) return { headName: text };
  const parsed = text.length === 15 || text.length === 18 ? parseResidentId(text, today()) : null;
  return { idNumber: parsed?.ok ? parsed.id : null, registryPrefix: text };
}

/** One page of households matching the query. */
export async function listHouseholds(db: Kysely<Database>, county: string, query: HouseholdListQueryType) {
  const { q, ...filter } = query;
  const search = interpretSearch(q);
  const where = { ...filter, search };
  const countNow = () => repo.countHouseholds(db, county, where);
  const { within, status, attribute, cause } = filter;
  const [rows, total] = await Promise.all([
    repo.listHouseholdPage(db, county, where),
    search ? countNow() : rememberedTotal(county, JSON.stringify([within, status, attribute, cause]), countNow),
  ]);
  return { items: rows.map(toListItem), total, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
}
