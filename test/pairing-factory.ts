/**
 * Pairings for tests, inserted directly (the pairing service is built elsewhere): a member helping a household
 * since a date, with its plaque code; plus a member's published commitments of a year.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';

let codes = 0;

export interface PairingSeed {
  county?: string;
  memberId: number;
  householdId: number;
  slot?: 1 | 2;
  startedOn?: string;
  measures?: string;
  plaqueCode?: string;
}

/** Inserts a current pairing; returns its id and plaque code. */
export async function createPairing(
  db: Kysely<Database>,
  seed: PairingSeed,
): Promise<{ id: number; plaqueCode: string }> {
  codes += 1;
  const plaqueCode = seed.plaqueCode ?? `T${String(codes).padStart(5, '0')}`;
  const row = await db
    .insertInto('pairing')
    .values({
      county_code: seed.county ?? '340822',
      member_id: seed.memberId,
      household_id: seed.householdId,
      slot: seed.slot ?? 1,
      started_on: seed.startedOn ?? '2026-01-15',
      measures: seed.measures ?? '',
      plaque_code: plaqueCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), plaqueCode };
}

/** A published commitment of `year` for a member with these items (fulfilled ones carry evidence). */
export async function publishCommitment(
  db: Kysely<Database>,
  memberId: number,
  year: number,
  items: { content: string; fulfilledOn?: string }[],
  county = '340822',
): Promise<number> {
  const { id } = await db
    .insertInto('commitment')
    .values({
      county_code: county,
      member_id: memberId,
      year,
      status: 'published',
      reviewed_on: `${year}-02-01`,
      published_on: `${year}-02-10`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [index, item] of items.entries()) {
    await db
      .insertInto('commitment_item')
      .values({
        county_code: county,
        commitment_id: id,
        position: index + 1,
        content: item.content,
        fulfilled_on: item.fulfilledOn ?? null,
        evidence: item.fulfilledOn ? '已完成，见帮扶纪实' : null,
      })
      .returning('id')
      .execute();
  }
  return Number(id);
}
