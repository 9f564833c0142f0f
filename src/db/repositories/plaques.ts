/**
 * Plaque queries: a pairing with its household, helper and places (only the columns a plaque may show), the
 * helper's published commitment items of a year, and the approved feedback figures of pairings.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Which pairings: one by id, one by plaque code, or the current ones of a village. */
export type PlaqueSelector = { id: number } | { code: string } | { village: string };

/** Pairings with the plaque's columns; no ID number, phone, bank account or health column is ever selected. */
export function findPlaqueRows(db: Kysely<Database>, county: string, which: PlaqueSelector) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'p.county_code').onRef('m.id', '=', 'p.member_id'),
    )
    .innerJoin('org_unit as nv', (j) =>
      j.onRef('nv.county_code', '=', 'h.county_code').onRef('nv.code', '=', 'h.natural_village_code'),
    )
    .leftJoin('org_unit as v', (j) =>
      j.onRef('v.county_code', '=', 'nv.county_code').onRef('v.code', '=', 'nv.parent_code'),
    )
    .where('p.county_code', '=', county)
    .$if('id' in which, (q) => q.where('p.id', '=', (which as { id: number }).id))
    .$if('code' in which, (q) => q.where('p.plaque_code', '=', (which as { code: string }).code))
    .$if('village' in which, (q) =>
      q
        .where('h.natural_village_code', 'like', `${(which as { village: string }).village}%`)
        .where('p.ended_on', 'is', null),
    )
    .select([
      'p.id',
      'p.county_code',
      'p.plaque_code',
      'p.started_on',
      'p.ended_on',
      'p.measures',
      'p.member_id',
      'p.household_id',
      'h.head_name',
      'h.attribute',
      'h.main_cause',
      'h.status',
      'h.natural_village_code',
      'nv.name as natural_village_name',
      'v.name as village_name',
      'm.name as helper_name',
      'm.work_unit',
      'm.post',
      'm.public_phone',
    ])
    .orderBy('nv.code')
    .orderBy('h.head_name')
    .orderBy('p.id')
    .execute();
}

export type PlaqueRow = Awaited<ReturnType<typeof findPlaqueRows>>[number];

/** Published (or already evaluated) commitment items of `year` for these members, in position order. */
export function publishedCommitmentItems(db: Kysely<Database>, county: string, memberIds: number[], year: number) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('commitment as c')
      .innerJoin('commitment_item as i', (j) =>
        j.onRef('i.county_code', '=', 'c.county_code').onRef('i.commitment_id', '=', 'c.id'),
      )
      .where('c.county_code', '=', county)
      .where('c.member_id', 'in', memberIds)
      .where('c.status', 'in', ['published', 'evaluated'])
      // Each member's latest published year up to `year`: a plaque keeps showing last year's until the new ones
      // are published.
      .where('c.year', '=', (eb) =>
        eb
          .selectFrom('commitment as l')
          .select((l) => l.fn.max('l.year').as('year'))
          .whereRef('l.county_code', '=', 'c.county_code')
          .whereRef('l.member_id', '=', 'c.member_id')
          .where('l.status', 'in', ['published', 'evaluated'])
          .where('l.year', '<=', year),
      )
      .select(['c.member_id', 'c.year', 'i.position', 'i.content', 'i.due_on', 'i.fulfilled_on'])
      .orderBy('c.member_id')
      .orderBy('i.position')
      .execute()
  );
}

/** Labels of dictionary codes of some kinds, in one query. */
export function dictionaryLabels(db: Kysely<Database>, kinds: string[]) {
  return db
    .selectFrom('dictionary')
    .where('kind', 'in', kinds)
    .select(['kind', 'code', 'label_zh as zh', 'label_en as en'])
    .execute();
}
