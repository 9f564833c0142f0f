/** The dictionary of coded lists: labels for screens and the check that a code exists. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldProblem } from '../domain/errors.ts';

export interface DictionaryEntry {
  kind: string;
  code: string;
  zh: string;
  en: string;
}

/** Active entries in display order, optionally of one kind. */
export async function listDictionary(db: Kysely<Database>, kind?: string): Promise<DictionaryEntry[]> {
  return db
    .selectFrom('dictionary')
    .where('active', '=', true)
    .$if(kind !== undefined, (q) => q.where('kind', '=', kind as string))
    .select(['kind', 'code', 'label_zh as zh', 'label_en as en'])
    .orderBy('kind')
    .orderBy('sort')
    .execute();
}

/** A code to check: which dictionary kind it belongs to and where it sits in the request. */
export interface CodeUse {
  kind: string;
  code: string | null | undefined;
  path: string;
}

/** A problem for every code that is not an active entry of its kind (one query for all of them). */
export async function unknownCodes(db: Kysely<Database>, uses: CodeUse[]): Promise<FieldProblem[]> {
  const wanted = uses.filter((u): u is CodeUse & { code: string } => u.code != null);
  if (wanted.length === 0) return [];
  const kinds = [...new Set(wanted.map((u) => u.kind))];
  const rows = await db
    .selectFrom('dictionary')
    .where('kind', 'in', kinds)
    .where('active', '=', true)
    .select(['kind', 'code'])
    .execute();
  const known = new Set(rows.map((r) => `${r.kind}:${r.code}`));
  return wanted
    .filter((u) => !known.has(`${u.kind}:${u.code}`))
    .map((u) => ({
      path: u.path,
      code: 'unknown_code',
      message: { zh: `“${u.code}”不是有效的${u.kind}代码`, en: `"${u.code}" is not a valid ${u.kind} code` },
    }));
}
