/** The dictionary of coded lists: labels for screens and the check that a code exists. */
import type { Kysely } from 'kysely';
import { activeCodes, activeEntries } from '../db/repositories/dictionary.ts';
import type { Database } from '../db/schema.ts';
import type { FieldProblem, Localized } from '../domain/errors.ts';
import type { DictionaryEntry } from '../shared/schemas/dictionary.ts';

/** What each dictionary kind is called on forms, for messages a clerk understands. */
const KIND_NAMES: Record<string, Localized> = {
  cause: { zh: '致贫原因', en: 'cause of poverty' },
  attribute: { zh: '贫困户属性', en: 'household attribute' },
  standard: { zh: '识别标准', en: 'identification standard' },
  health: { zh: '健康状况', en: 'health' },
  labour: { zh: '劳动技能', en: 'labour capacity' },
  school_status: { zh: '在校生状况', en: 'school status' },
  relation: { zh: '与户主关系', en: 'relation to the head' },
  education: { zh: '文化程度', en: 'education' },
  ethnicity: { zh: '民族', en: 'ethnicity' },
  expertise: { zh: '特长', en: 'expertise' },
  willingness: { zh: '服务意愿', en: 'willingness to serve' },
  need: { zh: '帮扶需求', en: 'need' },
  measure: { zh: '帮扶措施', en: 'help measure' },
  housing_structure: { zh: '住房结构', en: 'housing structure' },
  problem_category: { zh: '问题类别', en: 'problem category' },
};

export type { DictionaryEntry };

/** The form name of a dictionary kind ('expertise' → 特长 / expertise). */
export function dictionaryKindName(kind: string): Localized {
  return KIND_NAMES[kind] ?? { zh: kind, en: kind };
}

/** Active entries in display order, optionally of one kind. */
export async function listDictionary(db: Kysely<Database>, kind?: string): Promise<DictionaryEntry[]> {
  return activeEntries(db, kind);
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
  const rows = await activeCodes(db, kinds);
  const known = new Set(rows.map((r) => `${r.kind}:${r.code}`));
  return wanted
    .filter((u) => !known.has(`${u.kind}:${u.code}`))
    .map((u) => {
      const name = dictionaryKindName(u.kind);
      return {
        path: u.path,
        code: 'unknown_code',
        message: { zh: `“${u.code}”不是有效的${name.zh}代码`, en: `"${u.code}" is not a valid ${name.en} code` },
      };
    });
}
