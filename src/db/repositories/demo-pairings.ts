/** The demo seed's touches to its pairings: plaque contact numbers and measures (帮扶措施). Not audited, like the seed. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Gives every helper the number printed on their plaques: a synthetic landline of the county's area code
 * (0556, Anqing), never the member's personal phone.
 */
export async function publishContactNumbers(db: Kysely<Database>, countyCode: string): Promise<void> {
  await sql`
    update party_member m set public_phone = '0556-5' || lpad((m.id % 1000000)::text, 6, '0')
    where m.county_code = ${countyCode}
      and exists (select 1 from pairing p where p.county_code = m.county_code and p.member_id = m.id)`.execute(db);
}

/** Gives every pairing of the county without measures the text of its household's main cause (`byCause`). */
export async function fillEmptyMeasures(db: Kysely<Database>, countyCode: string, byCause: Record<string, string>) {
  const causes = Object.keys(byCause);
  await sql`
    update pairing p set measures = m.text
    from household h, unnest(${causes}::text[], ${causes.map((c) => byCause[c])}::text[]) as m(cause, text)
    where p.county_code = ${countyCode} and h.county_code = p.county_code and h.id = p.household_id
      and h.main_cause = m.cause and p.measures = ''`.execute(db);
}
