/**
 * Run by the e2e global setup between the demo seed and the server (PGlite has one owner at a time): makes sure
 * the demo county has current pairings to print. When the seed made none, pairs up to three households needing
 * help in the first village that has them with active members of the same village, gives the first helper a
 * published contact number and a published commitment of this year. Prints one JSON line: the village and a
 * pairing of it (id, plaque code, household id) for the plaque journey.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { withJobDatabase } from '../../../src/cli/job-database.ts';
import { chinaDateOf } from '../../../src/domain/dates.ts';

const COUNTY = '340822';

async function firstPairing(db: Parameters<Parameters<typeof withJobDatabase>[0]>[0]['db']) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .where('p.county_code', '=', COUNTY)
    .where('p.ended_on', 'is', null)
    .select([
      'p.id',
      'p.plaque_code',
      'p.household_id',
      'p.member_id',
      sql<string>`left(h.natural_village_code, 12)`.as('village'),
    ])
    .orderBy('h.natural_village_code')
    .orderBy('p.id')
    .executeTakeFirst();
}

const result = await withJobDatabase(async ({ db }) => {
  if (!(await firstPairing(db))) {
    const { rows } = await sql<{ household_id: number; member_id: number }>`
      with village as (
        select left(h.natural_village_code, 12) as code from household h
        where h.county_code = ${COUNTY} and h.status in ('identified', 'returned', 'monitored')
          and exists (select 1 from party_member m where m.county_code = h.county_code and m.status = 'active'
                      and left(m.natural_village_code, 12) = left(h.natural_village_code, 12))
        order by 1 limit 1
      ),
      households as (
        select h.id, row_number() over (order by h.id) as n from household h, village v
        where h.county_code = ${COUNTY} and left(h.natural_village_code, 12) = v.code
          and h.status in ('identified', 'returned', 'monitored')
        order by h.id limit 3
      ),
      members as (
        select m.id, row_number() over (order by m.id) as n from party_member m, village v
        where m.county_code = ${COUNTY} and left(m.natural_village_code, 12) = v.code and m.status = 'active'
        order by m.id limit 3
      )
      select h.id as household_id, m.id as member_id from households h join members m on m.n = h.n`.execute(db);
    for (const row of rows) {
      await db
        .insertInto('pairing')
        .values({
          county_code: COUNTY,
          member_id: row.member_id,
          household_id: row.household_id,
          slot: 1,
          started_on: '2026-03-01',
          measures: '发展特色种植，落实健康帮扶政策',
          plaque_code: randomBytes(5).toString('hex').toUpperCase(),
        })
        .execute();
    }
    const first = rows[0];
    if (first) {
      await db
        .updateTable('party_member')
        .set({ public_phone: '0556-5550101', work_unit: '县委组织部' })
        .where('county_code', '=', COUNTY)
        .where('id', '=', first.member_id)
        .execute();
      const year = Number(chinaDateOf().slice(0, 4));
      const { id } = await db
        .insertInto('commitment')
        .values({
          county_code: COUNTY,
          member_id: first.member_id,
          year,
          status: 'published',
          reviewed_on: `${year}-01-05`,
          published_on: `${year}-01-10`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('commitment_item')
        .values({ county_code: COUNTY, commitment_id: id, position: 1, content: '每月上门走访一次' })
        .execute();
    }
  }
  const pairing = await firstPairing(db);
  if (!pairing) throw new Error('the demo county has no household to pair');
  return {
    village: pairing.village,
    pairingId: Number(pairing.id),
    plaqueCode: pairing.plaque_code,
    householdId: Number(pairing.household_id),
  };
});
console.log(JSON.stringify(result));
