/** Queries of the monitoring line by province and year (防止返贫监测范围, global table `monitoring_line`). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** Every line of a province, by year. */
export function linesOfProvince(db: Db, provinceCode: string) {
  return db
    .selectFrom('monitoring_line')
    .select(['year', 'yuan', 'source', 'updated_at'])
    .where('province_code', '=', provinceCode)
    .orderBy('year')
    .execute();
}

/** One province's lines as year → yuan, what the rules read. */
export async function lineMapOf(db: Db, provinceCode: string): Promise<Map<number, number>> {
  const rows = await linesOfProvince(db, provinceCode);
  return new Map(rows.map((r) => [Number(r.year), Number(r.yuan)]));
}

/** The line of one year, if any (the audit's before-value). */
export function lineOf(db: Db, provinceCode: string, year: number) {
  return db
    .selectFrom('monitoring_line')
    .select(['yuan', 'source'])
    .where('province_code', '=', provinceCode)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Sets (inserts or replaces) a province's line of a year. */
export async function upsertLine(
  db: Db,
  row: { province_code: string; year: number; yuan: number; source: string; updated_by: number | null },
): Promise<void> {
  await db
    .insertInto('monitoring_line')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['province_code', 'year']).doUpdateSet({
        yuan: row.yuan,
        source: row.source,
        updated_by: row.updated_by,
        updated_at: new Date(),
      }),
    )
    .execute();
}
