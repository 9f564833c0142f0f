/** The dictionary of coded lists (causes, needs, measures …): its active entries, for labels and code checks. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Active entries in display order, optionally of one kind, with their zh/en labels. */
export function activeEntries(db: Kysely<Database>, kind?: string) {
  return db
    .selectFrom('dictionary')
    .where('active', '=', true)
    .$if(kind !== undefined, (q) => q.where('kind', '=', kind as string))
    .select(['kind', 'code', 'label_zh as zh', 'label_en as en'])
    .orderBy('kind')
    .orderBy('sort')
    .execute();
}

/** The active codes of the given kinds, as kind and code. */
export function activeCodes(db: Kysely<Database>, kinds: readonly string[]) {
  return db
    .selectFrom('dictionary')
    .where('kind', 'in', kinds)
    .where('active', '=', true)
    .select(['kind', 'code'])
    .execute();
}
