/** Printable plaques: one pairing's, or every current pairing's of a village (bulk print), each with its QR code. */
import type { Kysely } from 'kysely';
import { findPlaqueRows, type PlaqueRow } from '../../db/repositories/plaques.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { commitmentsByMember, plaqueContent, plaqueLabels } from './plaque-view.ts';
import { plaqueUrl, qrSvg } from './qr.ts';

export const PAIRING = { zh: '结对', en: 'pairing' };

async function toPlaques(db: Kysely<Database>, county: string, rows: PlaqueRow[], origin: string, today: string) {
  const year = Number(today.slice(0, 4));
  const [labels, commitments] = await Promise.all([plaqueLabels(db), commitmentsByMember(db, county, rows, year)]);
  return Promise.all(
    rows.map(async (row) => {
      const url = plaqueUrl(origin, county, row.plaque_code);
      return {
        id: Number(row.id),
        memberId: Number(row.member_id),
        householdId: Number(row.household_id),
        ...plaqueContent(row, labels, commitments, year),
        naturalVillageCode: row.natural_village_code,
        url,
        qrSvg: await qrSvg(url),
      };
    }),
  );
}

/**
 * The plaque of pairing `id` (404 when missing). An ended pairing still has its plaque (a reprint for the
 * record), its public page says it ended.
 * @param origin the scheme and host the QR code points to
 */
export async function getPlaque(
  db: Kysely<Database>,
  county: string,
  id: number,
  origin: string,
  today = chinaDateOf(),
) {
  const rows = await findPlaqueRows(db, county, { id });
  if (rows.length === 0) throw AppError.notFound(PAIRING);
  const [plaque] = await toPlaques(db, county, rows, origin, today);
  return plaque as NonNullable<typeof plaque>;
}

/** Plaques of every current pairing of village `village`, by natural village then head's name. */
export async function villagePlaques(
  db: Kysely<Database>,
  county: string,
  village: string,
  origin: string,
  today = chinaDateOf(),
) {
  const rows = await findPlaqueRows(db, county, { village });
  return { village, items: await toPlaques(db, county, rows, origin, today) };
}
